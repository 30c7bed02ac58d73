/** The tracking engine with the real Natural Earth borders: border events where the routes cross, and no alarm. */
import { describe, expect, it } from 'vitest';
import { DEMO_ROUTES } from '../../core/demo/index.js';
import { replay } from '../../core/tracking/index.js';
import { demoTrip, transit } from '../../core/tracking/test-support.js';
import { loadCountryIndex } from './natural-earth.js';

const countries = loadCountryIndex('10m');

describe('border crossings from Natural Earth', () => {
  it.each([
    ['bishkek-almaty', 'KG', 'KZ', 'crossing:KORDAY-AKZHOL'],
    ['almaty-chelyabinsk', 'KZ', 'RU', 'crossing:TROITSK-KAIRAK'],
    ['oral-saratov', 'KZ', 'RU', 'crossing:OZINKI-TASKALA'],
    ['astrakhan-atyrau', 'RU', 'KZ', 'crossing:KARAUZEK-KURMANGAZY'],
  ])('%s crosses %s → %s within 5 km of %s', (routeId, from, to, crossingId) => {
    const trip = demoTrip(routeId, {}, countries);
    const crossed = replay(trip, transit(trip, 'borders').inputs()).events.filter((e) => e.type === 'border-crossed');
    expect(crossed.map((e) => [e.details['from'], e.details['to'], e.details['nearestCrossingId']])).toEqual([[from, to, crossingId]]);
    expect(crossed[0]!.details['fromNearestCrossingM']).toBeLessThan(5_000);
  });

  it('raises no alarm on a clean transit of any demo route', () => {
    for (const route of DEMO_ROUTES) {
      const trip = demoTrip(route.id, {}, countries);
      const run = replay(trip, transit(trip, 'clean').inputs());
      expect(run.events.filter((e) => e.severity !== 'info').map((e) => e.type), route.id).toEqual([]);
      expect(run.events.filter((e) => e.type === 'arrived'), route.id).toHaveLength(1);
    }
  });
});
