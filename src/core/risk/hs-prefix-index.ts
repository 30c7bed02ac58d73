/**
 * Every goods code prefix list the rules name, in one decimal trie, so that one walk down a goods code marks each
 * list some item matches: a handful of typed-array reads per item, however many rules and prefixes there are, and
 * no strings cut and no hashing on the way.
 */

/** The first of `prefixes` that `code` starts with; for the slow path that explains a decision. */
export function matchingPrefix(code: string, prefixes: readonly string[]): string | undefined {
  for (const prefix of prefixes) if (code.startsWith(prefix)) return prefix;
  return undefined;
}

/**
 * A list's bit in the assessment's prefix signature: lists share 30 bits by id, so a set bit says "one of these lists
 * may have matched" and a clear one "none did", which is all a guard needs. Thirty, not 32: signature words stay
 * small integers, which V8 keeps unboxed wherever they go.
 */
export function prefixBit(id: number): number {
  return 1 << (id % 30);
}

export class HsPrefixIndex {
  /** The distinct prefix lists, by id. */
  readonly lists: string[][] = [];
  private readonly ids = new Map<string, number>();
  /** Node n's child for digit d is children[n * 10 + d]; 0 means none (the root, node 0, is nobody's child). */
  private children = new Int32Array(10 * 64);
  private nodes = 1;
  /** While registering: the list ids ending at each node. */
  private pending = new Map<number, number[]>();
  /** Once sealed: the list ids ending at node n are holders[start[n] .. start[n + 1]). */
  private start = new Int32Array(2);
  private holders = new Int32Array(0);
  private sealed = false;

  /** The id of the list, registering it once however many conditions name it. */
  register(prefixes: readonly string[]): number {
    const key = [...new Set(prefixes)].sort().join(',');
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const id = this.lists.length;
    this.lists.push([...prefixes]);
    this.ids.set(key, id);
    for (const prefix of new Set(prefixes)) this.add(prefix, id);
    this.sealed = false;
    return id;
  }

  get size(): number {
    return this.lists.length;
  }

  private add(prefix: string, id: number): void {
    let node = 0;
    for (let i = 0; i < prefix.length; i++) {
      const slot = node * 10 + (prefix.charCodeAt(i) - 48);
      let child = this.children[slot]!;
      if (child === 0) {
        child = this.nodes++;
        if (this.nodes * 10 > this.children.length) {
          const grown = new Int32Array(this.children.length * 2);
          grown.set(this.children);
          this.children = grown;
        }
        this.children[slot] = child;
      }
      node = child;
    }
    const at = this.pending.get(node);
    if (at === undefined) this.pending.set(node, [id]);
    else if (!at.includes(id)) at.push(id);
  }

  private seal(): void {
    const start = new Int32Array(this.nodes + 1);
    for (const [node, ids] of this.pending) start[node + 1] = ids.length;
    for (let n = 0; n < this.nodes; n++) start[n + 1]! += start[n]!;
    const holders = new Int32Array(start[this.nodes]!);
    for (const [node, ids] of this.pending) holders.set(ids, start[node]!);
    this.start = start;
    this.holders = holders;
    this.sealed = true;
  }

  /**
   * Marks in `hit` every list some prefix of `code` belongs to, and in `firstItem` the first item that matched it;
   * returns the prefixBit of each list newly marked. Reading stops at the first character that is not a digit: a
   * malformed code matches only on its digits before it.
   */
  mark(code: string, item: number, hit: Uint8Array, firstItem: Int32Array): number {
    if (!this.sealed) this.seal();
    const children = this.children;
    const start = this.start;
    const holders = this.holders;
    let bits = 0;
    let node = 0;
    for (let i = 0; i < code.length; i++) {
      const d = code.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      node = children[node * 10 + d]!;
      if (node === 0) break;
      for (let h = start[node]!, end = start[node + 1]!; h < end; h++) {
        const id = holders[h]!;
        if (hit[id] === 0) {
          hit[id] = 1;
          firstItem[id] = item;
          bits |= prefixBit(id);
        }
      }
    }
    return bits;
  }
}
