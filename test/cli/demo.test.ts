/** The demo a newcomer sees first: real crossings, and declarations both complete and with realistic gaps. */
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/adapters/store/open-store.js';
import { DEMO_DECLARATIONS, seedDemo } from '../../src/apps/cli/demo.js';
import { wirePlatform } from '../../src/apps/platform.js';

describe('serve --demo seeding', () => {
  it('stores the border crossings and a mix of accepted and incomplete declarations, once', async () => {
    const store = openStore(':memory:');
    await store.migrate();
    const platform = wirePlatform(store);
    const first = await seedDemo(platform, '2025-11-20');
    expect(first.rows).toBe(DEMO_DECLARATIONS);
    expect(first.rejected).toBe(0);
    // About a quarter carry a gap on purpose; each must be caught by the checks.
    expect(first.incomplete / first.rows).toBeGreaterThan(0.15);
    expect(first.incomplete / first.rows).toBeLessThan(0.35);
    expect(first.accepted + first.incomplete).toBe(DEMO_DECLARATIONS);

    const crossings = await store.reference.listCrossings();
    expect(crossings.map((crossing) => crossing.name).join(' ')).toMatch(/Korday/);
    expect((await store.reference.listCarriers()).length).toBeGreaterThan(0);

    const again = await seedDemo(platform, '2025-11-20');
    expect(again.duplicates).toBe(DEMO_DECLARATIONS);
    expect((await store.declarations.list({ limit: 1, offset: 0 })).total).toBe(DEMO_DECLARATIONS);
    await platform.close();
  });
});
