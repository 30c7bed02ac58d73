/**
 * Priority classes, from the facts about a truck and its declaration, and whether the truck may join the order
 * at all. Both decisions return their reasons.
 */
import { reason, type Reason } from './reason.js';

/** Best first; the index is the class's rank wherever classes are listed. */
export const PRIORITY_CLASSES = ['perishable', 'trusted_trader', 'esealed_complete', 'standard'] as const;
export type PriorityClass = (typeof PRIORITY_CLASSES)[number];

export function classIndex(priorityClass: PriorityClass): number {
  return PRIORITY_CLASSES.indexOf(priorityClass);
}

export function isPriorityClass(value: unknown): value is PriorityClass {
  return typeof value === 'string' && (PRIORITY_CLASSES as readonly string[]).includes(value);
}

/** What the queue needs to know about a truck's load and papers; the declaration checks and risk supply them. */
export interface PriorityFacts {
  /** The load spoils within days (food, flowers, medicines under temperature control). */
  perishable: boolean;
  /** The consignor or carrier is an authorised economic operator or otherwise trusted by the customs. */
  trustedTrader: boolean;
  /** The load is under an armed navigation seal. */
  eSealed: boolean;
  /** The declaration passed the document checks. */
  declarationComplete: boolean;
  /** The final recipient of the goods is identified. */
  recipientIdentified: boolean;
}

export interface Classification {
  priorityClass: PriorityClass;
  reasons: Reason[];
}

/** The best class the facts allow: perishable, then trusted trader, then e-sealed with a complete declaration. */
export function classify(facts: PriorityFacts): Classification {
  if (facts.perishable) {
    return { priorityClass: 'perishable', reasons: [reason('PERISHABLE', 'the load is perishable')] };
  }
  if (facts.trustedTrader) {
    return { priorityClass: 'trusted_trader', reasons: [reason('TRUSTED_TRADER', 'the consignor or carrier is a trusted trader')] };
  }
  if (facts.eSealed && facts.declarationComplete) {
    return {
      priorityClass: 'esealed_complete',
      reasons: [reason('ESEALED_COMPLETE', 'the load is under a navigation seal and its declaration is complete')],
    };
  }
  const missing = facts.eSealed ? 'its declaration is not complete' : 'the load is not under a navigation seal';
  return { priorityClass: 'standard', reasons: [reason('STANDARD', `no priority applies: not perishable, not a trusted trader, and ${missing}`)] };
}

export interface Readiness {
  ready: boolean;
  /** Why the truck waits in the holding state; empty when ready. */
  reasons: Reason[];
}

/**
 * A truck joins the order only when its declaration is complete and its final recipient identified; until then it
 * waits in the holding state, where it blocks nobody.
 */
export function readiness(facts: PriorityFacts): Readiness {
  const reasons: Reason[] = [];
  if (!facts.declarationComplete) reasons.push(reason('DECLARATION_INCOMPLETE', 'the declaration is not complete'));
  if (!facts.recipientIdentified) reasons.push(reason('RECIPIENT_UNIDENTIFIED', 'the final recipient is not identified'));
  return { ready: reasons.length === 0, reasons };
}
