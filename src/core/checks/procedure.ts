/**
 * The customs procedure: required, because the tracking obligation (and any customs officer) reads it; the shape
 * lets it be absent only so that older files still load, and this check keeps such a declaration from acceptance.
 */
import { CUSTOMS_PROCEDURES, isCustomsProcedure } from '../model/declaration.js';
import type { Issue } from '../model/issue.js';
import { DECLARATION, issue, requiredText, shown, type Fields } from './fields.js';
import { PROCEDURE_INVALID } from './issue-codes.js';

export function checkProcedure(declaration: Fields, issues: Issue[]): void {
  const procedure = requiredText(declaration, DECLARATION, 'procedure', 'customs procedure', issues);
  if (procedure === undefined || isCustomsProcedure(procedure)) return;
  issues.push(issue(PROCEDURE_INVALID, 'procedure', `The customs procedure must be one of ${CUSTOMS_PROCEDURES.join(', ')}; ${shown(procedure)} was given.`));
}
