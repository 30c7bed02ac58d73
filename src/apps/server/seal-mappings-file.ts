/**
 * The operator's seal mappings: a JSON file (`CORRIDOR_SEAL_MAPPINGS`) listing, per device model, which
 * IO element or parameter carries the lock, tamper, cable and battery state. A model listed there replaces
 * the built-in mapping of the same name; the built-in ones serve every other model. A file with a mistake
 * stops the start-up with every mistake listed, rather than running with seals read wrongly.
 */
import { readFile } from 'node:fs/promises';
import { DEFAULT_SEAL_MAPPINGS, validateSealMappings, type SealMapping } from '../../core/devices/index.js';

export async function loadSealMappings(path: string | undefined): Promise<readonly SealMapping[]> {
  if (!path) return DEFAULT_SEAL_MAPPINGS;
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`seal mappings ${path}: ${(error as Error).message}`);
  }
  const issues = validateSealMappings(parsed);
  if (issues.length > 0) {
    throw new Error(`seal mappings ${path} are not valid:\n${issues.map((issue) => `  ${issue.path}: ${issue.message}`).join('\n')}`);
  }
  const configured = parsed as SealMapping[];
  const models = new Set(configured.map((mapping) => mapping.model));
  return [...configured, ...DEFAULT_SEAL_MAPPINGS.filter((mapping) => !models.has(mapping.model))];
}
