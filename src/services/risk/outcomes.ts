/**
 * Each assessed declaration with the assessment that decided its inspection and everything its inspections found:
 * what effectiveness and backtests measure. The assessment in force is the last one made before the first
 * inspection (a later re-assessment did not choose it); an uninspected declaration counts with its last one.
 */
import type { InspectionResult } from '../../core/risk/index.js';
import type { Inspection, StoredAssessment } from '../../ports/risk-store.js';

export interface DeclarationOutcome {
  assessment: StoredAssessment;
  /** Every result of its inspections, each once; empty when it was not inspected. */
  results: InspectionResult[];
}

/** Both lists oldest first, as the store gives them. */
export function declarationOutcomes(assessments: readonly StoredAssessment[], inspections: readonly Inspection[]): DeclarationOutcome[] {
  const inspected = new Map<string, { firstAt: string; results: Set<InspectionResult> }>();
  for (const inspection of inspections) {
    let entry = inspected.get(inspection.declarationId);
    if (entry === undefined) inspected.set(inspection.declarationId, (entry = { firstAt: inspection.at, results: new Set() }));
    for (const result of inspection.results) entry.results.add(result);
  }
  const inForce = new Map<string, StoredAssessment>();
  for (const assessment of assessments) {
    const firstAt = inspected.get(assessment.declarationId)?.firstAt;
    // Made after the declaration was first inspected: it did not decide that inspection.
    if (firstAt !== undefined && assessment.at > firstAt && inForce.has(assessment.declarationId)) continue;
    inForce.set(assessment.declarationId, assessment);
  }
  return [...inForce.values()].map((assessment) => ({
    assessment,
    results: [...(inspected.get(assessment.declarationId)?.results ?? [])],
  }));
}
