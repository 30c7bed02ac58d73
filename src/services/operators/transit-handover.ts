/**
 * Handing a transit from one national operator to the next along its route, as many times as it has borders.
 *
 * The operator tracking it (where the declaration is, or the one it was handed over to, on its own trip; see
 * transit-legs.ts): when the truck's ETA at the crossing out of its country falls under the lead time, the next
 * country's operator gets a transit notice, once; when the seal crosses into that country, tracking passes to it (a
 * handover, told to every operator of the route, so each knows who tracks it now); alerts of consequence it raises go
 * to the operators of the rest of the route. Having handed it over, an operator forwards the seal's positions it still
 * stores (from the device, or forwarded to it) to the next one, so the data follows the truck along the chain. The
 * last one reports arrival and closure to all the others.
 */
import type { SignedMessage } from '../../core/exchange/message.js';
import type { MessageBody } from '../../core/exchange/schemas.js';
import { forwardedPosition, receivedPosition } from '../../core/exchange/forwarded-positions.js';
import { declarationSummary, transitNotice } from '../../core/exchange/transit-notice.js';
import type { User } from '../../core/model/index.js';
import type { TrackingEvent } from '../../core/tracking/index.js';
import type { Clock } from '../../ports/clock.js';
import type { InboxEntry, OperatorTransit, OutboxEntry } from '../../ports/exchange-store.js';
import type { Store } from '../../ports/store.js';
import type { Alert } from '../../ports/tracking-store.js';
import type { Audit } from '../audit.js';
import type { AuthService } from '../auth-service.js';
import { ServiceError } from '../service-error.js';
import type { HandledMark, TripEta } from '../../ports/tracking-news.js';
import { afterCursor, movedOn, receivedFrom, receiveOrder } from '../tracking/receive-order.js';
import type { ExchangeService } from './exchange-service.js';
import type { TransitLegs } from './transit-legs.js';

export interface HandoverOptions {
  /** How long before the truck's ETA at its crossing the next operator is told; two hours unless told. */
  noticeLeadMs?: number;
}

export interface TransitExchangeView {
  transit: OperatorTransit;
  sent: OutboxEntry[];
  received: InboxEntry[];
}

const DEFAULT_LEAD_MS = 2 * 60 * 60 * 1000;
/** Well under the schema's bound on a `positions` message, and under the peer's request size limit. */
const POSITIONS_PER_MESSAGE = 500;

export class TransitHandover {
  private readonly leadMs: number;
  /** One piece of tracker-driven work at a time, so two ETAs in a row cannot both send the notice. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly auth: AuthService,
    private readonly exchange: ExchangeService,
    private readonly clock: Clock,
    private readonly audit: Audit,
    private readonly legs: TransitLegs,
    options: HandoverOptions = {},
  ) {
    this.leadMs = options.noticeLeadMs ?? DEFAULT_LEAD_MS;
  }

  private get self(): string {
    return this.exchange.operator.country;
  }

  /** The truck's ETA at the crossing out of this country moved: tells the next operator once it is within the lead time. */
  etaChanged(eta: TripEta): Promise<void> {
    return this.serially(() => this.notifyNext(eta));
  }

  /** The seal crossed a border: tracking passes to that country's operator when it is the next on the route. */
  crossed(declarationId: string, event: TrackingEvent): Promise<void> {
    return this.serially(() => this.handOver(declarationId, event));
  }

  /**
   * An alarm on a transit reaches the operators of the countries it has still to pass, sent with `handled` (the mark
   * of the tracker's news) in one transaction. The other news need no mark with their messages: what they send is
   * sent once by the transit's record (a notice once to each operator, a handover once as tracking moves on, the
   * positions after the record's cursor), so doing them again sends nothing more.
   */
  alertRaised(declarationId: string, alert: Alert, handled?: HandledMark): Promise<void> {
    return this.serially(() => this.forwardAlert(declarationId, alert, handled));
  }

  /** The tracker took positions of a trip: those of a transit this operator handed over go on to the next operator. */
  positionsTaken(declarationId: string, tripId: string): Promise<void> {
    return this.serially(() => this.forwardPositions(declarationId, tripId));
  }

  private serially(work: () => Promise<void>): Promise<void> {
    const next = this.#queue.then(work);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  private async notifyNext(eta: TripEta): Promise<void> {
    if (eta.crossingAt === null || eta.crossingAt - this.clock.now().getTime() > this.leadMs) return;
    await this.notify(eta.declarationId, eta.tripId, eta.crossingAt);
  }

  /** Sends the next operator on the route the transit notice, unless it was sent already or another operator tracks it. */
  private async notify(transitId: string, tripId: string, crossingEtaMs: number | null): Promise<void> {
    const transit = await this.store.exchange.getTransit(transitId);
    if (transit !== undefined && transit.trackedBy !== this.self) return;
    const route = transit?.route ?? (await this.routeOf(transitId));
    const next = this.nextAfterSelf(route);
    if (next === undefined || (await this.noticeSent(transitId, next))) return;
    const trip = await this.store.trips.get(tripId);
    if (trip === undefined) return;
    // Where the transit started the summary comes from the declaration; further along, from the notice received.
    const received = transit?.notice as MessageBody<'transit-notice'> | null | undefined;
    const declaration = received ? undefined : await this.store.declarations.get(transitId);
    const summary = received?.declaration ?? (declaration === undefined ? undefined : declarationSummary(declaration, route));
    if (summary === undefined) return;
    const positions = await this.store.trips.positionsReceived(trip.sealIds, trip.plan.openedAt);
    const notice = transitNotice(transitId, summary, trip.plan, positions, crossingEtaMs);
    // Where the transit starts its record begins with the notice; further along it exists, and the notice changes nothing.
    const started = transit === undefined ? this.stamped({ transitId, reference: summary.FunctionalReferenceID, route, trackedBy: this.self, status: 'tracking', notice, forwarded: null }) : undefined;
    await this.exchange.send([next], 'transit-notice', transitId, notice, { transit: started });
  }

  private async handOver(declarationId: string, event: TrackingEvent): Promise<void> {
    const to = event.details.to;
    if (typeof to !== 'string') return;
    // A border crossed before any ETA brought the notice: the notice goes first, so the next operator can plan its trip.
    await this.notify(declarationId, event.tripId, null);
    const transit = await this.store.exchange.getTransit(declarationId);
    if (transit === undefined || transit.trackedBy !== this.self || to !== this.nextAfterSelf(transit.route)) return;
    const at = new Date(event.at).toISOString();
    const crossing = typeof event.details.nearestCrossingId === 'string' ? event.details.nearestCrossingId : 'unknown';
    const body: MessageBody<'handover'> = { transitId: declarationId, crossing, from: this.self, to, at };
    // The seal's positions stored from now on go to the next operator (see forwardPositions).
    const from = { since: receivedFrom(this.clock.now().getTime()), seals: {} };
    await this.exchange.send(this.others(transit.route), 'handover', declarationId, body, { transit: this.stamped({ ...transit, trackedBy: to, status: 'handed_over', forwarded: from }) });
  }

  private async forwardAlert(declarationId: string, alert: Alert, handled: HandledMark | undefined): Promise<void> {
    if (alert.severity !== 'alarm') return;
    const transit = await this.store.exchange.getTransit(declarationId);
    // Only the operator tracking the transit speaks for it: one that handed it over may still follow the seal.
    if (transit === undefined || transit.trackedBy !== this.self) return;
    const ahead = transit.route.slice(transit.route.indexOf(this.self) + 1);
    const position = alert.position === null ? null : { deviceId: alert.position.deviceId, at: new Date(alert.position.deviceTime).toISOString(), lat: alert.position.lat, lon: alert.position.lon };
    const body: MessageBody<'alert'> = { transitId: declarationId, alertType: alert.type, severity: alert.severity, at: new Date(alert.firstSeen).toISOString(), raisedBy: this.self, position };
    if (ahead.length > 0) await this.exchange.send(ahead, 'alert', declarationId, body, { handled });
  }

  /**
   * Sends the next operator the seal's positions stored since the last forwarded, read from the store rather than
   * taken from the tracker's news, and moves the transit's cursor in the same transaction as each message: what a
   * crash interrupted goes at the next batch, and nothing goes twice.
   */
  private async forwardPositions(declarationId: string, tripId: string): Promise<void> {
    let transit = await this.store.exchange.getTransit(declarationId);
    const next = transit === undefined ? undefined : this.nextAfterSelf(transit.route);
    const trip = await this.store.trips.get(tripId);
    if (transit?.status !== 'handed_over' || next === undefined || trip === undefined) return;
    const { since, seals } = transit.forwarded ?? { since: receivedFrom(trip.plan.openedAt), seals: {} };
    const cursorOfSeal = (deviceId: string) => seals[deviceId] ?? since;
    // Each seal's read from its own cursor, so a quiet seal does not widen the read of the others.
    const from = new Map(trip.sealIds.map((seal) => [seal, cursorOfSeal(seal).receivedTime]));
    const positions = (await this.store.trips.positionsReceivedSince(from)).filter((p) => afterCursor(p, cursorOfSeal(p.deviceId))).sort(receiveOrder);
    // A tracker catching up after a restart takes thousands at once; a message carries at most POSITIONS_PER_MESSAGE.
    let forwarded = { since, seals };
    for (let start = 0; start < positions.length; start += POSITIONS_PER_MESSAGE) {
      const chunk = positions.slice(start, start + POSITIONS_PER_MESSAGE);
      forwarded = { since, seals: movedOn(forwarded.seals, chunk) };
      transit = this.stamped({ ...transit, forwarded });
      await this.exchange.send([next], 'positions', declarationId, { transitId: declarationId, positions: chunk.map(forwardedPosition) }, { transit });
    }
  }

  /** The operator tracking a transit reports its arrival or closure to the other operators of its route. */
  async report(actor: User, transitId: string, kind: 'arrival' | 'closure'): Promise<OperatorTransit> {
    this.auth.require(actor, 'trips:write');
    const transit = await this.store.exchange.getTransit(transitId);
    if (transit === undefined) throw new ServiceError('NOT_FOUND', `no transit ${transitId}`);
    if (transit.trackedBy !== this.self) throw new ServiceError('INVALID_TRANSITION', `transit ${transitId} is tracked by ${transit.trackedBy}'s operator, not ${this.self}'s`);
    const status = kind === 'arrival' ? 'arrived' : 'closed';
    if (transit.status === status || transit.status === 'closed') throw new ServiceError('INVALID_TRANSITION', `transit ${transitId} is ${transit.status} already`);
    const at = this.clock.now().toISOString();
    const reported = this.stamped({ ...transit, status });
    await this.exchange.send(this.others(transit.route), kind, transitId, { transitId, at }, { transit: reported });
    if (kind === 'closure') await this.legs.close(transitId, actor.username);
    await this.audit(actor, kind, 'transit', transitId);
    return reported;
  }

  /** A message from another operator, applied to the transit's record; idempotent, as the exchange requires. */
  async apply(message: SignedMessage): Promise<void> {
    if (message.type === 'positions') {
      const body = message.body as MessageBody<'positions'>;
      const now = this.clock.now().getTime();
      await this.legs.take(body.positions.map((position) => receivedPosition(position, now)));
      return;
    }
    const transitId = String(message.body.transitId);
    const known = await this.store.exchange.getTransit(transitId);
    const transit: Omit<OperatorTransit, 'updatedAt'> = known ?? { transitId, reference: transitId, route: [message.sender, this.self], trackedBy: message.sender, status: 'notified', notice: null, forwarded: null };
    switch (message.type) {
      case 'transit-notice': {
        const body = message.body as MessageBody<'transit-notice'>;
        const route = body.declaration.Itinerary.map((step) => step.RoutingCountryCode);
        await this.save({ ...transit, reference: body.declaration.FunctionalReferenceID, route, notice: body });
        return;
      }
      case 'handover': {
        const body = message.body as MessageBody<'handover'>;
        const saved = await this.save({ ...transit, trackedBy: body.to, status: body.to === this.self ? 'tracking' : transit.status });
        if (body.to === this.self) await this.legs.track(saved, this.self, message.sender);
        return;
      }
      case 'arrival':
        if (transit.status !== 'closed') await this.save({ ...transit, status: 'arrived' });
        return;
      case 'closure':
        await this.save({ ...transit, status: 'closed' });
        await this.legs.close(transitId, `operator:${message.sender}`);
        return;
      case 'alert':
        // The alert is in the inbox, which is the transit's exchange history; the record itself does not change.
        if (known === undefined) await this.save(transit);
    }
  }

  /** Who tracks a transit now and what was exchanged about it, for the console. */
  async view(actor: User, transitId: string): Promise<TransitExchangeView> {
    this.auth.require(actor, 'trips:read');
    const transit = await this.store.exchange.getTransit(transitId);
    if (transit === undefined) throw new ServiceError('NOT_FOUND', `no transit ${transitId}`);
    return { transit, ...(await this.store.exchange.history(transitId)) };
  }

  /** The country after this one on a route; undefined at its end or off it. */
  private nextAfterSelf(route: readonly string[]): string | undefined {
    const index = route.indexOf(this.self);
    return index < 0 ? undefined : route[index + 1];
  }

  private others(route: readonly string[]): string[] {
    return route.filter((country) => country !== this.self);
  }

  private async noticeSent(transitId: string, to: string): Promise<boolean> {
    return (await this.store.exchange.history(transitId)).sent.some((entry) => entry.message.type === 'transit-notice' && entry.message.recipient === to);
  }

  private async routeOf(declarationId: string): Promise<string[]> {
    return (await this.store.obligations.get(declarationId))?.decision.routeCountries ?? [];
  }

  private stamped(transit: Omit<OperatorTransit, 'updatedAt'>): OperatorTransit {
    return { ...transit, updatedAt: this.clock.now().toISOString() };
  }

  private async save(transit: Omit<OperatorTransit, 'updatedAt'>): Promise<OperatorTransit> {
    const saved = this.stamped(transit);
    await this.store.exchange.saveTransit(saved);
    return saved;
  }
}
