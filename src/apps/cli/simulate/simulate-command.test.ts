import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readScenarioFile } from '../../../adapters/simulation/scenario-files.js';
import { simulateScenarioFile } from './simulate-command.js';

const SCENARIOS = new URL('../../../../scenarios/', import.meta.url).pathname;
const KORDAY = join(SCENARIOS, 'korday-akzhol-eseal-pilot.yaml');

describe('corridor simulate', () => {
  let printed: string[];
  beforeEach(() => {
    printed = [];
    vi.spyOn(console, 'log').mockImplementation((line: unknown) => void printed.push(String(line)));
  });
  afterEach(() => vi.restoreAllMocks());

  it('reads both shipped scenarios and finds the rule set they name', async () => {
    for (const file of await readdir(SCENARIOS)) {
      const { scenario, ruleSetPath } = await readScenarioFile(join(SCENARIOS, file));
      expect(scenario.policies.length).toBeGreaterThan(1);
      expect(ruleSetPath).toMatch(/rules\/eaeu-transit\.yaml$/);
    }
  });

  it('gives the same report for the same scenario and seed, another for another seed', async () => {
    const [a] = await simulateScenarioFile(KORDAY, { seed: '11', policy: 'eseal-green-lane' });
    const [b] = await simulateScenarioFile(KORDAY, { seed: '11', policy: 'eseal-green-lane' });
    const [c] = await simulateScenarioFile(KORDAY, { seed: '12', policy: 'eseal-green-lane' });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(c!.waitHours).not.toEqual(a!.waitHours);
  });

  it('compares every policy on the same trucks, writing reports and charts', async () => {
    const out = await mkdtemp(join(tmpdir(), 'corridor-simulate-'));
    const scenario = join(out, 'short.yaml');
    // The Korday scenario cut to two days of arrivals, so the test stays quick.
    const text = (await readFile(KORDAY, 'utf8')).replace('arrivalHours: 336', 'arrivalHours: 48').replace('../rules/', `${SCENARIOS}../rules/`);
    await writeFile(scenario, text);
    const reports = await simulateScenarioFile(scenario, { seed: '1', compare: true, out });
    expect(reports.map((r) => r.policy)).toEqual(['risk-targeted', 'eseal-green-lane', 'random-10pct']);
    expect(new Set(reports.map((r) => r.trucks.arrived)).size).toBe(1);
    expect(printed.join('\n')).toMatch(/backlog cleared after\s+[\d.]+ h\s+[\d.]+ h\s+[\d.]+ h/);
    const files = (await readdir(out)).sort();
    expect(files).toEqual(['eseal-green-lane.json', 'queue-length.svg', 'random-10pct.json', 'risk-targeted.json', 'short.yaml', 'waiting-time.svg']);
    const written = JSON.parse(await readFile(join(out, 'risk-targeted.json'), 'utf8'));
    expect(written).toEqual(JSON.parse(JSON.stringify(reports[0])));
    expect((await readFile(join(out, 'queue-length.svg'), 'utf8')).match(/<path /g)).toHaveLength(3);
  });

  it('replays arrivals recorded in a file beside the scenario, and names the lines it cannot take', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'corridor-simulate-'));
    const scenario = join(dir, 'replay.yaml');
    const text = (await readFile(KORDAY, 'utf8'))
      .replace('arrivalHours: 336', 'arrivalHours: 24')
      .replace(/arrivals:\n {2}kind: poisson\n {2}ratePerHour: \[[^\]]*\]/, 'arrivals: { kind: replay, file: recorded.csv }')
      .replace('../rules/', `${SCENARIOS}../rules/`);
    expect(text).toContain('file: recorded.csv');
    await writeFile(scenario, text);
    const recorded = ['arrivedAt', '2025-12-01T08:10:00+05:00', '2025-12-01T03:05:00Z', '2025-12-01T07:00:00+05:00'];
    await writeFile(join(dir, 'recorded.csv'), recorded.join('\n'));
    const { scenario: read } = await readScenarioFile(scenario);
    expect(read.arrivals).toEqual({ kind: 'replay', minutes: [420, 490, 485].sort((a, b) => a - b) });

    await writeFile(join(dir, 'recorded.csv'), [...recorded, 'soon'].join('\n'));
    await expect(readScenarioFile(scenario)).rejects.toThrow(/recorded\.csv:5 SCENARIO_VALUE_TYPE: "soon" is not an ISO 8601 instant/);
  });

  it('refuses a bad scenario with every issue placed in the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'corridor-simulate-'));
    const file = join(dir, 'bad.yaml');
    await writeFile(file, (await readFile(KORDAY, 'utf8')).replace('ratePerHour: [8, 6,', 'ratePerHour: [8, -6,').replace('kind: lognormal, meanMinutes: 4.4', 'kind: gamma, meanMinutes: 4.4'));
    await expect(simulateScenarioFile(file, { seed: '1' })).rejects.toThrow(
      new RegExp(`the scenario ${file} has 2 issue\\(s\\):\\n  ${file}:\\d+:\\d+ service.green.kind SCENARIO_VALUE_UNKNOWN: gamma is not one of[^\\n]*\\n  ${file}:\\d+:\\d+ arrivals.ratePerHour\\[1\\] SCENARIO_VALUE_RANGE`),
    );
  });

  it('names the policies there are when asked for one that is not', async () => {
    await expect(simulateScenarioFile(KORDAY, { seed: '1', policy: 'nope' })).rejects.toThrow(/no policy nope; it has risk-targeted, eseal-green-lane, random-10pct/);
  });
});
