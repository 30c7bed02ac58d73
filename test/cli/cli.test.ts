/** The `corridor` command run as a process, as an operator would. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/adapters/store/open-store.js';
import { CONSOLE_USER, wirePlatform } from '../../src/apps/platform.js';
import { ALMATY, BISHKEK, KORDAY, SEAL, validDeclaration } from '../support/fixtures.js';

const run = promisify(execFile);
let dir: string;
let db: string;

async function corridor(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/apps/cli/main.ts', ...args], {
      env: { ...process.env, CORRIDOR_DB: db },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corridor-cli-'));
  db = join(dir, 'corridor.db');
  const store = openStore(db);
  await store.migrate();
  const platform = wirePlatform(store);
  for (const [kind, value] of [['offices', BISHKEK], ['offices', ALMATY], ['crossings', KORDAY], ['devices', SEAL]] as const) {
    await platform.reference.put(CONSOLE_USER, kind, value as never);
  }
  await platform.close();
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('corridor check tin', () => {
  it('exits 0 for a valid number and 1 with the reason for a wrong check digit', async () => {
    const valid = await corridor('check', 'tin', 'KZ', '080340001230');
    expect(valid.code).toBe(0);
    expect(valid.stdout).toMatch(/^valid/);
    const invalid = await corridor('check', 'tin', 'RU', '7707083894');
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain('TIN_CHECK_DIGIT');
  });
});

describe('corridor import declarations', () => {
  it('keeps the good rows, reports every bad one with its line, and adds nothing on a re-run', async () => {
    const bad = { ...validDeclaration('CLI-3'), consignee: { name: 'Recipient', country: 'RU', tin: '7707083894' } };
    const lines = [
      JSON.stringify(validDeclaration('CLI-1')),
      '{"reference": "CLI-2", ',
      JSON.stringify(bad),
      JSON.stringify({ ...validDeclaration('CLI-4'), goods: 'none' }),
    ];
    const file = join(dir, 'batch.jsonl');
    await writeFile(file, lines.join('\n') + '\n');

    const first = await corridor('import', 'declarations', file);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('4 declarations read');
    expect(first.stdout).toContain('1 accepted, 1 incomplete, 2 rejected, 0 duplicates');
    const report = parse(await readFile(`${file}.report.csv`), { columns: true }) as Array<Record<string, string>>;
    expect(report.map((row) => [row.line, row.outcome, row.code])).toEqual(
      expect.arrayContaining([['2', 'rejected', 'JSON_SYNTAX'], ['3', 'incomplete', 'TIN_CHECK_DIGIT'], ['4', 'rejected', 'SCHEMA_TYPE']]),
    );
    expect(report.find((row) => row.line === '3')!.path).toBe('consignee.tin');

    const again = await corridor('import', 'declarations', file);
    expect(again.stdout).toContain('0 accepted, 0 incomplete, 2 rejected, 2 duplicates');
  });
});

describe('corridor user add', () => {
  it('creates a user and refuses the same name twice', async () => {
    expect((await corridor('user', 'add', 'inspector-7', '--role', 'inspector', '--password', 'long-enough-1')).code).toBe(0);
    const twice = await corridor('user', 'add', 'inspector-7', '--role', 'inspector', '--password', 'long-enough-1');
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('CONFLICT');
  });
});

describe('corridor import nomenclature', () => {
  it('stores the codes, reports bad rows, and the checks then refuse a heading that is not in it', async () => {
    const file = join(dir, 'tnved.csv');
    await writeFile(file, 'code,description,valid_from\n6203 42,Trousers of cotton,2022-01-01\n6403.99,Footwear,\n8471,Computers,\n12AB,Broken,\n');
    const imported = await corridor('import', 'nomenclature', file);
    expect(imported.stdout).toContain('3 nomenclature codes stored, 1 rows rejected');
    expect(imported.code).toBe(1);
    const report = parse(await readFile(`${file}.report.csv`), { columns: true }) as Array<Record<string, string>>;
    expect(report).toEqual([expect.objectContaining({ line: '5', code: 'NOMENCLATURE_CODE' })]);

    const listed = validDeclaration('CLI-NOM-1');
    const [trousers, shoes] = validDeclaration().goods;
    const unlisted = { ...validDeclaration('CLI-NOM-2'), goods: [{ ...trousers!, hsCode: '610910' }, shoes!] };
    const batch = join(dir, 'nomenclature-batch.jsonl');
    await writeFile(batch, `${JSON.stringify(listed)}\n${JSON.stringify(unlisted)}\n`);
    const result = await corridor('import', 'declarations', batch);
    expect(result.stdout).toContain('1 accepted, 1 incomplete');
    const rows = parse(await readFile(`${batch}.report.csv`), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => [row.reference, row.code, row.path])).toEqual([['CLI-NOM-2', 'HS_HEADING_UNKNOWN', 'goods[0].hsCode']]);
  });
});

describe('corridor trips', () => {
  it('arms a declaration\'s seal, refuses it on a second trip, lists the trip and disarms it', async () => {
    const store = openStore(db);
    await store.migrate();
    const platform = wirePlatform(store);
    const declare = async (reference: string) => {
      const created = await platform.declarations.create(CONSOLE_USER, validDeclaration(reference));
      await platform.declarations.submit(CONSOLE_USER, created.id);
      return created.id;
    };
    const [first, second] = [await declare('CLI-TRIP-1'), await declare('CLI-TRIP-2')];
    await platform.close();

    const armed = await corridor('trips', 'arm', first, '--width', '800');
    expect(armed.code).toBe(0);
    const tripId = /^armed: (\S+)\s+open/.exec(armed.stdout)![1]!;
    const twice = await corridor('trips', 'arm', second);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('CONFLICT');
    expect(twice.stderr).toContain('sealIds[0]');
    expect((await corridor('trips', 'arm', second, '--width', 'wide')).stderr).toContain('--width must be a positive number');

    const listed = await corridor('trips', 'list', '--status', 'open');
    expect(listed.stdout).toContain(`${tripId}  open  declaration ${first}  seals ${SEAL.id}  eta `);
    expect(listed.stdout).toContain('1 of 1 trips');
    expect((await corridor('trips', 'disarm', tripId)).stdout).toMatch(/^disarmed: \S+\s+closed/);
    expect((await corridor('trips', 'list', '--status', 'open')).stdout).toContain('0 of 0 trips');
  });
});
