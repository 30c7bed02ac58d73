/**
 * Every goods code prefix list the rules name, indexed so that one pass over a declaration's goods marks each list
 * some item matches: per item, one lookup per prefix length in use, however many rules there are.
 */

/** Prefixes of up to this many digits are looked up in a dense array (10^4 slots), longer ones in a map. */
const DENSE_DIGITS = 4;

export class HsPrefixIndex {
  /** The distinct prefix lists, by id. */
  readonly lists: string[][] = [];
  private readonly ids = new Map<string, number>();
  /** By prefix length, from the numeric value of the prefix's digits to the ids of the lists holding it. */
  private readonly dense: Array<Array<number[] | undefined> | undefined> = [];
  private readonly sparse: Array<Map<number, number[]> | undefined> = [];
  /** The prefix lengths in use, ascending; a code is read no further than the last. */
  private lengths: number[] = [];

  /** The id of the list, registering it once however many conditions name it. */
  register(prefixes: readonly string[]): number {
    const key = [...new Set(prefixes)].sort().join(',');
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const id = this.lists.length;
    this.lists.push([...prefixes]);
    this.ids.set(key, id);
    for (const prefix of new Set(prefixes)) this.add(prefix, id);
    return id;
  }

  private add(prefix: string, id: number): void {
    const length = prefix.length;
    const value = Number(prefix);
    let holders: number[] | undefined;
    if (length <= DENSE_DIGITS) {
      const table = (this.dense[length] ??= new Array<number[] | undefined>(10 ** length));
      holders = table[value] ??= [];
    } else {
      const table = (this.sparse[length] ??= new Map());
      holders = table.get(value);
      if (holders === undefined) table.set(value, (holders = []));
    }
    holders.push(id);
    if (!this.lengths.includes(length)) this.lengths = [...this.lengths, length].sort((a, b) => a - b);
  }

  get size(): number {
    return this.lists.length;
  }

  /**
   * Marks in `hit` every list some prefix of `code` belongs to, and in `firstItem` the first item that matched it.
   * Reading stops at the first character that is not a digit: a malformed code matches only on its digits before it.
   */
  mark(code: string, item: number, hit: Uint8Array, firstItem: Int32Array): void {
    const lengths = this.lengths;
    const last = lengths.length === 0 ? 0 : lengths[lengths.length - 1]!;
    let value = 0;
    let next = 0;
    for (let i = 0; i < last && i < code.length; i++) {
      const d = code.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return;
      value = value * 10 + d;
      const length = i + 1;
      if (lengths[next] !== length) continue;
      next++;
      const holders = length <= DENSE_DIGITS ? this.dense[length]![value] : this.sparse[length]!.get(value);
      if (holders === undefined) continue;
      for (let h = 0; h < holders.length; h++) {
        const id = holders[h]!;
        if (hit[id] === 0) {
          hit[id] = 1;
          firstItem[id] = item;
        }
      }
    }
  }
}

/** The first of `prefixes` that `code` starts with; for the slow path that explains a decision. */
export function matchingPrefix(code: string, prefixes: readonly string[]): string | undefined {
  for (const prefix of prefixes) if (code.startsWith(prefix)) return prefix;
  return undefined;
}
