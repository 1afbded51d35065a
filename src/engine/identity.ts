/**
 * Branch identity (PRODUCT.md §2): by code when both sides have one, else by (unit, name), else —
 * when one side has no units at all — by name alone.
 */
import { normaliseName } from "./text";

export class BranchIndex<T> {
  private readonly byCode = new Map<string, T>();
  private readonly byNameWithoutCode = new Map<string, T>();
  private readonly byName = new Map<string, T>();

  /** `useUnit` false: the index has no units, so names are compared alone. */
  constructor(private readonly useUnit: boolean) {}

  private nameKey(unit: string | undefined, name: string): string {
    return this.useUnit ? `${normaliseName(unit ?? "")}\u0000${normaliseName(name)}` : normaliseName(name);
  }

  /** The first item added with the same identity, and whether it matched by code. */
  find(code: string | undefined, unit: string | undefined, name: string): { item: T; byCode: boolean } | undefined {
    const key = this.nameKey(unit, name);
    const c = code ? normaliseName(code) : "";
    if (c) {
      const item = this.byCode.get(c);
      if (item !== undefined) return { item, byCode: true };
      const named = this.byNameWithoutCode.get(key);
      return named === undefined ? undefined : { item: named, byCode: false };
    }
    const named = this.byName.get(key);
    return named === undefined ? undefined : { item: named, byCode: false };
  }

  add(item: T, code: string | undefined, unit: string | undefined, name: string): void {
    const key = this.nameKey(unit, name);
    const c = code ? normaliseName(code) : "";
    if (c) {
      if (!this.byCode.has(c)) this.byCode.set(c, item);
    } else if (!this.byNameWithoutCode.has(key)) {
      this.byNameWithoutCode.set(key, item);
    }
    if (!this.byName.has(key)) this.byName.set(key, item);
  }
}
