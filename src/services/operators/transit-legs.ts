/**
 * This operator's own tracking of the transits handed over to it: on the handover it opens a trip of its own on the
 * corridor the transit notice carried (its tracker then raises this country's alerts, finds the next border and
 * estimates the truck's arrival there); the seal's positions forwarded by the operator before it are stored and
 * tracked as if its own gateway had received them; and once the transit is closed, the trips kept for it here close.
 */
import type { MessageBody } from '../../core/exchange/schemas.js';
import type { Position } from '../../core/model/index.js';
import { createTripState, validateTripPlan } from '../../core/tracking/index.js';
import type { Clock } from '../../ports/clock.js';
import type { OperatorTransit } from '../../ports/exchange-store.js';
import type { Store } from '../../ports/store.js';
import type { StoredTrip } from '../../ports/tracking-store.js';
import { newRecordId } from '../ids.js';
import { ServiceError } from '../service-error.js';
import type { Tracker } from '../tracking/tracker.js';
import { legPlan } from '../tracking/trip-planning.js';

/** Who a trip opened on a handover belongs to: no haulier of this installation. */
const HANDED_OVER_OWNER = 'system';

export class TransitLegs {
  constructor(
    private readonly store: Store,
    private readonly tracker: Pick<Tracker, 'prepare' | 'open' | 'take' | 'close'>,
    private readonly clock: Clock,
    private readonly newId: () => string = newRecordId,
  ) {}

  /** Opens this operator's trip for a transit handed over to it by `from`; nothing when one is open already. */
  async track(transit: OperatorTransit, country: string, from: string): Promise<void> {
    if ((await this.openTrips(transit.transitId)).length > 0) return;
    const notice = transit.notice as MessageBody<'transit-notice'> | null;
    if (notice === null) throw new ServiceError('VALIDATION', `transit ${transit.transitId} was handed over without a transit notice before it`);
    const summary = notice.declaration;
    const [departure, destination, crossings] = await Promise.all([
      this.store.reference.getOffice(summary.DepartureOffice.ID),
      this.store.reference.getOffice(summary.DestinationOffice.ID),
      this.store.reference.listCrossings(),
    ]);
    const id = this.newId();
    const now = this.clock.now();
    const leg = {
      transitId: transit.transitId,
      sealIds: summary.TransportEquipment.Seal.map((seal) => seal.ID),
      route: notice.corridor.route,
      corridorWidthM: notice.corridor.widthM,
      departureOffice: summary.DepartureOffice.ID,
      destinationOffice: summary.DestinationOffice.ID,
      country,
      next: transit.route[transit.route.indexOf(country) + 1],
    };
    const planned = legPlan(id, leg, { departure, destination, crossings }, now.getTime());
    const issues = planned.plan === null ? planned.issues : validateTripPlan(planned.plan);
    if (planned.plan === null || issues.length > 0) throw new ServiceError('VALIDATION', `transit ${transit.transitId} cannot be tracked here`, issues);
    const plan = planned.plan;
    const stored: StoredTrip = { id, declarationId: transit.transitId, owner: HANDED_OVER_OWNER, sealIds: plan.sealIds, plan, status: 'open', openedAt: now.toISOString(), openedBy: `operator:${from}` };
    const trip = this.tracker.prepare(plan);
    const result = await this.tracker.open(stored, trip, createTripState(trip));
    if (!result.opened) throw new ServiceError('CONFLICT', `seal ${result.sealId} of transit ${transit.transitId} is on another open trip here`);
  }

  /** Positions forwarded by the operator before this one: stored (a repeat is dropped there) and tracked. */
  async take(positions: readonly Position[]): Promise<void> {
    await this.store.positions.insertMany(positions);
    await this.tracker.take(positions);
  }

  /** Closes the trips open here for a transit now closed. */
  async close(transitId: string, by: string): Promise<void> {
    const at = this.clock.now().toISOString();
    for (const trip of await this.openTrips(transitId)) await this.tracker.close(trip.id, at, by);
  }

  private async openTrips(transitId: string): Promise<StoredTrip[]> {
    return (await this.store.trips.list({ declarationId: transitId, status: 'open', limit: 100, offset: 0 })).items;
  }
}
