/**
 * The document checks of a transit declaration: pure, total over any input, and returning every reason the
 * declaration is incomplete, each with a stable code, the field's path and a sentence for the declarant.
 */
import type { DeclarationInput } from '../model/declaration.js';
import type { Issue } from '../model/issue.js';
import type { CheckContext, CheckResult } from './check-context.js';
import { checkDocuments } from './documents.js';
import { DECLARATION, isFields, issue, requiredText } from './fields.js';
import { checkGoods } from './goods.js';
import { CHECK_FAILED, DECLARATION_NOT_OBJECT } from './issue-codes.js';
import { checkParties } from './parties.js';
import { checkProcedure } from './procedure.js';
import { checkRoute } from './route.js';
import { checkSeals } from './seals.js';
import { checkVehicle } from './vehicle.js';

export type { CheckContext, CheckResult } from './check-context.js';
export * from './issue-codes.js';
export { isCountryCode } from './country.js';
export { isPlausibleDocumentDate } from './documents.js';
export { isPlausiblePlate } from './vehicle.js';

/**
 * Checks a declaration against the reference data in `context`. The input is typed as a declaration but may be
 * anything parsed from JSON; wrong types are reported as issues and the function never throws.
 */
export function checkDeclaration(input: DeclarationInput, context: CheckContext): CheckResult {
  const issues: Issue[] = [];
  const declaration: unknown = input;
  try {
    if (!isFields(declaration)) {
      issues.push(issue(DECLARATION_NOT_OBJECT, '', 'A declaration must be an object of named fields.'));
      return { complete: false, issues };
    }
    requiredText(declaration, DECLARATION, 'reference', 'reference', issues);
    checkProcedure(declaration, issues);
    checkParties(declaration, issues);
    checkVehicle(declaration, issues);
    const totals = checkGoods(declaration, context, issues);
    checkDocuments(declaration, totals, issues, context.today);
    checkRoute(declaration, context, issues);
    checkSeals(declaration, context, issues);
  } catch (error) {
    // Only a defect in these checks can get here (the fuzz test hunts for one); the declarant still gets an answer.
    const reason = error instanceof Error ? error.message : 'unknown error';
    issues.push(issue(CHECK_FAILED, '', `The declaration could not be checked completely (${reason}); please report this.`));
  }
  return { complete: issues.length === 0, issues };
}
