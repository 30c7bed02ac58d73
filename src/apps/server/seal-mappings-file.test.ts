import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEAL_MAPPINGS } from '../../core/devices/index.js';
import { loadSealMappings } from './seal-mappings-file.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corridor-mappings-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('loadSealMappings', () => {
  it('uses the built-in mappings without a file', async () => {
    expect(await loadSealMappings(undefined)).toBe(DEFAULT_SEAL_MAPPINGS);
  });

  it('puts the operator\'s mappings first, replacing a built-in one of the same model', async () => {
    const file = join(dir, 'ok.json');
    await writeFile(file, JSON.stringify([
      { model: 'teltonika-fmb', locked: { attribute: 'io240', equals: 0 } },
      { model: 'acme-seal-2', tamper: { attribute: 'io5', bit: 2 } },
    ]));
    const mappings = await loadSealMappings(file);
    expect(mappings.filter((m) => m.model === 'teltonika-fmb')).toEqual([{ model: 'teltonika-fmb', locked: { attribute: 'io240', equals: 0 } }]);
    expect(mappings.map((m) => m.model)).toContain('acme-seal-2');
    expect(mappings.length).toBe(DEFAULT_SEAL_MAPPINGS.length + 1);
  });

  it('refuses a file with mistakes, naming each', async () => {
    const file = join(dir, 'bad.json');
    await writeFile(file, JSON.stringify([{ model: 'x', locked: { attribute: 'io1', equals: 1, bit: 3 } }, { model: 'x', colour: 'red' }]));
    await expect(loadSealMappings(file)).rejects.toThrow(/\[0\]\.locked.*\n.*\[1\]/s);
    await writeFile(file, '{ not json');
    await expect(loadSealMappings(file)).rejects.toThrow(/seal mappings .*bad\.json/);
  });
});
