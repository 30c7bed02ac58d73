import { describe, expect, it } from 'vitest';
import { parseObligationRules } from './parse-obligation-rules.js';

describe('parseObligationRules', () => {
  it('refuses every mistake with its code, path and place in the text', () => {
    const text = [
      'id: Bad Id', //                                   line 1
      'version: 1',
      'memberStates: [KZ, kz]', //                       line 3
      'rules:',
      '  - id: clothing',
      '    explanation: Clothing.',
      '    hsPrefix: [6203]', //                         line 7: a number loses leading zeros
      '    procedure: [import]', //                      line 8
      '  - id: clothing',
      '    explanation: Holds for everything.', //       no criterion
    ].join('\n');
    const parsed = parseObligationRules(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map(({ code, path, line }) => ({ code, path, line }))).toEqual([
      { code: 'RISK_ID_FORMAT', path: 'id', line: 1 },
      { code: 'RISK_VALUE_UNKNOWN', path: 'memberStates[1]', line: 3 },
      { code: 'RISK_HS_CODE', path: 'rules[0].hsPrefix[0]', line: 7 },
      { code: 'RISK_VALUE_UNKNOWN', path: 'rules[0].procedure[0]', line: 8 },
      { code: 'RISK_FIELD_REQUIRED', path: 'rules[1]', line: 9 },
    ]);
    expect(parsed.issues[4]?.message).toContain('at least one criterion');
  });

  it('reports a syntax error at its place', () => {
    const parsed = parseObligationRules('id: x\nrules: [\n');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues[0]).toMatchObject({ code: 'RISK_SYNTAX', line: 3 });
  });
});
