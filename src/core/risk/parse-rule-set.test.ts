import { describe, expect, it } from 'vitest';
import { parseRuleSet } from './parse-rule-set.js';
import { formatRuleSetIssue, type RuleSetIssue } from './rule-set-issues.js';

const HEAD = `id: test
version: 1
channels: { yellow: 30, red: 60 }
random:
  green: { yellow: 0.03, red: 0.01 }
  yellow: { red: 0.02 }
`;

/** A set of the head above and `rules` (YAML lines, indented as under `rules:`); its first rule line is line 8. */
const withRules = (rules: string, head = HEAD) => `${head}rules:\n${rules}`;

function issuesOf(text: string): RuleSetIssue[] {
  const result = parseRuleSet(text);
  if (result.ok) throw new Error('expected issues, the set was accepted');
  return result.issues;
}

function only(text: string): RuleSetIssue {
  const issues = issuesOf(text);
  expect(issues, JSON.stringify(issues, null, 1)).toHaveLength(1);
  return issues[0]!;
}

describe('parseRuleSet', () => {
  it('accepts a valid set and keeps what it says', () => {
    const result = parseRuleSet(withRules(`  - id: excise
    weight: 30
    explanation: "Item {item} is {hsCode}"
    when: { hsPrefix: ["22", "24"] }
`));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.ruleSet).toMatchObject({
      id: 'test',
      version: 1,
      channels: { yellow: 30, red: 60 },
      random: { green: { yellow: 0.03, red: 0.01 }, yellow: { red: 0.02 } },
      rules: [{ id: 'excise', weight: 30, when: { hsPrefix: ['22', '24'] } }],
    });
  });

  it('reads JSON too', () => {
    const json = JSON.stringify({
      id: 'json-set', version: 3, channels: { yellow: 1, red: 2 }, random: { green: { yellow: 0, red: 0 }, yellow: { red: 0 } },
      rules: [{ id: 'r', weight: 1, explanation: 'many lines: {goodsItems}', when: { goodsItems: { atLeast: 10 } } }],
    });
    expect(parseRuleSet(json).ok).toBe(true);
  });

  it('places a syntax error at its line and column', () => {
    const issue = issuesOf(`id: test\nversion: 1\nchannels: { yellow: 30, red: 60 }}\n`)[0]!;
    expect(issue).toMatchObject({ code: 'RISK_SYNTAX', path: '', line: 3, column: 34 });
  });

  it('refuses a repeated key as a syntax error at the repetition', () => {
    const issue = only(`${HEAD}id: again\nrules: []\n`);
    expect(issue).toMatchObject({ code: 'RISK_SYNTAX', line: 7, column: 1 });
    expect(issue.message).toMatch(/unique/);
  });

  it('reports a missing top-level field at the document', () => {
    expect(only(`id: test\nversion: 1\nchannels: { yellow: 30, red: 60 }\nrules: []\n`)).toMatchObject({
      code: 'RISK_FIELD_REQUIRED', path: '', line: 1, column: 1,
    });
  });

  it('reports a missing rule field at the rule, naming the rule', () => {
    const issue = only(withRules(`  - id: no-weight\n    explanation: x\n    when: { goodsItems: { atLeast: 2 } }\n`));
    expect(issue).toMatchObject({ code: 'RISK_FIELD_REQUIRED', path: 'rules[0]', rule: { index: 0, id: 'no-weight' }, line: 8, column: 5 });
    expect(issue.message).toMatch(/"weight"/);
  });

  it('reports a wrong type at the value', () => {
    expect(only(withRules(`  - id: r\n    weight: ten\n    explanation: x\n    when: { goodsItems: { atLeast: 2 } }\n`))).toMatchObject({
      code: 'RISK_FIELD_TYPE', path: 'rules[0].weight', line: 9, column: 13,
    });
  });

  it('reports an unknown field at its key', () => {
    expect(only(withRules(`  - id: r\n    weigth: 10\n    weight: 10\n    explanation: x\n    when: { goodsItems: { atLeast: 2 } }\n`))).toMatchObject({
      code: 'RISK_FIELD_UNKNOWN', path: 'rules[0].weigth', line: 9, column: 5,
    });
  });

  it('reports numbers out of range', () => {
    const issues = issuesOf(withRules(`  - id: r\n    weight: 10\n    explanation: x\n    when: { valueBelowReference: { fraction: 1.5 } }\n`,
      `${HEAD.replace('red: 0.02', 'red: 2')}valuation: { currency: USD, referenceValuePerKg: { "6109": 10 } }\n`));
    expect(issues.map((i) => [i.code, i.path, i.line])).toEqual([
      ['RISK_VALUE_RANGE', 'random.yellow.red', 6],
      ['RISK_VALUE_RANGE', 'rules[0].when.valueBelowReference.fraction', 12],
    ]);
  });

  it('refuses ids of the wrong form and duplicate rule ids', () => {
    const issues = issuesOf(withRules(`  - id: Bad Id
    weight: 1
    explanation: x
    when: { goodsItems: { atLeast: 2 } }
  - id: same
    weight: 1
    explanation: x
    when: { goodsItems: { atLeast: 2 } }
  - id: same
    weight: 1
    explanation: x
    when: { goodsItems: { atLeast: 3 } }
`));
    expect(issues.map((i) => [i.code, i.path, i.rule?.index, i.line])).toEqual([
      ['RISK_ID_FORMAT', 'rules[0].id', 0, 8],
      ['RISK_RULE_DUPLICATE', 'rules[2].id', 2, 16],
    ]);
  });

  it('refuses a yellow threshold above the red one and random rates over 1', () => {
    const text = `id: t\nversion: 1\nchannels: { yellow: 70, red: 60 }\nrandom:\n  green: { yellow: 0.6, red: 0.5 }\n  yellow: { red: 0 }\nrules: []\n`;
    expect(issuesOf(text).map((i) => [i.code, i.path, i.line])).toEqual([
      ['RISK_THRESHOLDS', 'channels', 3],
      ['RISK_THRESHOLDS', 'random.green', 5],
    ]);
  });

  it('refuses unknown condition kinds, several kinds in one node, and nesting too deep', () => {
    let deep = '{ goodsItems: { atLeast: 1 } }';
    for (let i = 0; i < 17; i++) deep = `{ not: ${deep} }`;
    const issues = issuesOf(withRules(`  - id: a
    weight: 1
    explanation: x
    when: { hsPrefixes: ["61"] }
  - id: b
    weight: 1
    explanation: x
    when: { hsPrefix: ["61"], goodsItems: { atLeast: 2 } }
  - id: c
    weight: 1
    explanation: x
    when: ${deep}
`));
    expect(issues.map((i) => [i.code, i.rule?.id, i.line])).toEqual([
      ['RISK_CONDITION_KIND', 'a', 11],
      ['RISK_CONDITION_KIND', 'b', 15],
      ['RISK_CONDITION_DEPTH', 'c', 19],
    ]);
    expect(issues[0]!.path).toBe('rules[0].when.hsPrefixes');
    expect(issues[2]!.path).toBe(`rules[2].when${'.not'.repeat(16)}`);
  });

  it('refuses empty and impossible comparisons', () => {
    const issues = issuesOf(withRules(`  - id: a
    weight: 1
    explanation: x
    when: { goodsItems: {} }
  - id: b
    weight: 1
    explanation: x
    when: { tripAlerts: { types: [long-stop], atLeast: 3, atMost: 1 } }
  - id: c
    weight: 1
    explanation: x
    when: { history: { of: carrier, windowDays: 90 } }
`));
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['RISK_COMPARISON', 'rules[0].when.goodsItems'],
      ['RISK_COMPARISON', 'rules[1].when.tripAlerts'],
      ['RISK_COMPARISON', 'rules[2].when.history'],
    ]);
  });

  it('asks for goods codes in quotes and refuses malformed ones', () => {
    const issues = issuesOf(withRules(`  - id: a
    weight: 1
    explanation: x
    when: { hsPrefix: [6109, "61.09", "6"] }
`, `${HEAD}valuation:\n  currency: USD\n  referenceValuePerKg:\n    0406: 3\n    "62031": 4\n`));
    expect(issues.map((i) => [i.code, i.path, i.line, i.column])).toEqual([
      ['RISK_HS_CODE', 'valuation.referenceValuePerKg["406"]', 10, 5],
      ['RISK_HS_CODE', 'valuation.referenceValuePerKg["62031"]', 11, 5],
      ['RISK_HS_CODE', 'rules[0].when.hsPrefix[0]', 16, 24],
      ['RISK_HS_CODE', 'rules[0].when.hsPrefix[1]', 16, 30],
      ['RISK_HS_CODE', 'rules[0].when.hsPrefix[2]', 16, 39],
    ]);
    expect(issues[0]!.message).toMatch(/quotes/);
    expect(issues[2]!.message).toMatch(/quotes/);
  });

  it('refuses values outside their lists', () => {
    const issues = issuesOf(withRules(`  - id: a
    weight: 1
    explanation: x
    when:
      all:
        - documentMissing: [passport]
        - country: { of: consignor, in: [XX] }
        - checkIssue: { codes: [TIN_WRONG] }
        - tripAlerts: { types: [teleported], atLeast: 1 }
        - history: { of: carrier, windowDays: 365, results: [smuggling], findings: { atLeast: 1 } }
        - firstSeen: { of: driver, withinDays: 30 }
`));
    expect(issues.map((i) => [i.code, i.path, i.line])).toEqual([
      ['RISK_VALUE_UNKNOWN', 'rules[0].when.all[0].documentMissing[0]', 13],
      ['RISK_VALUE_UNKNOWN', 'rules[0].when.all[1].country.in[0]', 14],
      ['RISK_VALUE_UNKNOWN', 'rules[0].when.all[2].checkIssue.codes[0]', 15],
      ['RISK_VALUE_UNKNOWN', 'rules[0].when.all[3].tripAlerts.types[0]', 16],
      ['RISK_VALUE_UNKNOWN', 'rules[0].when.all[4].history.results[0]', 17],
      ['RISK_VALUE_UNKNOWN', 'rules[0].when.all[5].firstSeen.of', 18],
    ]);
  });

  it('refuses a valuation rule in a set without reference values', () => {
    expect(only(withRules(`  - id: a\n    weight: 1\n    explanation: x\n    when: { valueBelowReference: { fraction: 0.5 } }\n`))).toMatchObject({
      code: 'RISK_VALUATION_MISSING', path: 'rules[0].when.valueBelowReference', line: 11,
    });
  });

  it('refuses explanations it cannot fill', () => {
    const issues = issuesOf(withRules(`  - id: a
    weight: 1
    explanation: "Item {item is open"
    when: { hsPrefix: ["61"] }
  - id: b
    weight: 1
    explanation: "Declared at {valuePerKg} USD/kg"
    when: { hsPrefix: ["61"] }
  - id: c
    weight: 1
    explanation: "{ratio:percentage}"
    when: { hsPrefix: ["61"] }
`));
    expect(issues.map((i) => [i.code, i.rule?.id, i.line])).toEqual([
      ['RISK_EXPLANATION_SYNTAX', 'a', 10],
      ['RISK_EXPLANATION_PLACEHOLDER', 'b', 14],
      ['RISK_EXPLANATION_SYNTAX', 'c', 18],
    ]);
    expect(issues[1]!.message).toMatch(/\{valuePerKg\}.*hsCode/);
  });

  it('reports every mistake of a set in one pass', () => {
    const issues = issuesOf(`id: Test Set
version: 0
channels: { yellow: 30 }
random: { green: { yellow: 0.1, red: 0.1 }, yellow: { red: 0.1 } }
rules:
  - id: a
    weight: 1
    explanation: x
    when: { goodsItems: { atLeast: -1 } }
  - "not a rule"
`);
    expect(issues.map((i) => i.code)).toEqual([
      'RISK_ID_FORMAT', 'RISK_VALUE_RANGE', 'RISK_FIELD_REQUIRED', 'RISK_VALUE_RANGE', 'RISK_FIELD_TYPE',
    ]);
    expect(issues.map((i) => i.line)).toEqual([1, 2, 3, 9, 10]);
  });

  it('formats an issue as file:line:column, path, rule, code and message', () => {
    const issue = only(withRules(`  - id: r\n    weight: ten\n    explanation: x\n    when: { goodsItems: { atLeast: 2 } }\n`));
    expect(formatRuleSetIssue(issue, 'rules/test.yaml')).toBe(
      'rules/test.yaml:9:13 rules[0].weight (r) RISK_FIELD_TYPE: A rule weight is a number; found the text "ten".',
    );
  });
});
