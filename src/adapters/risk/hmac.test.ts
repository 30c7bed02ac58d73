import { describe, expect, it } from 'vitest';
import { assess, drawFor, validateRuleSet, compileRuleSet, type CompiledRuleSet } from '../../core/risk/index.js';
import type { DeclarationInput } from '../../core/model/index.js';
import { hmacSelectionKey, selectionKeyFromText } from './hmac.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

function ruleSetOf(rules: unknown[], version = 1): CompiledRuleSet {
  const result = validateRuleSet({
    id: 'selection', version, channels: { yellow: 30, red: 60 },
    random: { green: { yellow: 0.03, red: 0.01 }, yellow: { red: 0.02 } }, rules,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return compileRuleSet(result.ruleSet);
}

const BASE: DeclarationInput = {
  reference: 'X',
  consignor: { name: 'A', country: 'CN' },
  consignee: { name: 'B', country: 'RU', tin: '7707083893' },
  carrier: { name: 'C', country: 'KZ' },
  vehicle: { plate: '123ABC02', country: 'KZ' },
  goods: [{ hsCode: '610910', description: 'T-shirts', packages: 1, grossMassKg: 100, value: 1000, currency: 'USD' }],
  documents: [],
  officeOfDeparture: 'A',
  borderCrossing: 'B',
  officeOfDestination: 'C',
  seals: [],
};
const CONTEXT = { today: '2026-05-01', checkIssues: [], parties: {} };
const SECRET = new Uint8Array(32).map((_, i) => (i * 37 + 11) & 0xff);

describe('hmacSelectionKey', () => {
  it('computes HMAC-SHA256 (RFC 4231, test cases 6 and 7: keys longer than a block)', () => {
    const key = hmacSelectionKey('rfc', new Uint8Array(131).fill(0xaa));
    expect(hex(key.mac('Test Using Larger Than Block-Size Key - Hash Key First'))).toBe('60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54');
    expect(hex(key.mac('This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.')))
      .toBe('9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2');
  });

  it('refuses a short secret and a blank id', () => {
    expect(() => hmacSelectionKey('k', new Uint8Array(31))).toThrow(/at least 32 bytes/);
    expect(() => hmacSelectionKey(' ', SECRET)).toThrow(RangeError);
  });

  it('keeps its own copy of the secret', () => {
    const secret = SECRET.slice();
    const key = hmacSelectionKey('k', secret);
    const before = hex(key.mac('m'));
    secret.fill(0);
    expect(hex(key.mac('m'))).toBe(before);
  });

  it('reads id:secret in hex or base64', () => {
    const fromHex = selectionKeyFromText(`k-2026:${Buffer.from(SECRET).toString('hex')}`);
    const fromBase64 = selectionKeyFromText(`k-2026:${Buffer.from(SECRET).toString('base64')}`);
    expect(fromHex.id).toBe('k-2026');
    expect(hex(fromHex.mac('m'))).toBe(hex(fromBase64.mac('m')));
    expect(() => selectionKeyFromText('no-secret')).toThrow(/id:secret/);
  });
});

describe('random selection with the HMAC', () => {
  const key = hmacSelectionKey('k-2026', SECRET);

  it('gives the same decision for the same declaration, secret and rule version', () => {
    const declaration = { ...BASE, reference: 'LRN-2026-000042' };
    const once = assess(ruleSetOf([]), declaration, CONTEXT, drawFor(key, declaration.reference));
    const again = assess(ruleSetOf([]), declaration, CONTEXT, drawFor(hmacSelectionKey('k-2026', SECRET.slice()), declaration.reference));
    expect(again).toEqual(once);
    // A new version of the rules keeps the draw: only the rules can change the decision.
    expect(assess(ruleSetOf([], 2), declaration, CONTEXT, drawFor(key, declaration.reference)).random.draw).toBe(once.random.draw);
    // Another secret draws anew.
    const other = hmacSelectionKey('k-2027', SECRET.map((b) => b ^ 1));
    expect(drawFor(other, declaration.reference).value).not.toBe(once.random.draw);
  });

  /** Counts of final channels over `n` declarations LRN-0 … LRN-(n-1). */
  function share(set: CompiledRuleSet, n: number) {
    const counts = { green: 0, yellow: 0, red: 0, random: 0 };
    let drawSum = 0;
    for (let i = 0; i < n; i++) {
      const declaration = { ...BASE, reference: `LRN-${i}` };
      const a = assess(set, declaration, CONTEXT, drawFor(key, declaration.reference));
      counts[a.channel]++;
      if (a.randomlySelected) counts.random++;
      drawSum += a.random.draw;
    }
    return { counts, meanDraw: drawSum / n };
  }

  /** |observed - n p| within 4 standard deviations of the binomial: false alarms about 1 in 16,000 runs. */
  const withinBounds = (observed: number, n: number, p: number) => Math.abs(observed - n * p) <= 4 * Math.sqrt(n * p * (1 - p));

  it('matches its rates from green within statistical bounds over 100,000 declarations', () => {
    const n = 100_000;
    const { counts, meanDraw } = share(ruleSetOf([]), n);
    expect(withinBounds(counts.red, n, 0.01), `red ${counts.red}`).toBe(true);
    expect(withinBounds(counts.yellow, n, 0.03), `yellow ${counts.yellow}`).toBe(true);
    expect(counts.random).toBe(counts.red + counts.yellow);
    // The draws themselves are uniform: their mean is 1/2 within 4 standard errors (sd of U(0,1) is 1/sqrt(12)).
    expect(Math.abs(meanDraw - 0.5)).toBeLessThan(4 / Math.sqrt(12 * n));
  });

  it('matches its rate from yellow within statistical bounds', () => {
    const n = 100_000;
    const everyoneYellow = ruleSetOf([{ id: 'all', weight: 30, explanation: 'x', when: { goodsItems: { atLeast: 1 } } }]);
    const { counts } = share(everyoneYellow, n);
    expect(counts.green).toBe(0);
    expect(withinBounds(counts.red, n, 0.02), `red ${counts.red}`).toBe(true);
  });
});
