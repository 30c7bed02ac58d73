/**
 * The border queues as a service: configuration, booking, check-in (by staff, or by a seal entering the crossing's
 * waiting zone), calls, arrivals and staff decisions, each one command on the crossing's live queue, serialised and
 * durable before it is answered (queue-registry.ts, live-queue.ts), and audited with its reason.
 *
 * Two staff calling at once are two commands in turn: the second sees the first's call and calls the next truck,
 * or, when it said which version it decided on and the queue has moved since, is refused as stale.
 */
import type { OperatingHours, User } from '../../core/model/index.js';
import {
  channelIndex,
  entryForDeclaration,
  isActive,
  type Channel,
  type CommandResult,
  type LaneConfig,
  type PriorityClass,
  type QueueCommand,
  type QueueEntry,
  type Reason,
} from '../../core/queue/index.js';
import type { Clock } from '../../ports/clock.js';
import type { Store } from '../../ports/store.js';
import type { HandledMark } from '../../ports/tracking-news.js';
import type { Audit } from '../audit.js';
import type { AuthService } from '../auth-service.js';
import { ServiceError } from '../service-error.js';
import { newLookupCode } from './codes.js';
import { declaredTruck, truckFacts } from './declared-truck.js';
import type { EnteringCommand, LiveQueue } from './live-queue.js';
import type { QueueRegistry } from './queue-registry.js';
import { refusalError } from './refusals.js';
import { entryView, settingsView, type EntryView, type QueueSettingsView } from './views.js';

/** What a command that concerns one truck answers. */
export interface EntryOutcome {
  version: number;
  /** False when the command changed nothing, such as a second check-in of a truck already queued. */
  changed: boolean;
  reasons: Reason[];
  entry: EntryView;
}

export interface SettingsOutcome {
  changed: boolean;
  reasons: Reason[];
  settings: QueueSettingsView;
}

/** The actor of check-ins made by the seal's geofence event. */
const GEOFENCE: Pick<User, 'username'> = { username: 'geofence' };
/** The actor of updates that follow a declaration's change. */
const DECLARATIONS: Pick<User, 'username'> = { username: 'declarations' };
/** The actor of channel changes that follow a risk re-assessment. */
const RISK: Pick<User, 'username'> = { username: 'risk' };

export class QueueService {
  constructor(
    private readonly store: Store,
    private readonly registry: QueueRegistry,
    private readonly auth: AuthService,
    private readonly clock: Clock,
    private readonly audit: Audit,
    private readonly newCode: () => string = newLookupCode,
  ) {}

  // Configuration ---------------------------------------------------------------------------------------------

  async settings(actor: User, crossing: string): Promise<QueueSettingsView> {
    this.auth.require(actor, 'queue:read');
    return this.registry.withQueue(crossing, (queue) => settingsView(queue.state));
  }

  /** Sets the lanes (capacity by channel) and hours; starts the crossing's queue with them if it has none. */
  async configure(actor: User, crossing: string, change: { lanes: LaneConfig[]; operatingHours: OperatingHours | null; reason: string }): Promise<SettingsOutcome> {
    this.auth.require(actor, 'queue:configure');
    const start = async (code: string) => ({ ...(await this.registry.defaultsFor(code)), lanes: change.lanes, operatingHours: change.operatingHours });
    return this.registry.withQueue(
      crossing,
      async (queue) => {
        const result = await queue.apply({ kind: 'reconfigure', ...change, at: this.now(), by: actor.username });
        const detail = { lanes: change.lanes, operatingHours: change.operatingHours, reason: change.reason };
        // A queue just started with these lanes has nothing to change, but its start is a write of its own.
        if (result.ok && !result.changed && queue.state.version === 0) await this.audit(actor, 'queue.start', 'queue', crossing, detail);
        else await this.audited(actor, result, 'queue.configure', 'queue', crossing, detail);
        return this.settingsOutcome(queue, result);
      },
      start,
    );
  }

  /** The backlog's release rate: trucks an hour, null for no limit, 0 to stop the backlog. */
  async setReleaseRate(actor: User, crossing: string, change: { ratePerHour: number | null; burst?: number; reason: string }): Promise<SettingsOutcome> {
    this.auth.require(actor, 'queue:configure');
    return this.registry.withQueue(
      crossing,
      async (queue) => {
        const result = await queue.apply({ kind: 'set_backlog_rate', ...change, at: this.now(), by: actor.username });
        await this.audited(actor, result, 'queue.release_rate', 'queue', crossing, change);
        return this.settingsOutcome(queue, result);
      },
      this.registry.fromReference,
    );
  }

  async setLaneOpen(actor: User, crossing: string, lane: string, open: boolean, reason: string): Promise<SettingsOutcome> {
    this.auth.require(actor, 'queue:operate');
    return this.registry.withQueue(crossing, async (queue) => {
      const result = await queue.apply({ kind: 'set_lane_open', lane, open, reason, at: this.now(), by: actor.username });
      await this.audited(actor, result, open ? 'queue.lane_open' : 'queue.lane_close', 'queue', crossing, { lane, reason });
      return this.settingsOutcome(queue, result);
    });
  }

  // Entering --------------------------------------------------------------------------------------------------

  /** A haulier books a slot for a truck of its own declaration; the booking code is the driver's lookup code. */
  async book(actor: User, crossing: string, request: { declarationId: string; slotStart: number; slotEnd: number }): Promise<EntryOutcome> {
    this.auth.require(actor, 'queue:book');
    const { declaration, facts } = await declaredTruck(this.store, request.declarationId, crossing, undefined, actor);
    const booking = { code: this.newCode(), slotStart: request.slotStart, slotEnd: request.slotEnd };
    return this.enter(actor, crossing, { kind: 'book', ...facts, booking, owner: declaration.owner, at: this.now(), by: actor.username }, 'queue.book');
  }

  /** Staff check a truck in on arrival; the answer carries the code the driver looks the truck up with. */
  async checkIn(actor: User, crossing: string, request: { declarationId: string; channel?: Channel }): Promise<EntryOutcome> {
    this.auth.require(actor, 'queue:operate');
    const { declaration, facts } = await declaredTruck(this.store, request.declarationId, crossing, request.channel);
    const command: EnteringCommand = { kind: 'check_in', route: 'staff', ...facts, lookupCode: this.newCode(), owner: declaration.owner, at: this.now(), by: actor.username };
    return this.enter(actor, crossing, command, 'queue.check_in');
  }

  /**
   * The check-in of an e-sealed truck whose seal entered the crossing's waiting-zone geofence: what the tracking
   * engine calls. The seal must be one of the declaration's; a repeated event, or a truck already checked in by
   * staff, changes nothing (a truck is one entry). `handled`, the mark of the tracker's news, is kept with the check-in.
   */
  async checkInFromSeal(event: { crossing: string; deviceId: string; declarationId: string }, handled?: HandledMark): Promise<EntryOutcome> {
    const { declaration, facts } = await declaredTruck(this.store, event.declarationId, event.crossing);
    if (!declaration.seals.includes(event.deviceId)) {
      throw new ServiceError('VALIDATION', `seal ${event.deviceId} is not on declaration ${declaration.id}`, [
        { code: 'SEAL_NOT_DECLARED', path: 'deviceId', message: `the declaration names seals ${declaration.seals.join(', ') || 'none'}` },
      ]);
    }
    const command: EnteringCommand = { kind: 'check_in', route: 'geofence', ...facts, lookupCode: this.newCode(), owner: declaration.owner, at: this.now(), by: GEOFENCE.username };
    return this.enter(GEOFENCE, event.crossing, command, 'queue.check_in', { deviceId: event.deviceId }, handled);
  }

  /**
   * A declaration changed (submitted, corrected, moved along): its truck's facts in the queue follow, so a truck
   * holding for incomplete papers joins the order once they are complete. Nothing happens for a declaration that
   * is not queued.
   */
  async declarationChanged(declarationId: string): Promise<void> {
    const declaration = await this.store.declarations.get(declarationId);
    if (declaration === undefined || !(await this.registry.has(declaration.borderCrossing))) return;
    await this.registry.withQueue(declaration.borderCrossing, async (queue) => {
      const entry = entryForDeclaration(queue.state, declarationId);
      if (entry === undefined || !isActive(entry.status)) return;
      let facts;
      try {
        facts = await truckFacts(this.store, declaration, queue.crossing, entry.channel);
      } catch (error) {
        // Released, closed or rerouted: the queue keeps the entry as it is; staff decide what happens to it.
        if (error instanceof ServiceError) return;
        throw error;
      }
      const result = await queue.apply({ kind: 'update_declaration', entryId: entry.id, facts: facts.facts, at: this.now(), by: DECLARATIONS.username });
      await this.audited(DECLARATIONS, result, 'queue.declaration_updated', 'queue-entry', entry.id, { declarationId });
    });
  }

  /**
   * Risk re-assessed a declaration to a higher channel (a trip's alert): its truck, if queued, takes the lanes of
   * the new channel. What the ChannelRaisedListener of risk calls. A channel is only ever raised here: a truck
   * already in a higher one keeps it.
   */
  async channelRaised(event: { declarationId: string; borderCrossing: string; to: Channel }): Promise<void> {
    if (!(await this.registry.has(event.borderCrossing))) return;
    await this.registry.withQueue(event.borderCrossing, async (queue) => {
      const entry = entryForDeclaration(queue.state, event.declarationId);
      if (entry !== undefined && isActive(entry.status)) await this.raiseChannel(queue, entry, event.to);
    });
  }

  /**
   * Raises every queued truck whose declaration a trip's alert re-assessed, after the truck entered the queue, to a
   * higher channel than the truck's: what `channelRaised` would have done, had it been told. Risk tells the queue
   * only once the re-assessment is stored, so a process that dies in between leaves the truck in its old channel
   * until this runs (the queue timers' sweep). Returns how many trucks it raised.
   */
  async catchUpRaisedChannels(): Promise<number> {
    const queued: Array<{ crossing: string; declarationId: string; enteredAt: number; channel: Channel }> = [];
    await this.registry.forEach((queue) => {
      for (const entry of queue.state.entries.values()) {
        if (isActive(entry.status)) queued.push({ crossing: queue.crossing, declarationId: entry.declarationId, enteredAt: entry.enteredAt, channel: entry.channel });
      }
    });
    // Read outside the queues' turns, so that calls and check-ins do not wait on it.
    const latest = await this.store.risk.assessments.latestChannelsOf(queued.map((truck) => truck.declarationId));
    let raised = 0;
    for (const truck of queued) {
      const assessment = latest.get(truck.declarationId);
      if (assessment === undefined || !assessment.trigger.startsWith('alert:') || Date.parse(assessment.at) <= truck.enteredAt) continue;
      // Judged on the snapshot first, so that only a truck to raise takes its queue's turn; raiseChannel judges the
      // entry again as it is by then.
      if (channelIndex(assessment.channel) <= channelIndex(truck.channel)) continue;
      const moved = await this.registry.withQueue(truck.crossing, async (queue) => {
        const entry = entryForDeclaration(queue.state, truck.declarationId);
        return entry !== undefined && entry.enteredAt === truck.enteredAt && isActive(entry.status) && (await this.raiseChannel(queue, entry, assessment.channel));
      });
      if (moved) raised++;
    }
    return raised;
  }

  /** Moves the entry to `to` when that is higher than its channel; whether it moved. */
  private async raiseChannel(queue: LiveQueue, entry: QueueEntry, to: Channel): Promise<boolean> {
    if (channelIndex(to) <= channelIndex(entry.channel)) return false;
    const result = await queue.apply({ kind: 'update_declaration', entryId: entry.id, channel: to, at: this.now(), by: RISK.username });
    await this.audited(RISK, result, 'queue.channel_raised', 'queue-entry', entry.id, { declarationId: entry.declarationId, channel: to });
    return result.ok && result.changed;
  }

  // Calling and staff decisions -------------------------------------------------------------------------------

  /**
   * Calls the next truck to a lane. With `expectedVersion`, only if the queue is still at the version the caller
   * decided on; without, on the queue as it stands when the call's turn comes.
   */
  async callNext(actor: User, crossing: string, lane: string, expectedVersion?: number): Promise<EntryOutcome & { lane: string }> {
    this.auth.require(actor, 'queue:operate');
    return this.registry.withQueue(crossing, async (queue) => {
      const command: QueueCommand = { kind: 'call_next', lane, at: this.now(), by: actor.username, expectedVersion: expectedVersion ?? queue.state.version };
      const outcome = await this.entryOutcome(actor, queue, command, 'queue.call', { lane });
      return { ...outcome, lane };
    });
  }

  async arrive(actor: User, crossing: string, entryId: string): Promise<EntryOutcome> {
    return this.staffCommand(actor, crossing, { kind: 'arrive', entryId, at: this.now(), by: actor.username }, 'queue.arrive');
  }

  async hold(actor: User, crossing: string, entryId: string, reason: string): Promise<EntryOutcome> {
    return this.staffCommand(actor, crossing, { kind: 'hold', entryId, reason, at: this.now(), by: actor.username }, 'queue.hold');
  }

  async release(actor: User, crossing: string, entryId: string, reason: string): Promise<EntryOutcome> {
    return this.staffCommand(actor, crossing, { kind: 'release', entryId, reason, at: this.now(), by: actor.username }, 'queue.release');
  }

  /** Puts a truck in a class, or back to the class its facts give (`null`). */
  async reprioritise(actor: User, crossing: string, entryId: string, priorityClass: PriorityClass | null, reason: string): Promise<EntryOutcome> {
    return this.staffCommand(actor, crossing, { kind: 'reprioritise', entryId, priorityClass, reason, at: this.now(), by: actor.username }, 'queue.reprioritise');
  }

  async remove(actor: User, crossing: string, entryId: string, reason: string): Promise<EntryOutcome> {
    return this.staffCommand(actor, crossing, { kind: 'remove', entryId, reason, at: this.now(), by: actor.username }, 'queue.remove');
  }

  // -----------------------------------------------------------------------------------------------------------

  private async enter(actor: Pick<User, 'username'>, crossing: string, command: EnteringCommand, action: string, detail: object = {}, handled?: HandledMark): Promise<EntryOutcome> {
    return this.registry.withQueue(crossing, (queue) => this.entryOutcome(actor, queue, command, action, { declarationId: command.declarationId, ...detail }, handled), this.registry.fromReference);
  }

  private async staffCommand(actor: User, crossing: string, command: QueueCommand & { entryId: string }, action: string): Promise<EntryOutcome> {
    this.auth.require(actor, 'queue:operate');
    return this.registry.withQueue(crossing, (queue) =>
      this.entryOutcome(actor, queue, command, action, 'reason' in command ? { reason: command.reason } : {}),
    );
  }

  /** Applies a command about one truck, audits it if it changed the queue, and answers. */
  private async entryOutcome(
    actor: Pick<User, 'username'>,
    queue: LiveQueue,
    command: QueueCommand | EnteringCommand,
    action: string,
    detail: object,
    handled?: HandledMark,
  ): Promise<EntryOutcome> {
    const result = await queue.apply(command, handled);
    if (!result.ok) throw refusalError(result);
    const entry = (result as unknown as { entry: QueueEntry }).entry;
    await this.audited(actor, result, action, 'queue-entry', entry.id, { crossing: queue.crossing, ...detail });
    return { version: result.version, changed: result.changed, reasons: result.reasons, entry: entryView(queue.state, entry) };
  }

  private async settingsOutcome(queue: LiveQueue, result: CommandResult): Promise<SettingsOutcome> {
    if (!result.ok) throw refusalError(result);
    return { changed: result.changed, reasons: result.reasons, settings: settingsView(queue.state) };
  }

  /** Audits a command that changed the queue; a refused or idle one is not a write. */
  private async audited(actor: Pick<User, 'username'>, result: CommandResult, action: string, entity: string, entityId: string, detail: object): Promise<void> {
    if (!result.ok) throw refusalError(result);
    if (result.changed) await this.audit(actor, action, entity, entityId, { version: result.version, ...detail });
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}
