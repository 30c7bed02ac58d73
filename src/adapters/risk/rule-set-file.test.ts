import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDeclarations, generateDemoFleet, generateDemoSet } from '../../core/demo/index.js';
import { createRng } from '../../core/random/index.js';
import { assess, drawFor, type CompiledRuleSet, type RiskContext } from '../../core/risk/index.js';
import { hmacSelectionKey } from './hmac.js';
import { readRuleSetFile, readRuleSetFileOrThrow } from './rule-set-file.js';

const SHIPPED = new URL('../../../rules/eaeu-transit.yaml', import.meta.url).pathname;

describe('the shipped rule set rules/eaeu-transit.yaml', () => {
  let ruleSet: CompiledRuleSet;
  beforeAll(async () => {
    ruleSet = await readRuleSetFileOrThrow(SHIPPED);
  });

  it('loads without issues and says what it needs from the store', () => {
    expect(ruleSet.id).toBe('eaeu-transit');
    expect(ruleSet.requirements).toEqual({
      historyWindows: { consignee: [365], carrier: [365], vehicle: [730] },
      firstSeen: ['consignee'],
      trip: true,
      checkIssues: true,
      valuationCurrency: 'USD',
    });
  });

  it('targets the demo declarations with a gap it can see, and only those', () => {
    const rng = createRng('risk-shipped');
    const fleet = generateDemoFleet(rng.fork('fleet'), 300);
    const set = generateDemoSet(rng.fork('declarations'), 2000, { today: '2026-05-01', fleet, gapShare: 0.25 });
    const key = hmacSelectionKey('test', new Uint8Array(32).fill(7));
    const known = { firstSeen: '2024-01-10', windows: { 365: { inspections: 4, withFindings: 0, findings: {} }, 730: { inspections: 8, withFindings: 0, findings: {} } } };
    const context: RiskContext = {
      today: '2026-05-01',
      checkIssues: [],
      parties: { consignee: known, carrier: known, vehicle: known },
      trip: { alerts: {} },
      valuation: { exchangeRates: { EUR: 1.08, CNY: 0.14 } },
    };
    const gaps = new Map<string, number>();
    for (const { input, gap } of set) {
      const a = assess(ruleSet, input, context, drawFor(key, input.reference));
      expect(a.missing).toEqual([]);
      for (const fired of a.fired) expect(fired.explanation).not.toMatch(/n\/a|\{/);
      const fired = a.fired.map((f) => f.ruleId);
      // The demo catalogue holds no excise goods and no truck of 15 lines, and its values sit inside the references.
      if (gap === null) expect(fired).toEqual([]);
      if (gap === 'cmr_missing') expect(fired).toEqual(['transport-document-missing']);
      if (gap === 'consignee_tin_check_digit' || gap === 'consignee_tin_missing') expect(fired).toEqual(['consignee-tin-invalid-or-missing']);
      if (fired.length > 0) gaps.set(gap ?? 'none', (gaps.get(gap ?? 'none') ?? 0) + 1);
      if (fired.length > 0) expect(a.targetedChannel).toBe('yellow');
    }
    expect([...gaps.keys()].sort()).toEqual(['cmr_missing', 'consignee_tin_check_digit', 'consignee_tin_missing']);
  });

  it('targets an undervalued load of a new recipient and says why', () => {
    const [declaration] = generateDemoDeclarations(createRng('one'), 1, { today: '2026-05-01', fleet: generateDemoFleet(createRng('f'), 10), gapShare: 0 });
    const cheap = { ...declaration!, goods: [{ hsCode: '620342', description: "Men's trousers", packages: 100, grossMassKg: 2000, value: 2400, currency: 'USD' }] };
    const context: RiskContext = { today: '2026-05-01', checkIssues: [], parties: { consignee: { firstSeen: '2026-04-25', windows: {} } } };
    const a = assess(ruleSet, cheap, context, { value: 0.5, keyId: 'k', scheme: 's' });
    expect(a.fired.map((f) => f.ruleId)).toEqual(['undervalued-apparel-footwear', 'severely-undervalued', 'consignee-new', 'new-consignee-backlog-goods']);
    expect(a.channel).toBe('red');
    expect(a.fired[0]!.explanation).toBe(
      "Goods item 1 (620342, Men's trousers) is declared at 1.2 USD/kg, 10% of the reference 12 USD/kg; below 50% suggests undervaluation.",
    );
  });
});

describe('readRuleSetFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'corridor-rules-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lists every issue of a broken file with its place', async () => {
    const path = join(dir, 'broken.yaml');
    await writeFile(path, 'id: broken\nversion: 1\nchannels: { yellow: 30, red: 60 }\nrandom: { green: { yellow: 0, red: 0 }, yellow: { red: 0 } }\nrules:\n  - id: r\n    weight: 10\n    explanation: "{nothing}"\n    when: { hsPrefix: [24] }\n');
    const loaded = await readRuleSetFile(path);
    expect(loaded.ok).toBe(false);
    await expect(readRuleSetFileOrThrow(path)).rejects.toThrow(`${path}:9:24 rules[0].when.hsPrefix[0] (r) RISK_HS_CODE`);
  });
});
