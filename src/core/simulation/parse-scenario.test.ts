import { describe, expect, it } from 'vitest';
import { formatScenarioIssue, parseScenario } from './parse-scenario.js';

const VALID = `
name: test
crossing: TEST
start: 2025-11-20T00:00:00+05:00
arrivalHours: 24
horizonHours: 48
lanes:
  - { id: L1, channels: [green] }
  - { id: L2 }
service:
  green: { kind: exponential, meanMinutes: 5 }
  yellow: { kind: fixed, minutes: 8 }
  red: { kind: empirical, minutes: [20, 30, 45] }
arrivals: { kind: poisson, ratePerHour: 12 }
policies:
  - { kind: risk }
  - { kind: random, name: ten, share: 0.1 }
ruleSet: ../rules/eaeu-transit.yaml
`;

describe('parseScenario', () => {
  it('reads a scenario with its defaults', () => {
    const result = parseScenario(VALID);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const { scenario, ruleSet } = result.parsed;
    expect(ruleSet).toBe('../rules/eaeu-transit.yaml');
    expect(scenario.start).toBe(Date.UTC(2025, 10, 19, 19, 0, 0));
    expect(scenario.lanes[1]!.channels).toEqual(['green', 'yellow', 'red']);
    expect(scenario.arrivals).toEqual({ kind: 'poisson', ratePerHour: [12] });
    expect(scenario.policies.map((p) => p.name)).toEqual(['risk', 'ten']);
    expect(scenario.backlog).toEqual({ trucks: 0, builtOverHours: 0 });
    expect(scenario.releasePerHour).toBeNull();
    expect(scenario.warmupHours).toBe(0);
  });

  it('places every mistake at its line and column, with the field and the reason', () => {
    const text = VALID.replace('meanMinutes: 5', 'meanMinutes: -5')
      .replace('ratePerHour: 12', 'ratePerHour: [1, 2]')
      .replace('{ id: L2 }', '{ id: L2, chanels: [red] }')
      .replace('share: 0.1', 'share: 1.5');
    const result = parseScenario(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => formatScenarioIssue(issue, 'x.yaml'))).toEqual([
      'x.yaml:9:24 lanes[1].chanels SCENARIO_FIELD_UNKNOWN: unknown field; the fields here are id, channels',
      'x.yaml:11:44 service.green.meanMinutes SCENARIO_VALUE_RANGE: meanMinutes is 0.001 to 86400, got -5',
      'x.yaml:14:41 arrivals.ratePerHour SCENARIO_VALUE_RANGE: the list has 1 or 24 numbers, got 2',
      'x.yaml:17:39 policies[1].share SCENARIO_VALUE_RANGE: share is 0 to 1, got 1.5',
    ]);
  });

  it('refuses a channel no lane takes, an unknown policy and a missing field', () => {
    const text = VALID.replace('- { id: L2 }', '- { id: L2, channels: [green, yellow] }').replace('kind: risk', 'kind: everything').replace('crossing: TEST\n', '');
    const result = parseScenario(text);
    if (result.ok) throw new Error('accepted');
    expect(result.issues.map((issue) => `${issue.line}:${issue.column} ${issue.path} ${issue.code}`)).toEqual([
      '2:1 crossing SCENARIO_FIELD_REQUIRED',
      '7:3 lanes SCENARIO_CHANNEL_UNSERVED',
      '15:13 policies[0].kind SCENARIO_VALUE_UNKNOWN',
    ]);
  });

  it('reports bad YAML as a syntax issue with its place', () => {
    const result = parseScenario('name: [unclosed\n');
    if (result.ok) throw new Error('accepted');
    expect(result.issues[0]!.code).toBe('SCENARIO_SYNTAX');
    expect(result.issues[0]!.line).toBeGreaterThan(0);
  });

  it('refuses something that is not a scenario at all', () => {
    const result = parseScenario('- just\n- a list\n');
    if (result.ok) throw new Error('accepted');
    expect(result.issues).toEqual([{ code: 'SCENARIO_FIELD_TYPE', path: '', message: 'an object (a map of fields) is expected', line: 1, column: 1 }]);
  });
});
