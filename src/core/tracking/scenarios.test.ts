/**
 * Whole trips through the engine on real demo routes: a clean transit raises no alarm, and each misbehaviour
 * raises exactly its alarm, once.
 */
import { describe, expect, it } from 'vitest';
import { emptyMatch, offsetM } from '../geo/index.js';
import { EVENT_SEVERITY, type TrackingEvent } from './events.js';
import { replay } from './replay.js';
import { openAlarms } from './state.js';
import { demoTrip, HOUR, MINUTE, roadside, stubCountries, transit, withTicks, type Incident } from './test-support.js';

const countries = stubCountries();
const short = demoTrip('bishkek-almaty', {}, countries);
const long = demoTrip('almaty-chelyabinsk', {}, countries);

const alarmsOf = (events: readonly TrackingEvent[]): string[] => events.filter((e) => EVENT_SEVERITY[e.type] !== 'info').map((e) => e.type);
const infoOf = (events: readonly TrackingEvent[]): string[] => events.filter((e) => EVENT_SEVERITY[e.type] === 'info').map((e) => e.type);

/** `all` with one occurrence of each item of `some` taken out. */
function without(all: string[], some: string[]): string[] {
  const left = [...all];
  for (const item of some) {
    const i = left.indexOf(item);
    if (i >= 0) left.splice(i, 1);
  }
  return left;
}

describe('a clean transit', () => {
  it.each([
    ['Bishkek – Almaty through Korday', short, ['geofence-left', 'border-crossed', 'geofence-entered', 'geofence-left', 'geofence-entered', 'arrived', 'seal-opened-authorised']],
    ['Almaty – Chelyabinsk through Troitsk', long, ['geofence-left', 'border-crossed', 'geofence-entered', 'geofence-left', 'geofence-entered', 'arrived', 'seal-opened-authorised']],
  ])('%s raises no alarm, only the places, the border and the arrival', (_, trip, expected) => {
    const driver = transit(trip, 'clean');
    const run = replay(trip, withTicks(driver.inputs(), trip.plan.openedAt, driver.time, MINUTE));
    expect(alarmsOf(run.events)).toEqual([]);
    // The border and the crossing's geofence may come in either order: the posts stand back from the line.
    expect(run.events.map((e) => e.type).sort()).toEqual([...expected].sort());
    expect(run.events[0]!.type).toBe('geofence-left');
    expect(run.events.slice(-2).map((e) => e.type)).toEqual(['arrived', 'seal-opened-authorised']);
    const crossed = run.events.find((e) => e.type === 'border-crossed')!;
    expect(crossed.details).toMatchObject({ nearestCrossingId: trip.plan.crossing!.id });
    expect(run.dispositions.located).toBe(driver.positions.length);
    expect(openAlarms(run.state)).toEqual([]);
  });

  it('raises no corridor alarm for a truck driving along the corridor edge with GPS jitter', () => {
    const incidents: Incident[] = [
      {
        atM: 40_000,
        act: (d) => {
          // 497 m off the line with 8 m of noise per axis: across the 500 m edge again and again for 60 km.
          d.lateralM = 497;
          d.noiseM = 8;
          d.driveKm(60);
          d.lateralM = 0;
          d.noiseM = 3;
        },
      },
    ];
    const driver = transit(short, 'jitter', incidents);
    const beyond = driver.positions.filter((p) => short.route.nearest(p.lon, p.lat, emptyMatch()).distanceM > 500);
    expect(beyond.length).toBeGreaterThan(10);
    expect(alarmsOf(replay(short, driver.inputs()).events)).toEqual([]);
  });
});

describe('each misbehaviour raises exactly its alarm, once', () => {
  const cases: Array<[string, Incident[], string[], string[]]> = [
    [
      'doors opened at a roadside stop',
      [{ atM: 400_000, act: (d) => { roadside(5 * MINUTE)(d); d.setSeal({ locked: false }); roadside(10 * MINUTE)(d); d.setSeal({ locked: true }); roadside(10 * MINUTE)(d); } }],
      ['seal-opened'],
      ['seal-closed'],
    ],
    ['a detour 8 km off the corridor with 90 minutes there, then back', [{ atM: 500_000, act: (d) => d.detour(8_000, 90 * MINUTE) }], ['corridor-left'], ['corridor-returned']],
    ['a four-hour stop by the road', [{ atM: 450_000, act: roadside(4 * HOUR) }], ['long-stop'], ['long-stop-ended']],
    ['an hour with no data at all', [{ atM: 500_000, act: (d) => d.silently(75) }], ['signal-lost'], ['signal-restored']],
    [
      'two hours out of coverage, fixes sent late in one batch',
      [{ atM: 420_000, act: (d) => { d.heldUntil = d.time + 2 * HOUR; d.driveKm(150); d.heldUntil = null; } }],
      ['signal-lost'],
      ['signal-restored'],
    ],
    ['tamper while driving', [{ atM: 300_000 - 50_000, act: (d) => { d.setSeal({ tamper: true }).driveKm(4); d.setSeal({ tamper: false }); } }], ['seal-tamper'], []],
    ['the cable cut at a stop', [{ atM: 800_000, act: (d) => { roadside(10 * MINUTE)(d); d.setSeal({ cableCut: true }); roadside(10 * MINUTE)(d); } }], ['seal-cable-cut'], []],
    [
      'one spoofed fix 300 km away',
      [{ atM: 700_000, act: (d) => { d.time += 30_000; d.report(75, offsetM(d.here(), 300_000, 0)); } }],
      ['implausible-jump'],
      [],
    ],
  ];

  it.each(cases)('%s', (_, incidents, alarms, infos) => {
    const driver = transit(long, 'misbehaving', incidents);
    const events = replay(long, withTicks(driver.inputs(), long.plan.openedAt, driver.time, MINUTE)).events;
    const clean = replay(long, transit(long, 'misbehaving').inputs()).events;
    expect(alarmsOf(events)).toEqual(alarms);
    // Besides the clean run's own events, only the alarm's resolution.
    expect(without(infoOf(events), infoOf(clean))).toEqual(infos);
  });

  it('a battery that runs down raises one low-battery warning', () => {
    // 90% at arming, 2.5 points an hour: below 15% after 30 hours, well before Chelyabinsk, with a point of wobble.
    const driver = transit(long, 'battery', [], (d) => {
      d.drainPerHour = 2.5;
    });
    const events = replay(long, driver.inputs()).events;
    expect(alarmsOf(events)).toEqual(['battery-low']);
    expect(events.find((e) => e.type === 'battery-low')!.details['percent']).toBe(14);
  });
});
