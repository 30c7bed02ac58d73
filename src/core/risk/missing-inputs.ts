/**
 * What the context lacked that the rule set reads: listed with every assessment, so that the store sees what to
 * fill and a reader sees where a rule may have stayed silent for want of data rather than because all was well.
 * Found from the rule set's needs, not from which rules happened to be evaluated, so it never depends on the order
 * of conditions or on which rules were passed over.
 */
import type { Issue } from '../model/issue.js';
import type { CountryHolder } from './conditions.js';
import { RISK_INPUT_MISSING, type Facts } from './facts.js';
import { HISTORY_ROLES } from './risk-context.js';

export interface MissingPlan {
  /** Roles whose history some rule reads, by index in HISTORY_ROLES. */
  roles: readonly number[];
  /** Roles whose first appearance some rule reads. */
  firstSeen: readonly number[];
  /** Some rule reads the trip. */
  trip: boolean;
  /** Whose country some rule reads. */
  countries: readonly CountryHolder[];
}

const missing = (path: string, message: string): Issue => ({ code: RISK_INPUT_MISSING, path, message });

export function missingInputs(facts: Facts, plan: MissingPlan): Issue[] {
  const out: Issue[] = [];
  if (plan.firstSeen.length > 0 && Number.isNaN(facts.today)) out.push(missing('today', 'today is not a day written YYYY-MM-DD.'));
  for (const role of plan.roles) {
    const name = HISTORY_ROLES[role]!;
    const history = facts.party(role);
    if (history === undefined) {
      out.push(missing(`parties.${name}`, `No history of the ${name} was given.`));
      continue;
    }
    if (plan.firstSeen.includes(role) && history.firstSeen !== undefined && Number.isNaN(facts.daysKnown(role)) && !Number.isNaN(facts.today)) {
      out.push(missing(`parties.${name}.firstSeen`, `parties.${name}.firstSeen is not a day written YYYY-MM-DD.`));
    }
  }
  const slots = facts.plan.historySlots;
  for (let slot = 0; slot < slots.length; slot++) {
    const { role, days } = slots[slot]!;
    if (facts.party(role) !== undefined && facts.history(slot) === undefined) {
      const name = HISTORY_ROLES[role]!;
      out.push(missing(`parties.${name}.windows.${days}`, `No counts of the ${name}'s last ${days} days were given.`));
    }
  }
  if (plan.trip && facts.alerts() === undefined) out.push(missing('trip', 'The trip has not begun or its alerts were not given.'));
  for (const holder of plan.countries) {
    if (facts.declaration[holder] === undefined) out.push(missing(holder, `The declaration names no ${holder}.`));
  }
  for (const issue of facts.missingRates) out.push(issue);
  return out;
}
