/** `corridor queue …`: a crossing's board and order from the command line, read from the stored queue. */
import type { Command, Option } from 'commander';
import type { BoardView, EntryView } from '../../services/queue/index.js';
import { CONSOLE_USER, type Platform } from '../platform.js';

type WithPlatform = <T>(options: { db?: string }, work: (platform: Platform) => Promise<T>) => Promise<T>;

const hours = (ms: number | null) => (ms === null ? '-' : `${(ms / 3_600_000).toFixed(1)} h`);

export function formatBoard(board: BoardView): string {
  const lines = [`${board.crossing} at ${board.at} (version ${board.version})`, 'class              booked holding waiting called'];
  for (const [name, counts] of Object.entries(board.byClass)) {
    lines.push(`${name.padEnd(18)} ${[counts.booked, counts.holding, counts.waiting, counts.called].map((n) => String(n).padStart(7)).join('')}`);
  }
  lines.push(
    `waiting now: median ${hours(board.waitingNow.medianMs)}, p95 ${hours(board.waitingNow.p95Ms)} (${board.waitingNow.count} trucks)`,
    `throughput: ${board.throughput.callsLastHour} called in the last hour, ${board.throughput.smoothedPerHour.toFixed(1)} an hour smoothed`,
    `backlog: ${board.backlog.waiting} waiting, ${board.backlog.holding} holding; release ${board.backlog.releaseRatePerHour ?? 'unlimited'} an hour; ` +
      `clears in ${board.backlog.clearanceHours === null ? 'never' : hours(board.backlog.clearanceHours * 3_600_000)}${board.backlog.clearanceAt ? ` (by ${board.backlog.clearanceAt})` : ''}`,
  );
  return lines.join('\n');
}

function formatEntry(entry: EntryView): string {
  return [String(entry.position ?? '-').padStart(5), entry.id.padEnd(28), `${entry.truck.plate} ${entry.truck.country}`.padEnd(16), entry.priorityClass.padEnd(17), entry.channel.padEnd(7), entry.estimatedCallAt ?? '-'].join(' ');
}

export function queueCommands(program: Command, withPlatform: WithPlatform, dbOption: () => Option): void {
  const queue = program.command('queue').description('border queues');
  queue
    .command('board <crossing>')
    .description("a crossing's board: length by class, waits, throughput and the backlog's clearance")
    .addOption(dbOption())
    .action((crossing: string, options: { db?: string }) =>
      withPlatform(options, async (platform) => console.log(formatBoard(await platform.queueViews.board(CONSOLE_USER, crossing)))),
    );
  queue
    .command('list <crossing>')
    .description('the trucks waiting, in the order they will be called, with their estimates')
    .option('--limit <n>', 'how many', '20')
    .addOption(dbOption())
    .action((crossing: string, options: { db?: string; limit: string }) =>
      withPlatform(options, async (platform) => {
        const limit = Math.max(1, Math.min(500, Number.parseInt(options.limit, 10) || 20));
        const page = await platform.queueViews.list(CONSOLE_USER, crossing, { status: 'waiting', offset: 0, limit });
        console.log(`${page.total} waiting at ${crossing}`);
        for (const entry of page.items) console.log(formatEntry(entry));
      }),
    );
}
