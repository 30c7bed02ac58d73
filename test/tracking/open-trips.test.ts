/** The tracker as risk and the queue see it: trips under way with their last fix, and trucks approaching a crossing. */
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/adapters/store/open-store.js';
import { CONSOLE_USER } from '../../src/apps/platform.js';
import { findBorderCrossing } from '../../src/core/reference/index.js';
import { DEVICE, T0 } from '../../src/core/tracking/test-support.js';
import { TrackerOpenTrips } from '../../src/services/tracking/open-trips.js';
import { armRequest, ROUTE, seedRoute, trackingWorld } from './tracking-world.js';

describe('the tracker\'s open trips', () => {
  it('lists a trip once located, and counts it as approaching its declared crossing only', async () => {
    const store = openStore(':memory:');
    await store.migrate();
    const world = trackingWorld(store);
    await world.platform.tracker.start();
    const declarationId = await seedRoute(world.platform);
    const { trip } = await world.platform.trips.arm(CONSOLE_USER, armRequest(declarationId));
    const view = new TrackerOpenTrips(world.platform.tracker, store);
    const crossing = findBorderCrossing(ROUTE.crossing)!.code;

    expect(await view.list()).toEqual([]);
    const approaching = view.toCrossing(crossing);
    expect(approaching.map((truck) => [truck.tripId, truck.declarationId])).toEqual([[trip.id, declarationId]]);
    expect(approaching[0]!.etaAt).toBeGreaterThan(T0);
    expect(view.toCrossing('NO-SUCH-CROSSING')).toEqual([]);

    const start = world.platform.tracker.tripOf(trip.id)!.route.pointAt(1_000);
    world.clock.set(T0 + 60_000);
    await world.ingest.submit([{ deviceId: DEVICE, deviceTime: T0 + 60_000, receivedTime: T0 + 60_000, lat: start.lat, lon: start.lon, speed: 60, course: 0, valid: true, attributes: {} }]);
    await world.platform.tracker.idle();
    const [listed] = await view.list();
    expect(listed).toMatchObject({ tripId: trip.id, declarationId, lastPosition: { lat: expect.closeTo(start.lat, 5), lon: expect.closeTo(start.lon, 5) } });
    expect(await view.alertsOf(declarationId)).toEqual({ alerts: {} });
    expect(await view.alertsOf('no-trip')).toBeUndefined();
    await world.platform.close();
  });
});
