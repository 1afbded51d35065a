/**
 * Branch identity (PRODUCT.md §2): by code when both sides have one, else by (unit, name), else —
 * when one side has no units at all — by name alone.
 */
import { normaliseName } from "./text";
import { getOrAdd, SplitMap } from "./maps";

/** Items by (unit, name), each normalised: a map per unit, so no key string is built per lookup. */
class NameMap<T> {
  private readonly units = new Map<string, SplitMap<T>>();

  get(unit: string, name: string): T | undefined {
    return this.units.get(unit)?.get(name);
  }

  /** Keeps the first item of each key. */
  add(unit: string, name: string, item: T): void {
    const names = getOrAdd(this.units, unit, () => new SplitMap<T>());
    if (!names.has(name)) names.set(name, item);
  }
}

export class BranchIndex<T> {
  private readonly byCode = new SplitMap<T>();
  private readonly byNameWithoutCode = new NameMap<T>();
  private readonly byName = new NameMap<T>();

  /** `useUnit` false: the index has no units, so names are compared alone. */
  constructor(private readonly useUnit: boolean) {}

  private unitOf(unit: string | undefined): string {
    return this.useUnit ? normaliseName(unit ?? "") : "";
  }

  /** The first item added with the same identity, and whether it matched by code. */
  find(code: string | undefined, unit: string | undefined, name: string): { item: T; byCode: boolean } | undefined {
    return this.findKey(code ? normaliseName(code) : "", this.unitOf(unit), normaliseName(name));
  }

  add(item: T, code: string | undefined, unit: string | undefined, name: string): void {
    this.addKey(item, code ? normaliseName(code) : "", this.unitOf(unit), normaliseName(name));
  }

  /** find, then add `item`: each name and code normalised once. */
  claim(item: T, code: string | undefined, unit: string | undefined, name: string): { item: T; byCode: boolean } | undefined {
    const c = code ? normaliseName(code) : "";
    const u = this.unitOf(unit);
    const n = normaliseName(name);
    const earlier = this.findKey(c, u, n);
    this.addKey(item, c, u, n);
    return earlier;
  }

  private findKey(c: string, u: string, n: string): { item: T; byCode: boolean } | undefined {
    if (c) {
      const item = this.byCode.get(c);
      if (item !== undefined) return { item, byCode: true };
      const named = this.byNameWithoutCode.get(u, n);
      return named === undefined ? undefined : { item: named, byCode: false };
    }
    const named = this.byName.get(u, n);
    return named === undefined ? undefined : { item: named, byCode: false };
  }

  private addKey(item: T, c: string, u: string, n: string): void {
    if (c) {
      if (!this.byCode.has(c)) this.byCode.set(c, item);
    } else {
      this.byNameWithoutCode.add(u, n, item);
    }
    this.byName.add(u, n, item);
  }
}
