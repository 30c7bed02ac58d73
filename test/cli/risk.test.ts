/** The risk demo and `corridor risk backtest | activate` run as processes, as an operator would. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/adapters/store/open-store.js';
import { DEMO_DECLARATIONS, demoDeclarations, seedDemo } from '../../src/apps/cli/demo.js';
import { CONSOLE_USER, wirePlatform } from '../../src/apps/platform.js';

const run = promisify(execFile);
let dir: string;
let db: string;
let shipped: string;

async function corridor(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/apps/cli/main.ts', ...args], { env: { ...process.env, CORRIDOR_DB: db } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corridor-risk-cli-'));
  db = join(dir, 'corridor.db');
  shipped = await readFile('rules/eaeu-transit.yaml', 'utf8');
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the risk demo', () => {
  it('assesses every accepted demo declaration, places two teams and records inspections, once', async () => {
    const store = openStore(db);
    await store.migrate();
    const platform = wirePlatform(store);
    const summary = await seedDemo(platform, '2025-11-20');
    const assessments = await store.risk.assessments.all();
    expect(assessments).toHaveLength(summary.accepted);
    expect(assessments.every((a) => a.trigger === 'accepted' && a.assessment.ruleSet.id === 'eaeu-transit')).toBe(true);
    // A new installation knows no consignee yet, so first loads of clothing and electronics are targeted; not all are.
    const channels = new Set(assessments.map((a) => a.assessment.channel));
    expect(channels.has('green') && channels.has('yellow')).toBe(true);
    expect(await store.risk.teams.list()).toHaveLength(2);
    expect((await store.risk.inspections.list({ limit: 1, offset: 0 })).total).toBe(24);
    const report = await platform.risk.reports.effectiveness(CONSOLE_USER);
    expect(report.overall.inspected).toBe(24);

    await seedDemo(platform, '2025-11-20');
    expect(await store.risk.assessments.all()).toHaveLength(summary.accepted);
    expect((await store.risk.inspections.list({ limit: 1, offset: 0 })).total).toBe(24);
    expect(summary.accepted).toBeLessThanOrEqual(DEMO_DECLARATIONS);
    await platform.close();
  });
});

describe('corridor risk', () => {
  it('backtests a candidate file against the inspections, beside the set in force', async () => {
    const candidate = join(dir, 'candidate.yaml');
    await writeFile(candidate, shipped.replace(/^version: 1$/m, 'version: 2').replace(/^ {2}yellow: 30$/m, '  yellow: 20'));
    const { code, stdout } = await corridor('risk', 'backtest', candidate);
    expect(code).toBe(0);
    expect(stdout).toMatch(/declarations, 24 of them inspected/);
    expect(stdout).toMatch(/rule set\s+eaeu-transit v2\s+eaeu-transit v1/);
    expect(stdout).toMatch(/findings caught\s+\d+ of \d+/);
    expect(stdout).toMatch(/channels raised \d+, lowered 0/);
  });

  it('refuses a broken file with every issue located in it, and activates a good one', async () => {
    const broken = join(dir, 'broken.yaml');
    await writeFile(broken, 'id: broken\nversion: 1\nchannels: { yellow: 30, red: 60 }\nrandom: { green: { yellow: 0, red: 0 }, yellow: { red: 0 } }\nrules:\n  - id: r\n    weight: 10\n    explanation: "x"\n    when: { hsPrefix: [24] }\n');
    const refused = await corridor('risk', 'activate', broken);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${broken}:9:24 rules[0].when.hsPrefix[0] (r) RISK_HS_CODE`);

    const next = join(dir, 'next.yaml');
    await writeFile(next, shipped.replace(/^version: 1$/m, 'version: 3'));
    const activated = await corridor('risk', 'activate', next);
    expect(activated.code).toBe(0);
    expect(activated.stdout).toContain('rule set eaeu-transit version 3 is in force');
  });

  it('assesses what a bulk import accepted and left unassessed, and nothing twice', async () => {
    expect((await corridor('risk', 'assess-pending')).stdout).toContain('0 declaration(s) assessed');
    const store = openStore(db);
    const platform = wirePlatform(store);
    const devices = await store.reference.listDevices();
    const inputs = demoDeclarations(devices, 30, '2025-11-21', 'BULK');
    const summary = await platform.imports.run(CONSOLE_USER, inputs.map((record, i) => ({ line: i + 2, record })));
    expect(summary.accepted).toBeGreaterThan(0);
    const before = (await store.risk.assessments.all()).length;
    await platform.close();

    const { code, stdout } = await corridor('risk', 'assess-pending');
    expect([code, stdout.trim()]).toEqual([0, `${summary.accepted} declaration(s) assessed`]);
    const after = openStore(db);
    expect((await after.risk.assessments.all()).length).toBe(before + summary.accepted);
    await after.close();
  });
});

