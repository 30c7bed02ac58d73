/**
 * What the queue timers' catch-up of raised channels reads every sweep (queue-service.ts): the latest assessment's
 * channel, trigger and time of every queued truck's declaration, `latestChannelsOf`, over 100,000 declarations with
 * two assessments each (accepted, then re-assessed on a trip's alert) whose explanations and contexts are of a
 * realistic size. Beside it in the same run: the same declarations' latest assessments read whole (`latestOf`), what
 * the sweep would read without the narrow method. SQLite, in a file. `BENCH_DECLARATIONS` changes the size.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openStore } from '../src/adapters/store/open-store.js';

const AT = Date.UTC(2025, 10, 20, 8, 0, 0);
/** About what an assessment with a handful of fired rules and its context take as JSON. */
const EXPLANATION = JSON.stringify({ fired: Array.from({ length: 8 }, (_, i) => ({ rule: `rule-${i}`, explanation: 'x'.repeat(150) })) });

/** The assessments written directly, foreign keys off: the declarations themselves are not what is read. */
function seed(path: string, declarations: number): void {
  const db = new Database(path);
  db.pragma('foreign_keys = OFF');
  const insert = db.prepare(
    `insert into risk_assessments (id, declaration_id, trigger, assessed_by, at, rule_set_id, rule_set_version, score, targeted_channel, channel,
       randomly_selected, draw, key_id, assessment, context) values (?, ?, ?, 'system', ?, 'rules', 1, 10, 'green', ?, 0, 0.5, 'key', ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < declarations; i++) {
      insert.run(`a${i}-0`, `D${i}`, 'accepted', new Date(AT).toISOString(), 'green', EXPLANATION, EXPLANATION);
      insert.run(`a${i}-1`, `D${i}`, 'alert:seal-opened', new Date(AT + 60_000).toISOString(), 'red', EXPLANATION, EXPLANATION);
    }
  })();
  db.close();
}

async function timed(run: () => Promise<Map<string, unknown>>, rounds: number): Promise<{ seconds: number[]; found: number }> {
  const seconds: number[] = [];
  let found = 0;
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    found = (await run()).size;
    seconds.push((performance.now() - started) / 1000);
  }
  return { seconds, found };
}

export async function latestChannelsBenchmark(declarations = 100_000, rounds = 3): Promise<object[]> {
  const directory = mkdtempSync(join(tmpdir(), 'corridor-latest-channels-'));
  try {
    const path = join(directory, 'corridor.db');
    const migrating = openStore(path);
    await migrating.migrate();
    await migrating.close();
    seed(path, declarations);
    const store = openStore(path);
    const ids = Array.from({ length: declarations }, (_, i) => `D${i}`);
    const narrow = await timed(() => store.risk.assessments.latestChannelsOf(ids), rounds);
    const whole = await timed(() => store.risk.assessments.latestOf(ids), rounds);
    await store.close();
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    return [
      {
        benchmark: 'queue-latest-channels',
        declarations,
        assessments: declarations * 2,
        found: narrow.found,
        seconds: narrow.seconds.map((s) => Math.round(s * 1000) / 1000),
        baseline: 'the same latest assessments read whole (latestOf)',
        baselineFound: whole.found,
        baselineSeconds: whole.seconds.map((s) => Math.round(s * 1000) / 1000),
        ratio: Math.round((median(whole.seconds) / median(narrow.seconds)) * 100) / 100,
      },
    ];
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const result of await latestChannelsBenchmark(Number(process.env.BENCH_DECLARATIONS ?? 100_000))) console.log(JSON.stringify(result));
}
