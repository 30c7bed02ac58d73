/** What the document checks are given besides the declaration, and what they return. */
import type { Issue } from '../model/issue.js';

/** Reference data the checks test codes against; loaded once and shared by many checks. */
export interface CheckContext {
  /** Codes of the known customs offices. */
  offices: ReadonlySet<string>;
  /** Codes of the known border crossings. */
  crossings: ReadonlySet<string>;
  /** Identifiers of the registered navigation seals. */
  devices: ReadonlySet<string>;
  /** Imported goods codes of 4 to 10 digits; without it, goods codes are tested for form and chapter only. */
  nomenclature?: ReadonlySet<string>;
  /**
   * Today's date, `YYYY-MM-DD` (UTC), so that documents dated in the future are caught; the checks have no
   * clock of their own. Without it, dates are tested for form and range only.
   */
  today?: string;
}

export interface CheckResult {
  /** True exactly when there are no issues. */
  complete: boolean;
  /** Every reason the declaration is incomplete, in the order of its fields. */
  issues: Issue[];
}
