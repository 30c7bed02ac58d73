/**
 * What an inspection found, as the inspector records it. One inspection may record several findings (documents
 * missing and goods undeclared); `compliant` alone means nothing was found.
 */

export const INSPECTION_RESULTS = [
  'compliant',
  'documents_missing',
  'goods_undeclared',
  'quantity_or_value_mismatch',
  'seal_tampered',
] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];

/** Every result but `compliant`: what counts as a finding, and what party history counts. */
export const FINDING_RESULTS = [
  'documents_missing',
  'goods_undeclared',
  'quantity_or_value_mismatch',
  'seal_tampered',
] as const satisfies readonly InspectionResult[];
export type FindingResult = (typeof FINDING_RESULTS)[number];

export function isFinding(result: InspectionResult): result is FindingResult {
  return result !== 'compliant';
}

/** Whether the results of one inspection hold at least one finding. */
export function hasFinding(results: readonly InspectionResult[]): boolean {
  for (const result of results) if (result !== 'compliant') return true;
  return false;
}
