/** Map helpers of the engine. */

/** What getOrAdd needs of a Map or a WeakMap. */
interface Keyed<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/** The value of `key` in `map`, made and put there first when there is none. */
export function getOrAdd<K, V>(map: Keyed<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

/**
 * A Map kept as up to 64 small Maps. V8 moves a Map of more than 4 096 entries to its large-object
 * space, and each time such a Map grows it allocates its table afresh there: on our machines that
 * costs about 1 ms per 8 192 entries of capacity, 14 ms to fill one Map with 40 000 keys against
 * 1.5 ms for the same keys spread over 64 Maps (docs/PERFORMANCE.md). Keys are spread by a hash of
 * their characters, so none of the parts outgrows the regular heap below 250 000 keys.
 */
const PARTS = 64;

function partOf(key: string): number {
  let hash = key.length;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) | 0;
  return hash & (PARTS - 1);
}

export class SplitMap<V> {
  private readonly parts: (Map<string, V> | undefined)[] = new Array(PARTS);

  get(key: string): V | undefined {
    return this.parts[partOf(key)]?.get(key);
  }

  has(key: string): boolean {
    return this.parts[partOf(key)]?.has(key) ?? false;
  }

  set(key: string, value: V): this {
    const i = partOf(key);
    (this.parts[i] ??= new Map()).set(key, value);
    return this;
  }
}
