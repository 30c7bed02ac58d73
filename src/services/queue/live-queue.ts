/**
 * One crossing's queue held in memory, and kept durable: every record that changes it (a command accepted with a
 * change, or an estimate refresh) is appended to the store's log, with the events and entry rows it produced,
 * before the caller hears of it. After a restart the queue is rebuilt by replaying the log from the queue's first
 * configuration (core/queue/replay.ts).
 *
 * Why a log and no snapshot: the core's state (sorted chunked lists, estimate columns) is built for speed, not
 * for serialising; the commands are small, the core applies a hundred thousand of them in well under a second, and
 * the log is also the exact history auditors ask for. A snapshot would bound the start-up of a queue that has run
 * for months; archive (core/queue/archive.ts) already bounds its memory.
 *
 * The caller runs one record at a time per queue (Serialiser). When a write fails (the database is gone, or
 * another process holding the same queue extended the log first), the state in memory is ahead of the log: the
 * queue must be dropped and loaded again, which `apply` signals by throwing QueueOutOfStep.
 */
import {
  applyCommand,
  createQueue,
  refreshEstimates,
  replayRecord,
  type BookCommand,
  type CheckInCommand,
  type CommandResult,
  type EstimateRefresh,
  type QueueCommand,
  type QueueConfig,
  type QueueEntry,
  type QueueLogRecord,
  type QueueState,
} from '../../core/queue/index.js';
import type { QueueRepository, QueueWrite } from '../../ports/queue-store.js';
import type { HandledMark } from '../../ports/tracking-news.js';
import { entryRow } from './entry-row.js';

const REPLAY_PAGE = 10_000;

/** A booking or check-in as logged: with the owner of the declaration, which the store's entry rows carry. */
export type EnteringCommand = (BookCommand | CheckInCommand) & { owner: string };

type LoggedRecord = QueueLogRecord & { owner?: string };

export class QueueOutOfStep extends Error {
  constructor(crossing: string, cause?: unknown) {
    super(`the queue of ${crossing} could not be written as it changed; it is read again from the store`, { cause });
    this.name = 'QueueOutOfStep';
  }
}

/** The configuration as it stands, the release rate included (staff change it with a command, not in the config). */
export function currentConfig(state: QueueState): QueueConfig {
  return { ...state.config, backlog: { ratePerHour: state.bucket.ratePerHour, burst: state.bucket.burst } };
}

export class LiveQueue {
  /** The version and time of the last estimate refresh. */
  refreshedVersion = -1;
  refreshedAt = -Infinity;

  private constructor(
    private readonly repository: QueueRepository,
    readonly state: QueueState,
    private logLength: number,
    /** Entry id → owner of its declaration. */
    readonly owners: Map<string, string>,
  ) {}

  /** Starts the queue of a crossing, or loads it if it has been started before. */
  static async start(repository: QueueRepository, config: QueueConfig, at: number): Promise<LiveQueue> {
    await repository.create({ crossing: config.crossing, config, createdAt: at });
    const queue = await LiveQueue.load(repository, config.crossing);
    if (queue === undefined) throw new Error(`the queue of ${config.crossing} was created and is not there`);
    return queue;
  }

  /** The queue of a crossing rebuilt from its log; undefined when it was never started. */
  static async load(repository: QueueRepository, crossing: string): Promise<LiveQueue | undefined> {
    const stored = await repository.get(crossing);
    if (stored === undefined) return undefined;
    const created = createQueue(stored.initialConfig, stored.createdAt);
    if (!created.ok) throw new Error(`the stored configuration of ${crossing} is not valid: ${created.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    const queue = new LiveQueue(repository, created.state, 0, new Map());
    for (;;) {
      const page = (await repository.log(crossing, queue.logLength + 1, REPLAY_PAGE)) as LoggedRecord[];
      for (const record of page) {
        const issue = replayRecord(queue.state, record);
        if (issue !== null) throw new Error(`the log of ${crossing} does not replay at record ${queue.logLength + 1}: ${issue.message}`);
        queue.logLength++;
        queue.noteOwner(record);
        if (record.kind === 'refresh') queue.markRefreshed(record.at);
      }
      if (page.length < REPLAY_PAGE) break;
    }
    return queue;
  }

  get crossing(): string {
    return this.state.config.crossing;
  }

  /**
   * Applies a command; if it changed the queue, the change is durable when this resolves, with `handled` (the mark of
   * the tracker's news the command follows from) in the same transaction.
   */
  async apply(command: QueueCommand | EnteringCommand, handled?: HandledMark): Promise<CommandResult> {
    const result = applyCommand(this.state, command);
    if (!result.ok || !result.changed) return result;
    this.noteOwner(command);
    const touched = new Set<string>();
    for (const event of result.events) if (event.entryId !== null) touched.add(event.entryId);
    const entries = [...touched].flatMap((id) => {
      const entry = this.state.entries.get(id);
      return entry === undefined ? [] : [entryRow(this.state, entry, this.owners.get(id) ?? 'unknown')];
    });
    const changesConfig = command.kind === 'reconfigure' || command.kind === 'set_backlog_rate';
    await this.write({ record: command, events: result.events, entries, ...(changesConfig ? { config: currentConfig(this.state) } : {}), ...(handled === undefined ? {} : { handled }) });
    if ('archived' in result) for (const entry of result.archived as QueueEntry[]) this.owners.delete(entry.id);
    return result;
  }

  /** Refreshes every estimate, and logs that it did, so a replay gives the same first estimates. */
  async refresh(now: number): Promise<EstimateRefresh> {
    const at = Math.max(now, this.state.now);
    const refresh = refreshEstimates(this.state, at);
    this.markRefreshed(at);
    await this.write({ record: { kind: 'refresh', at }, events: [], entries: [] });
    return refresh;
  }

  /**
   * Refreshes the estimates when the queue changed since the last refresh, but not more often than every
   * `minGapMs`: at a hundred thousand trucks a refresh takes tens of milliseconds, and a busy crossing changes
   * every few seconds. And at least every `maxAgeMs`, as the lanes' pace and the opening hours move on with time.
   */
  async refreshIfStale(now: number, minGapMs: number, maxAgeMs: number): Promise<void> {
    const age = now - this.refreshedAt;
    if ((this.refreshedVersion !== this.state.version && age >= minGapMs) || age >= maxAgeMs) await this.refresh(now);
  }

  private async write(change: Pick<QueueWrite, 'record' | 'events' | 'entries' | 'config' | 'handled'>): Promise<void> {
    const seq = this.logLength + 1;
    let appended: boolean;
    try {
      appended = await this.repository.append({ crossing: this.crossing, seq, version: this.state.version, ...change });
    } catch (error) {
      throw new QueueOutOfStep(this.crossing, error);
    }
    if (!appended) throw new QueueOutOfStep(this.crossing);
    this.logLength = seq;
  }

  private markRefreshed(at: number): void {
    this.refreshedVersion = this.state.version;
    this.refreshedAt = at;
  }

  private noteOwner(record: LoggedRecord): void {
    if (record.owner === undefined || (record.kind !== 'book' && record.kind !== 'check_in')) return;
    const id = this.state.byDeclaration.get(record.declarationId);
    if (id !== undefined) this.owners.set(id, record.owner);
  }
}
