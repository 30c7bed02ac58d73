/** The navigation seals put on the cargo: at least one, each a registered device, none named twice. */
import type { Issue } from '../model/issue.js';
import type { CheckContext } from './check-context.js';
import { DECLARATION, isBlank, issue, itemOwners, listOrEmpty, missing, mistyped, type Fields } from './fields.js';
import { SEAL_DUPLICATE, SEAL_UNKNOWN, SEALS_EMPTY } from './issue-codes.js';

const SEAL = itemOwners('seals', 'seal');
const LINEAR_SCAN_LIMIT = 16;

export function checkSeals(declaration: Fields, context: CheckContext, issues: Issue[]): void {
  const seals = listOrEmpty(declaration, DECLARATION, 'seals', 'seals', issues);
  if (seals === undefined) return;
  if (seals.length === 0) {
    issues.push(issue(SEALS_EMPTY, 'seals', 'A declaration names at least one navigation seal.'));
    return;
  }
  // A truck carries a few seals: scanning the earlier ones beats building a map, except for absurdly long lists.
  const seen = seals.length > LINEAR_SCAN_LIMIT ? new Map<string, number>() : undefined;
  for (let i = 0; i < seals.length; i++) {
    const seal = seals[i];
    const owner = SEAL(i);
    if (typeof seal !== 'string') {
      if (seal === undefined || seal === null) missing(owner.path, owner.label, issues);
      else mistyped(owner.path, owner.label, 'text', seal, issues);
      continue;
    }
    if (isBlank(seal)) {
      missing(owner.path, owner.label, issues);
      continue;
    }
    const first = seen === undefined ? seals.indexOf(seal) : (seen.get(seal) ?? i);
    if (first !== i) {
      issues.push(issue(SEAL_DUPLICATE, owner.path, `Seal ${JSON.stringify(seal)} is named twice: as seal ${first + 1} and seal ${i + 1}.`));
      continue;
    }
    seen?.set(seal, i);
    if (!context.devices.has(seal)) {
      issues.push(issue(SEAL_UNKNOWN, owner.path, `Seal ${JSON.stringify(seal)} is not a registered navigation seal.`));
    }
  }
}
