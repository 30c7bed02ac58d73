/**
 * Bulk import of declarations with their goods items through the CLI into SQLite, beside a bare
 * better-sqlite3 insert of the same rows in the same run; and the document checks alone on one core.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openStore } from '../src/adapters/store/open-store.js';
import { demoDeclarations, seedDemoReference } from '../src/apps/cli/demo.js';
import { wirePlatform } from '../src/apps/platform.js';
import { checkDeclaration } from '../src/core/checks/index.js';
import { systemClock } from '../src/ports/clock.js';
import { CheckContextSource } from '../src/services/check-context.js';
import { bareInsert } from './bare-sqlite-insert.js';

const run = promisify(execFile);

export async function importDeclarationsBenchmark(count: number) {
  const dir = await mkdtemp(join(tmpdir(), 'corridor-bench-'));
  try {
    const db = join(dir, 'corridor.db');
    const store = openStore(db);
    await store.migrate();
    const fleet = await seedDemoReference(wirePlatform(store));
    const context = await new CheckContextSource(store, systemClock).get();
    await store.close();

    const declarations = demoDeclarations(fleet, count, '2025-11-20', 'BENCH');
    const goodsItems = declarations.reduce((sum, declaration) => sum + declaration.goods.length, 0);
    const file = join(dir, 'declarations.jsonl');
    await writeFile(file, declarations.map((declaration) => JSON.stringify(declaration)).join('\n') + '\n');

    // The CLI exactly as an operator runs it, compiled, in a process of its own.
    const started = performance.now();
    const { stdout } = await run(process.execPath, ['dist/src/apps/cli/main.js', 'import', 'declarations', file, '--db', db], {
      maxBuffer: 1 << 24,
    }).catch((error: { stdout: string }) => error);
    const cliSeconds = (performance.now() - started) / 1000;
    const imported = /(\d+) accepted, (\d+) incomplete/.exec(stdout);
    const stored = imported ? Number(imported[1]) + Number(imported[2]) : 0;

    const bareSeconds = await bareInsert(join(dir, 'bare.db'), declarations, context);

    const checkStarted = performance.now();
    let complete = 0;
    for (const declaration of declarations) if (checkDeclaration(declaration, context).complete) complete += 1;
    const checkSeconds = (performance.now() - checkStarted) / 1000;

    return [
      {
        benchmark: 'import-declarations-cli-sqlite',
        declarations: count,
        goodsItems,
        stored,
        seconds: round(cliSeconds),
        perSecond: Math.round(count / cliSeconds),
        baseline: 'bare better-sqlite3 prepared inserts of the same rows into the same schema',
        baselinePerSecond: Math.round(count / bareSeconds),
        ratioToBaseline: round(bareSeconds / cliSeconds),
      },
      {
        benchmark: 'document-checks',
        declarations: count,
        complete,
        perSecond: Math.round(count / checkSeconds),
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const round = (value: number) => Math.round(value * 1000) / 1000;
