import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readObligationRulesFile } from './obligation-rules-file.js';

describe('obligation rules files', () => {
  it('reads the shipped rules', async () => {
    const rules = await readObligationRulesFile();
    expect(rules.id).toBe('eaeu-navigation-seals');
    expect(rules.rules.map((rule) => rule.id)).toContain('road-transit-clothing-footwear-electronics');
  });

  it('names the file, line and column of each issue', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'obligation-')), 'bad.yaml');
    await writeFile(path, 'id: x\nversion: 1\nmemberStates: [KZ]\nrules:\n  - id: r\n    explanation: e\n    minMemberStates: 0\n');
    await expect(readObligationRulesFile(path)).rejects.toThrow(`${path}:7:22 rules[0].minMemberStates (r) RISK_VALUE_RANGE`);
  });
});
