/**
 * Trips as people use them: the monitoring centre arms a declaration's seals at the office of departure (a trip
 * opens and the declaration goes in transit) and disarms them at the office of destination (the trip closes and
 * the declaration has arrived); everyone allowed reads trips with their state and ETA, their events, their track,
 * and a replay that checks the stored events against the stored positions. Hauliers see their own trips only.
 */
import { isDeepStrictEqual } from 'node:util';
import { seesOnlyOwn } from '../../core/auth/permissions.js';
import { canTransition, transition, type DeclarationStatus, type Issue, type Position, type User } from '../../core/model/index.js';
import {
  createTripState,
  estimatedArrival,
  openAlarms,
  replay,
  trackFeature,
  validateTripPlan,
  type Disposition,
  type TrackFeature,
  type TrackingEvent,
  type TrackingInput,
  type TripState,
} from '../../core/tracking/index.js';
import type { Clock } from '../../ports/clock.js';
import type { Page, Store } from '../../ports/store.js';
import type { StoredTrip, TripFilter, TripProgress } from '../../ports/tracking-store.js';
import type { Audit } from '../audit.js';
import type { AuthService } from '../auth-service.js';
import { newRecordId } from '../ids.js';
import { ServiceError } from '../service-error.js';
import { inTakenOrder, notYetTaken, receiveOrder } from './receive-order.js';
import type { Tracker } from './tracker.js';
import { planTrip, type ArmRequest } from './trip-planning.js';

export interface TripEtaView {
  destinationAt: number;
  crossingAt: number | null;
  speedKmh: number;
}

export interface TripProgressView {
  fixes: number;
  /** The last fix taken as the trip's location. */
  lastFix: { at: number; lat: number; lon: number; speedKmh: number } | null;
  /** Progress along the route and distance from it, metres. */
  alongM: number;
  distanceFromRouteM: number;
  arrivedAt: number | null;
  /** Conditions alarming now (see the core's openAlarms). */
  openAlarms: string[];
}

export interface TripView {
  trip: StoredTrip;
  progress: TripProgressView | null;
  /** While the trip is open. */
  eta: TripEtaView | null;
}

export interface ReplayReport {
  tripId: string;
  /** Whether the replayed events equal the stored ones, one for one and in order. */
  matches: boolean;
  stored: number;
  replayed: number;
  /** The first place they differ, when they do. */
  firstDifference: { index: number; stored: TrackingEvent | null; replayed: TrackingEvent | null } | null;
  dispositions: Record<Disposition, number>;
}

/** Declaration statuses a seal may be armed in: accepted at departure, or in transit again after a border. */
const ARMABLE: readonly DeclarationStatus[] = ['accepted', 'in_transit', 'released'];
const ALL = 1_000_000;

export class TripService {
  constructor(
    private readonly store: Store,
    private readonly auth: AuthService,
    private readonly tracker: Tracker,
    private readonly clock: Clock,
    private readonly audit: Audit,
    private readonly newId: () => string = newRecordId,
  ) {}

  async arm(actor: User, request: ArmRequest): Promise<TripView> {
    this.auth.require(actor, 'trips:write');
    const declaration = await this.store.declarations.get(request.declarationId);
    if (!declaration) throw new ServiceError('NOT_FOUND', `no declaration ${request.declarationId}`);
    if (!ARMABLE.includes(declaration.status)) {
      throw new ServiceError('INVALID_TRANSITION', `a ${declaration.status} declaration cannot be armed; it must be ${ARMABLE.join(', ')}`);
    }
    const now = this.clock.now();
    const [departure, destination, crossing, crossings] = await Promise.all([
      this.store.reference.getOffice(declaration.officeOfDeparture),
      this.store.reference.getOffice(declaration.officeOfDestination),
      this.store.reference.getCrossing(declaration.borderCrossing),
      this.store.reference.listCrossings(),
    ]);
    const id = this.newId();
    const planned = planTrip(id, declaration, request, { departure, destination, crossing, crossings }, now.getTime());
    if (planned.plan === null) throw new ServiceError('VALIDATION', 'the trip cannot be planned', planned.issues);
    const plan = planned.plan;
    const issues: Issue[] = [...validateTripPlan(plan), ...(await this.unknownSeals(plan.sealIds))];
    if (issues.length > 0) throw new ServiceError('VALIDATION', 'the trip plan is not valid', issues);

    const stored: StoredTrip = {
      id,
      declarationId: declaration.id,
      owner: declaration.owner,
      sealIds: plan.sealIds,
      plan,
      status: 'open',
      openedAt: now.toISOString(),
      openedBy: actor.username,
    };
    const trip = this.tracker.prepare(plan);
    const result = await this.tracker.open(stored, trip, createTripState(trip));
    if (!result.opened) {
      const index = plan.sealIds.indexOf(result.sealId);
      throw new ServiceError('CONFLICT', `seal ${result.sealId} is armed on another open trip`, [
        { code: 'SEAL_ON_OPEN_TRIP', path: `sealIds[${index}]`, message: `seal ${result.sealId} is on another open trip; disarm it first` },
      ]);
    }
    await this.moveDeclaration(actor, declaration.id, declaration.status, 'in_transit', now.toISOString());
    await this.audit(actor, 'arm', 'trip', id, { declarationId: declaration.id, sealIds: plan.sealIds });
    return this.viewOf(stored);
  }

  async disarm(actor: User, id: string): Promise<TripView> {
    this.auth.require(actor, 'trips:write');
    const trip = await this.visible(actor, id);
    if (trip.status !== 'open') throw new ServiceError('INVALID_TRANSITION', `trip ${id} is closed already`);
    const at = this.clock.now().toISOString();
    if (!(await this.tracker.close(id, at, actor.username))) throw new ServiceError('CONFLICT', `trip ${id} was closed meanwhile`);
    const declaration = await this.store.declarations.get(trip.declarationId);
    if (declaration) await this.moveDeclaration(actor, declaration.id, declaration.status, 'arrived', at);
    await this.audit(actor, 'disarm', 'trip', id, { declarationId: trip.declarationId });
    return this.viewOf(await this.visible(actor, id));
  }

  async list(actor: User, filter: TripFilter): Promise<Page<TripView>> {
    this.auth.require(actor, 'trips:read');
    const page = await this.store.trips.list(seesOnlyOwn(actor.role) ? { ...filter, owner: actor.username } : filter);
    return { items: await Promise.all(page.items.map((trip) => this.viewOf(trip))), total: page.total };
  }

  async get(actor: User, id: string): Promise<TripView> {
    return this.viewOf(await this.visible(actor, id));
  }

  async events(actor: User, id: string, page: { limit: number; offset: number }): Promise<Page<TrackingEvent>> {
    await this.visible(actor, id);
    return this.store.trips.events(id, page);
  }

  /** The trip's track as GeoJSON, simplified to `toleranceM`. */
  async track(actor: User, id: string, toleranceM: number): Promise<TrackFeature> {
    const trip = await this.visible(actor, id);
    return trackFeature(await this.positionsOf(trip, trip.status === 'closed'), toleranceM);
  }

  /** Runs the positions the trip took through the engine again and compares the events with those stored. */
  async replay(actor: User, id: string): Promise<ReplayReport> {
    const trip = await this.visible(actor, id);
    const progress = await this.store.trips.progress(id);
    const taken = inTakenOrder(await this.positionsOf(trip, true, progress), await this.store.trips.takenBehind(id));
    const inputs: TrackingInput[] = taken.map((position) => ({ kind: 'position', position }));
    // The latest tick that changed the state: a signal loss still open at the end is found by it, as it was live.
    if (progress?.tickedAt != null) inputs.push({ kind: 'tick', at: progress.tickedAt });
    const run = replay(this.tracker.prepare(trip.plan), inputs);
    const stored = (await this.store.trips.events(id, { limit: ALL, offset: 0 })).items;
    // As the store gives them back: JSON, without undefined fields.
    const replayed = run.events.map((event) => JSON.parse(JSON.stringify(event)) as TrackingEvent);
    let firstDifference: ReplayReport['firstDifference'] = null;
    for (let i = 0; i < Math.max(stored.length, replayed.length); i++) {
      if (!isDeepStrictEqual(stored[i], replayed[i])) {
        firstDifference = { index: i, stored: stored[i] ?? null, replayed: replayed[i] ?? null };
        break;
      }
    }
    return { tripId: id, matches: firstDifference === null, stored: stored.length, replayed: replayed.length, firstDifference, dispositions: run.dispositions };
  }

  /**
   * The positions the trip took, in receive order: its seals', received from its arming on, each seal's up to its
   * cursor when `taken` (all stored so far otherwise).
   */
  private async positionsOf(trip: StoredTrip, taken: boolean, known?: TripProgress): Promise<Position[]> {
    const progress = known ?? (taken ? await this.store.trips.progress(trip.id) : undefined);
    const cursors = Object.values(progress?.cursors ?? {});
    if (taken && cursors.length === 0) return [];
    const until = taken ? Math.max(...cursors.map((cursor) => cursor.receivedTime)) : undefined;
    const positions = await this.store.trips.positionsReceived(trip.sealIds, trip.plan.openedAt, until);
    return (taken ? positions.filter((p) => !notYetTaken(p, progress!.cursors)) : positions).sort(receiveOrder);
  }

  private async viewOf(trip: StoredTrip): Promise<TripView> {
    const progress = await this.store.trips.progress(trip.id);
    if (progress === undefined) return { trip, progress: null, eta: null };
    const state = progress.state;
    const openedAt = trip.plan.openedAt;
    const eta = trip.status === 'open' ? estimatedArrival(this.tracker.tripOf(trip.id) ?? this.tracker.prepare(trip.plan), state) : null;
    return { trip, progress: progressView(openedAt, state), eta };
  }

  /** A trip the actor may see; hauliers see only their own, and others' look like missing ones. */
  private async visible(actor: User, id: string): Promise<StoredTrip> {
    this.auth.require(actor, 'trips:read');
    const trip = await this.store.trips.get(id);
    if (!trip || (seesOnlyOwn(actor.role) && trip.owner !== actor.username)) throw new ServiceError('NOT_FOUND', `no trip ${id}`);
    return trip;
  }

  private async unknownSeals(sealIds: readonly string[]): Promise<Issue[]> {
    const issues: Issue[] = [];
    for (const [index, sealId] of sealIds.entries()) {
      if (!(await this.store.reference.getDevice(sealId))) {
        issues.push({ code: 'SEAL_UNKNOWN', path: `sealIds[${index}]`, message: `no seal device ${sealId} is registered` });
      }
    }
    if (new Set(sealIds).size !== sealIds.length) issues.push({ code: 'SEAL_DUPLICATE', path: 'sealIds', message: 'a seal is listed twice' });
    return issues;
  }

  /** Moves the declaration along when its lifecycle allows; arming or disarming does not wait on it. */
  private async moveDeclaration(actor: User, id: string, from: DeclarationStatus, to: DeclarationStatus, at: string): Promise<void> {
    if (!canTransition(from, to)) return;
    const step = transition(from, to, actor.username, at, to === 'in_transit' ? 'seals armed' : 'seals disarmed');
    if (step.ok && (await this.store.declarations.changeStatus(id, step.change))) {
      await this.audit(actor, 'status', 'declaration', id, { from, to });
    }
  }
}

function progressView(openedAt: number, state: TripState): TripProgressView {
  return {
    fixes: state.fixes,
    lastFix: state.lastMs === null ? null : { at: openedAt + state.lastMs, lat: state.latE6 / 1e6, lon: state.lonE6 / 1e6, speedKmh: state.speedKmh },
    alongM: state.alongM,
    distanceFromRouteM: state.distanceM,
    arrivedAt: state.arrival.arrivedMs === null ? null : openedAt + state.arrival.arrivedMs,
    openAlarms: openAlarms(state),
  };
}
