/**
 * Reference values per kilogram by HS heading or subheading, in flat typed arrays indexed by the code's digits, so
 * that a goods item's reference is two array reads. A subheading's value takes precedence over its heading's.
 */

const NO_BLOCK = -1;

export class ReferenceTable {
  /** By heading number (the first four digits as a number); NaN where none. */
  private readonly headings = new Float64Array(10_000).fill(Number.NaN);
  /** By heading number, the start of its block of 100 subheading values in `subheadings`, or NO_BLOCK. */
  private readonly blocks = new Int32Array(10_000).fill(NO_BLOCK);
  private readonly subheadings: Float64Array;
  readonly size: number;

  constructor(values: Readonly<Record<string, number>>) {
    const entries = Object.entries(values).filter(
      ([code, value]) => typeof value === 'number' && value > 0 && Number.isFinite(value) && /^[0-9]{4}([0-9]{2})?$/.test(code),
    );
    let blockCount = 0;
    for (const [code] of entries) {
      if (code.length !== 6) continue;
      const heading = Number(code.slice(0, 4));
      if (this.blocks[heading] === NO_BLOCK) this.blocks[heading] = 100 * blockCount++;
    }
    this.subheadings = new Float64Array(100 * blockCount).fill(Number.NaN);
    for (const [code, value] of entries) {
      if (code.length === 4) this.headings[Number(code)] = value;
      else this.subheadings[this.blocks[Number(code.slice(0, 4))]! + Number(code.slice(4))] = value;
    }
    this.size = entries.length;
  }

  /**
   * The reference for a code whose first four digits are `heading` and next two `sub` (each -1 when not digits);
   * NaN when there is none.
   */
  lookup(heading: number, sub: number): number {
    if (heading < 0) return Number.NaN;
    const block = this.blocks[heading]!;
    if (block !== NO_BLOCK && sub >= 0) {
      const value = this.subheadings[block + sub]!;
      if (value === value) return value;
    }
    return this.headings[heading]!;
  }
}

const tables = new WeakMap<object, ReferenceTable>();

/** The table of a context's reference values, indexed once per object (the object is read as unchanging). */
export function referenceTableOf(values: Readonly<Record<string, number>>): ReferenceTable {
  let table = tables.get(values);
  if (table === undefined) {
    table = new ReferenceTable(values);
    tables.set(values, table);
  }
  return table;
}
