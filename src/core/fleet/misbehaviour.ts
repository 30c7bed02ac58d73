/** The ways a simulated sealed truck departs from a clean transit, and how often each happens. */

export const MISBEHAVIOUR_KINDS = [
  'door-open',
  'tamper',
  'cable-cut',
  'deviation',
  'long-stop',
  'signal-loss',
  'low-battery',
] as const;
export type MisbehaviourKind = (typeof MISBEHAVIOUR_KINDS)[number];

/** For each kind, the share of trucks (0..1) on which it happens, each drawn independently. */
export type MisbehaviourRates = Record<MisbehaviourKind, number>;

/**
 * A few percent of trips each: enough that a demo fleet of hundreds shows every alert, few enough that the clean
 * trips are the bulk, as on a real corridor. No published rates stand behind these numbers.
 */
export const DEFAULT_MISBEHAVIOUR_RATES: Readonly<MisbehaviourRates> = Object.freeze({
  'door-open': 0.03,
  tamper: 0.02,
  'cable-cut': 0.01,
  deviation: 0.03,
  'long-stop': 0.03,
  'signal-loss': 0.05,
  'low-battery': 0.02,
});

/** `partial` over the defaults; throws on a kind that does not exist or a rate outside 0..1. */
export function misbehaviourRates(partial: Partial<Record<string, number>> = {}): MisbehaviourRates {
  const rates: MisbehaviourRates = { ...DEFAULT_MISBEHAVIOUR_RATES };
  for (const [kind, rate] of Object.entries(partial)) {
    if (rate === undefined) continue;
    if (!(MISBEHAVIOUR_KINDS as readonly string[]).includes(kind)) {
      throw new RangeError(`unknown misbehaviour ${JSON.stringify(kind)}; known: ${MISBEHAVIOUR_KINDS.join(', ')}`);
    }
    if (!(rate >= 0 && rate <= 1)) throw new RangeError(`misbehaviour rate ${kind} must be within 0..1, got ${rate}`);
    rates[kind as MisbehaviourKind] = rate;
  }
  return rates;
}
