/**
 * Branch identity (PRODUCT.md §2): by code when both sides have one, else by (unit, name), else —
 * when one side has no units at all — by name alone.
 */
import { normaliseName } from "./text";

/** Items by (unit, name), each normalised: a map per unit, so no key string is built per lookup. */
class NameMap<T> {
  private readonly units = new Map<string, Map<string, T>>();

  get(unit: string, name: string): T | undefined {
    return this.units.get(unit)?.get(name);
  }

  /** Keeps the first item of each key. */
  add(unit: string, name: string, item: T): void {
    let names = this.units.get(unit);
    if (!names) this.units.set(unit, (names = new Map()));
    if (!names.has(name)) names.set(name, item);
  }
}

export class BranchIndex<T> {
  private readonly byCode = new Map<string, T>();
  private readonly byNameWithoutCode = new NameMap<T>();
  private readonly byName = new NameMap<T>();

  /** `useUnit` false: the index has no units, so names are compared alone. */
  constructor(private readonly useUnit: boolean) {}

  private unitOf(unit: string | undefined): string {
    return this.useUnit ? normaliseName(unit ?? "") : "";
  }

  /** The first item added with the same identity, and whether it matched by code. */
  find(code: string | undefined, unit: string | undefined, name: string): { item: T; byCode: boolean } | undefined {
    const u = this.unitOf(unit);
    const n = normaliseName(name);
    const c = code ? normaliseName(code) : "";
    if (c) {
      const item = this.byCode.get(c);
      if (item !== undefined) return { item, byCode: true };
      const named = this.byNameWithoutCode.get(u, n);
      return named === undefined ? undefined : { item: named, byCode: false };
    }
    const named = this.byName.get(u, n);
    return named === undefined ? undefined : { item: named, byCode: false };
  }

  add(item: T, code: string | undefined, unit: string | undefined, name: string): void {
    const u = this.unitOf(unit);
    const n = normaliseName(name);
    const c = code ? normaliseName(code) : "";
    if (c) {
      if (!this.byCode.has(c)) this.byCode.set(c, item);
    } else {
      this.byNameWithoutCode.add(u, n, item);
    }
    this.byName.add(u, n, item);
  }
}
