/**
 * What the queue needs to know about a truck, read from its declaration and the last document check: the facts
 * its class and its readiness follow from (priority-class.ts).
 *
 * - perishable: a goods line in an HS chapter of goods that spoil within days (live animals, meat, fish, dairy,
 *   plants and flowers, vegetables, fruit);
 * - trusted trader: the platform keeps no register of authorised operators yet, so never from the papers; staff
 *   set the class with a reason where it applies;
 * - e-sealed: a navigation seal of the declaration is armed on the cargo (every complete declaration names a seal;
 *   only an armed one seals the load);
 * - declaration complete: it passed the document checks (accepted, or further along its way);
 * - recipient identified: the last check found nothing wrong with the consignee, the final recipient.
 */
import type { Declaration, DeclarationStatus } from '../model/declaration.js';
import type { Issue } from '../model/issue.js';
import type { PriorityFacts } from './priority-class.js';

const PERISHABLE_CHAPTERS = new Set(['01', '02', '03', '04', '06', '07', '08']);

/** Statuses a declaration has only after passing the document checks. */
const CHECKED_COMPLETE: readonly DeclarationStatus[] = ['accepted', 'in_transit', 'at_border', 'released'];

/** Statuses in which a truck may stand in a border queue at all. */
export const QUEUEABLE: readonly DeclarationStatus[] = ['submitted', 'accepted', 'incomplete', 'in_transit', 'at_border'];

export function declarationFacts(declaration: Declaration, lastCheck: { issues: readonly Issue[] } | undefined, sealArmed: boolean): PriorityFacts {
  const complete = CHECKED_COMPLETE.includes(declaration.status);
  const consigneeIssue = (lastCheck?.issues ?? []).some((issue) => issue.path === 'consignee' || issue.path.startsWith('consignee.'));
  return {
    perishable: declaration.goods.some((item) => PERISHABLE_CHAPTERS.has(item.hsCode.slice(0, 2))),
    trustedTrader: false,
    eSealed: sealArmed,
    declarationComplete: complete,
    // Unchecked papers identify nobody; checked ones do unless the check faulted the consignee.
    recipientIdentified: lastCheck !== undefined && !consigneeIssue,
  };
}
