/** Counting inspections and their findings, and the hit rate with an interval honest about small numbers. */
import { FINDING_RESULTS, hasFinding, type FindingResult, type InspectionResult } from './inspection-result.js';

export interface HitStats {
  /** Declarations inspected. */
  inspected: number;
  /** Inspected declarations with at least one finding. */
  withFindings: number;
  /** withFindings / inspected; null when nothing was inspected. */
  hitRate: number | null;
  /**
   * The 95 % Wilson score interval of the hit rate, null when nothing was inspected: with 3 of 10 the rate could well
   * be 11 % or 60 %, and comparing a rule with the random baseline should show that.
   */
  interval: [number, number] | null;
  /** Declarations with each kind of finding (one with two kinds counts under both). */
  findings: Record<FindingResult, number>;
}

const Z95 = 1.959963984540054;

/** The Wilson score interval for `hits` of `n` at 95 %. */
export function wilsonInterval(hits: number, n: number): [number, number] | null {
  if (n <= 0) return null;
  const p = hits / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** A mutable tally, finished into HitStats. */
export class HitTally {
  inspected = 0;
  withFindings = 0;
  readonly findings = Object.fromEntries(FINDING_RESULTS.map((r) => [r, 0])) as Record<FindingResult, number>;

  /** Counts a declaration's inspection results; an empty list (not inspected) counts nothing. */
  add(results: readonly InspectionResult[]): void {
    if (results.length === 0) return;
    this.inspected++;
    if (hasFinding(results)) this.withFindings++;
    for (const kind of FINDING_RESULTS) if (results.includes(kind)) this.findings[kind]++;
  }

  finish(): HitStats {
    return {
      inspected: this.inspected,
      withFindings: this.withFindings,
      hitRate: this.inspected === 0 ? null : this.withFindings / this.inspected,
      interval: wilsonInterval(this.withFindings, this.inspected),
      findings: { ...this.findings },
    };
  }
}
