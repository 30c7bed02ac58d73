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
  reasons: readonly Reason[];
}

/** The best class the facts allow: perishable, then trusted trader, then e-sealed with a complete declaration. */
const classification = (priorityClass: PriorityClass, code: string, message: string): Classification =>
  Object.freeze({ priorityClass, reasons: Object.freeze([reason(code, message)]) });

// Made once: the queue classifies on every check-in, change and call.
const PERISHABLE = classification('perishable', 'PERISHABLE', 'the load is perishable');
const TRUSTED_TRADER = classification('trusted_trader', 'TRUSTED_TRADER', 'the consignor or carrier is a trusted trader');
const ESEALED_COMPLETE = classification('esealed_complete', 'ESEALED_COMPLETE', 'the load is under a navigation seal and its declaration is complete');
const STANDARD_NOT_COMPLETE = classification('standard', 'STANDARD', 'no priority applies: not perishable, not a trusted trader, and its declaration is not complete');
const STANDARD_NOT_SEALED = classification('standard', 'STANDARD', 'no priority applies: not perishable, not a trusted trader, and the load is not under a navigation seal');

/** The truck's class and why; the result is shared and frozen. */
export function classify(facts: PriorityFacts): Classification {
  if (facts.perishable) return PERISHABLE;
  if (facts.trustedTrader) return TRUSTED_TRADER;
  if (facts.eSealed) return facts.declarationComplete ? ESEALED_COMPLETE : STANDARD_NOT_COMPLETE;
  return STANDARD_NOT_SEALED;
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
/** Whether the papers let the truck into the order: `readiness(facts).ready`, without the reasons. */
export function isReady(facts: PriorityFacts): boolean {
  return facts.declarationComplete && facts.recipientIdentified;
}

export function readiness(facts: PriorityFacts): Readiness {
  const reasons: Reason[] = [];
  if (!facts.declarationComplete) reasons.push(reason('DECLARATION_INCOMPLETE', 'the declaration is not complete'));
  if (!facts.recipientIdentified) reasons.push(reason('RECIPIENT_UNIDENTIFIED', 'the final recipient is not identified'));
  return { ready: reasons.length === 0, reasons };
}
