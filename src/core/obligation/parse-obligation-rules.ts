/** Tracking-obligation rules from YAML or JSON text, validated, with every mistake at its line and column. */
import { inTextOrder, readLocatedYaml } from '../risk/located-yaml.js';
import { validateObligationRules, type ObligationRulesResult } from './validate-obligation-rules.js';

export function parseObligationRules(text: string): ObligationRulesResult {
  const read = readLocatedYaml(text);
  if (!read.ok) return read;
  const result = validateObligationRules(read.value, read.locate);
  return result.ok ? result : { ok: false, issues: inTextOrder(result.issues) };
}
