/**
 * Random selection: a draw in [0, 1) from a keyed hash of the declaration's reference, and the channel it raises a
 * targeted one to.
 *
 * What the hash covers, and why:
 * - The key is a secret customs holds and traders do not, so no trader can compute a draw in advance, however much
 *   they know of the rules. Keys are named (`keyId`) and rotated by the operator; the id, never the secret, is
 *   recorded with every assessment, so an auditor holding the key recomputes the draw and sees the same decision.
 * - The message is the declaration's reference under a fixed scheme tag, and nothing else. Not the rule-set version:
 *   a re-assessment under a new version (or a backtest of a candidate set) keeps the same draw, so raising a rate
 *   only adds selections and comparing rule sets compares rules, not luck. Not a time or period: a re-assessment
 *   days later (an alert during the trip) keeps the draw too; the period is expressed by rotating the key.
 * - The draw is recorded in the assessment: a re-assessment passes the recorded draw, so it needs no old key.
 * - The core never holds a secret: it is given a function that computes the MAC (node:crypto's HMAC-SHA256 in
 *   src/adapters/risk/hmac.ts), so it stays testable with any function and free of any crypto library.
 */
import type { Channel, RuleSetDefinition } from './rule-set.js';

/** A keyed hash of a message: HMAC-SHA256 under the selection secret, which the function holds. */
export type Keyed = (message: string) => Uint8Array;

export interface SelectionKey {
  /** Names the secret in assessments and audits; never the secret itself. */
  readonly id: string;
  readonly mac: Keyed;
}

/** Names what was hashed and how the draw was read from it; changes only with a change to either. */
export const DRAW_SCHEME = 'hmac-sha256:corridor/random-selection/v1';

export interface RandomDraw {
  /** Uniform in [0, 1). */
  value: number;
  keyId: string;
  scheme: string;
}

/** The text hashed for a declaration: the scheme tag, a line break, the reference. */
export function drawMessage(reference: string): string {
  return `${DRAW_SCHEME}\n${reference}`;
}

const TWO_POW_21 = 2 ** 21;
const TWO_POW_53 = 2 ** 53;

/** The first 53 bits of the MAC, big-endian, as a fraction: every double of the form k / 2^53 equally likely. */
export function drawFromMac(mac: Uint8Array): number {
  if (mac.length < 7) throw new RangeError(`a MAC of at least 7 bytes is needed for a draw, got ${mac.length}`);
  const high = ((mac[0]! << 24) | (mac[1]! << 16) | (mac[2]! << 8) | mac[3]!) >>> 0;
  const low = ((mac[4]! << 13) | (mac[5]! << 5) | (mac[6]! >>> 3)) >>> 0;
  return (high * TWO_POW_21 + low) / TWO_POW_53;
}

export function drawFor(key: SelectionKey, reference: string): RandomDraw {
  return { value: drawFromMac(key.mac(drawMessage(reference))), keyId: key.id, scheme: DRAW_SCHEME };
}

export interface Selection {
  channel: Channel;
  randomlySelected: boolean;
  /** The rates of raising from the targeted channel, to yellow and to red (both 0 from red). */
  rates: { yellow: number; red: number };
  /** The rate of the band the draw fell in, when it raised the channel. */
  rate?: number;
}

/**
 * The channel after random selection. From green, a draw below `red` raises to red, else one below `red + yellow`
 * to yellow; from yellow, a draw below `red` raises to red. Bands start at 0, so a higher rate keeps every
 * declaration a lower rate selected.
 */
export function selectRandomly(targeted: Channel, random: RuleSetDefinition['random'], draw: number): Selection {
  if (targeted === 'green') {
    const rates = { yellow: random.green.yellow, red: random.green.red };
    if (draw < rates.red) return { channel: 'red', randomlySelected: true, rates, rate: rates.red };
    if (draw < rates.red + rates.yellow) return { channel: 'yellow', randomlySelected: true, rates, rate: rates.yellow };
    return { channel: 'green', randomlySelected: false, rates };
  }
  if (targeted === 'yellow') {
    const rates = { yellow: 0, red: random.yellow.red };
    if (draw < rates.red) return { channel: 'red', randomlySelected: true, rates, rate: rates.red };
    return { channel: 'yellow', randomlySelected: false, rates };
  }
  return { channel: 'red', randomlySelected: false, rates: { yellow: 0, red: 0 } };
}
