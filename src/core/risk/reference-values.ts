/**
 * Reference values per kilogram by HS heading or subheading, indexed by the codes' digits so that a goods item's
 * reference is found without cutting strings. A subheading's value takes precedence over its heading's.
 */

export class ReferenceTable {
  /** By heading number (the first four digits as a number), NaN where none. */
  private readonly headings = new Float64Array(10_000).fill(Number.NaN);
  private readonly subheadings = new Map<number, number>();
  readonly size: number;

  constructor(values: Readonly<Record<string, number>>) {
    let size = 0;
    for (const [code, value] of Object.entries(values)) {
      if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value) || !/^[0-9]{4}([0-9]{2})?$/.test(code)) continue;
      if (code.length === 4) this.headings[Number(code)] = value;
      else this.subheadings.set(Number(code), value);
      size++;
    }
    this.size = size;
  }

  /** The reference for a code whose first four and six digits are `heading` and `subheading` (-1 when not digits). */
  lookup(heading: number, subheading: number): number {
    if (subheading >= 0 && this.subheadings.size > 0) {
      const value = this.subheadings.get(subheading);
      if (value !== undefined) return value;
    }
    return heading >= 0 ? this.headings[heading]! : Number.NaN;
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
