import { describe, expect, it } from 'vitest';
import { prepareTrip } from '../../core/tracking/index.js';
import { demoPlan } from '../../core/tracking/test-support.js';
import { RouteCache } from './route-cache.js';

describe('RouteCache', () => {
  it('shares one preparation among the trips on a route, for as long as one of them is followed', () => {
    const cache = new RouteCache();
    const plan = (id: string, routeId = 'bishkek-almaty') => ({ ...demoPlan(routeId, { id }), expectedDurationMs: 3_600_000 });
    const a = prepareTrip(plan('a'), { prepared: cache.get(plan('a')) });
    const b = prepareTrip(plan('b'), { prepared: cache.get(plan('b')) });
    const other = prepareTrip(plan('c', 'bishkek-shymkent'), { prepared: cache.get(plan('c', 'bishkek-shymkent')) });
    expect(b.route).toBe(a.route);
    expect(other.route).not.toBe(a.route);
    expect(cache.size).toBe(2);

    cache.retain(plan('a'), a);
    cache.retain(plan('b'), b);
    cache.sweep();
    // Nothing followed on the second route: swept.
    expect(cache.size).toBe(1);
    cache.release(plan('a'), a);
    expect(cache.get(plan('d')).route).toBe(a.route);
    cache.release(plan('b'), b);
    expect(cache.size).toBe(0);
    expect(cache.get(plan('e')).route).not.toBe(a.route);
  });

  it('does not count a trip prepared apart from the route it holds', () => {
    const cache = new RouteCache();
    const plan = { ...demoPlan('bishkek-almaty', { id: 'x' }), expectedDurationMs: 3_600_000 };
    const cached = prepareTrip(plan, { prepared: cache.get(plan) });
    const apart = prepareTrip(plan);
    cache.retain(plan, cached);
    cache.retain(plan, apart);
    cache.release(plan, apart);
    expect(cache.get(plan).route).toBe(cached.route);
    cache.release(plan, cached);
    expect(cache.size).toBe(0);
  });
});
