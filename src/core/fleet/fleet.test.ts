import { describe, expect, it } from 'vitest';
import { createRng } from '../random/index.js';
import { findBorderCrossing, findCustomsOffice } from '../reference/index.js';
import { DEMO_ROUTES } from '../demo/index.js';
import { createFleet, type FleetOptions } from './fleet.js';
import { distanceKm, distanceToPolylineKm } from './geometry.js';
import { MISBEHAVIOUR_KINDS } from './misbehaviour.js';
import type { FleetReport } from './report.js';
import { RoutePath } from './route-path.js';
import { LOW_BATTERY_PERCENT } from './seal-timeline.js';

const START = Date.UTC(2026, 4, 1, 6, 0, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Every report of a fleet until `until`, by device, advancing the clock in steps of `stepMs`. */
function drive(options: FleetOptions, seed: number | string, until: number, stepMs: number): Map<string, FleetReport[]> {
  const fleet = createFleet(createRng(seed), options);
  const all = new Map<string, FleetReport[]>();
  for (let t = options.start; ; t = Math.min(until, t + stepMs)) {
    for (const [id, reports] of fleet.advance(t)) all.set(id, [...(all.get(id) ?? []), ...reports]);
    if (t >= until) break;
  }
  return all;
}

const lineOf = (routeId: string): RoutePath => new RoutePath(DEMO_ROUTES.find((r) => r.id === routeId)!);

describe('createFleet', () => {
  const options: FleetOptions = { count: 24, start: START, misbehaviour: { deviation: 0.5, 'signal-loss': 0.5, 'door-open': 0.3 } };
  const fleet = createFleet(createRng(11), options);
  const truth = fleet.groundTruth();
  const reports = drive(options, 11, START + 16 * DAY, 6 * HOUR);

  it('is the same for the same seed, however the clock is advanced', () => {
    expect(createFleet(createRng(11), options).groundTruth()).toEqual(truth);
    expect(drive(options, 11, START + 16 * DAY, 37 * 60_000)).toEqual(reports);
    expect(createFleet(createRng(12), options).groundTruth()).not.toEqual(truth);
  });

  it('keeps the first trucks when the fleet grows', () => {
    const larger = createFleet(createRng(11), { ...options, count: 30 }).groundTruth();
    expect(larger.slice(0, 24)).toEqual(truth);
  });

  it('reports at truck speeds: at most 90 km/h, mostly 60–90 on the road, and moves no faster than it says', () => {
    let moving = 0;
    let road = 0;
    for (const list of reports.values()) {
      for (let i = 0; i < list.length; i++) {
        const r = list[i]!;
        expect(r.speed).toBeGreaterThanOrEqual(0);
        expect(r.speed).toBeLessThanOrEqual(90);
        expect(r.course).toBeGreaterThanOrEqual(0);
        expect(r.course).toBeLessThan(360);
        if (r.speed > 0) moving++;
        if (r.speed >= 60) road++;
        const prev = list[i - 1];
        if (prev !== undefined) {
          expect(r.time).toBeGreaterThan(prev.time);
          const hours = (r.time - prev.time) / HOUR;
          // A few metres of GPS noise on each fix allow a little more over short intervals.
          expect(distanceKm(prev, r)).toBeLessThanOrEqual(90 * hours + 0.03);
        }
      }
    }
    expect(road / moving).toBeGreaterThan(0.6);
  });

  it('takes its course from the direction of travel', () => {
    for (const list of [...reports.values()].slice(0, 6)) {
      for (let i = 1; i < list.length; i++) {
        const [a, b] = [list[i - 1]!, list[i]!];
        if (a.speed < 60 || b.speed < 60 || distanceKm(a, b) < 0.5) continue;
        const dLon = (b.lon - a.lon) * Math.cos((a.lat * Math.PI) / 180);
        const heading = ((Math.atan2(dLon, b.lat - a.lat) * 180) / Math.PI + 360) % 360;
        const diff = Math.abs(((b.course - heading + 540) % 360) - 180);
        expect(diff).toBeLessThan(10);
      }
    }
  });

  it('brings every truck to its office of destination, where the seal is opened and the reports end', () => {
    const probe = createFleet(createRng(11), options);
    expect(probe.advance(START + 16 * DAY).size).toBe(24);
    expect(probe.finished()).toBe(true);
    expect(probe.advance(START + 17 * DAY).size).toBe(0);
    for (const t of truth) {
      const list = reports.get(t.deviceId)!;
      const last = list[list.length - 1]!;
      expect(last.time).toBe(t.endsAt);
      expect(t.arrivedAt).toBeLessThan(t.unsealedAt);
      const office = findCustomsOffice(t.destinationOffice)!;
      expect(distanceKm(last, office.location)).toBeLessThan(1);
      expect(last.seal.locked).toBe(false);
      expect(list.find((r) => r.event === 'unsealed')?.time).toBe(t.unsealedAt);
      expect(distanceKm(list[0]!, findCustomsOffice(t.departureOffice)!.location)).toBeLessThan(1);
      expect(list[0]!.event).toBe('armed');
    }
  });

  it('stays on the planned route except when deviating, and really deviates', () => {
    let deviations = 0;
    for (const t of truth) {
      const line = lineOf(t.routeId).line();
      const deviation = t.misbehaviours.find((m) => m.kind === 'deviation');
      for (const r of reports.get(t.deviceId)!) {
        const off = distanceToPolylineKm(r, line);
        if (deviation && r.time > deviation.from && r.time < deviation.to) continue;
        expect(off, `${t.truckId} at ${new Date(r.time).toISOString()}`).toBeLessThan(0.2);
      }
      if (deviation?.kind !== 'deviation') continue;
      deviations++;
      const during = reports.get(t.deviceId)!.filter((r) => r.time > deviation.from && r.time < deviation.to);
      const farthest = Math.max(...during.map((r) => distanceToPolylineKm(r, line)));
      expect(farthest).toBeGreaterThan(4);
      expect(farthest).toBeCloseTo(deviation.farthestKm, 1);
      expect(distanceToPolylineKm(deviation.rejoinedAt, line)).toBeLessThan(0.01);
    }
    expect(deviations).toBeGreaterThan(5);
  });

  it('queues at every crossing on the way, crawling inside or near its geofence', () => {
    for (const t of truth) {
      expect(t.crossings.map((c) => c.code)).toContain(t.crossing);
      for (const c of t.crossings) {
        const location = findBorderCrossing(c.code)!.location;
        expect(c.controlFrom - c.queueFrom).toBeGreaterThanOrEqual(15 * 60_000);
        const queued = reports.get(t.deviceId)!.filter((r) => r.time >= c.queueFrom && r.time < c.leftAt);
        expect(queued.length).toBeGreaterThan(2);
        for (const r of queued) {
          expect(distanceKm(r, location)).toBeLessThan(2.6);
          expect(r.speed).toBeLessThanOrEqual(12);
        }
      }
    }
  });

  it('takes daily rests inside designated rest areas', () => {
    for (const t of truth) {
      const areas = fleet.restAreas(t.routeId);
      for (const stop of t.stops.filter((s) => s.kind === 'rest')) {
        expect(stop.to - stop.from).toBeGreaterThanOrEqual(9 * HOUR - 1000);
        expect(Math.min(...areas.map((a) => distanceKm(a.location, stop.at)))).toBeLessThan(0.5);
      }
    }
  });

  it('opens the lock only at the destination, or during a recorded door opening', () => {
    for (const t of truth) {
      const door = t.misbehaviours.find((m) => m.kind === 'door-open');
      for (const r of reports.get(t.deviceId)!) {
        const inDoor = door !== undefined && r.time >= door.from && r.time < door.to;
        expect(r.seal.locked, t.truckId).toBe(!inDoor && r.time < t.unsealedAt);
      }
      if (door?.kind !== 'door-open') continue;
      const opened = reports.get(t.deviceId)!.find((r) => r.event === 'door-opened')!;
      expect(opened.time).toBe(door.from);
      expect(opened.speed).toBe(0);
      // Outside every allowed zone: far from the offices and the crossings.
      for (const code of [t.departureOffice, t.destinationOffice]) expect(distanceKm(opened, findCustomsOffice(code)!.location)).toBeGreaterThan(5);
      for (const c of t.crossings) expect(distanceKm(opened, findBorderCrossing(c.code)!.location)).toBeGreaterThan(5);
    }
  });

  it('holds the fixes taken during a signal loss and sends them late, marked as stored', () => {
    let lost = 0;
    for (const t of truth) {
      const loss = t.misbehaviours.find((m) => m.kind === 'signal-loss');
      for (const r of reports.get(t.deviceId)!) {
        const inLoss = loss?.kind === 'signal-loss' && r.time >= loss.from && r.time < loss.to;
        expect(r.buffered).toBe(inLoss);
        expect(r.sendAt).toBe(inLoss ? loss.to : r.time);
        if (inLoss) lost++;
      }
    }
    expect(lost).toBeGreaterThan(0);
    // Advanced into the middle of a loss, the fleet has not sent the stored fixes yet.
    const t = truth.find((x) => x.misbehaviours.some((m) => m.kind === 'signal-loss'))!;
    const loss = t.misbehaviours.find((m) => m.kind === 'signal-loss')! as { from: number; to: number };
    const probe = createFleet(createRng(11), options);
    const middle = (loss.from + loss.to) / 2;
    const sent = [...probe.advance(middle).get(t.deviceId) ?? []];
    expect(sent.every((r) => r.time < loss.from)).toBe(true);
    const late = probe.advance(loss.to).get(t.deviceId)!;
    expect(late.some((r) => r.buffered)).toBe(true);
  });
});

describe('misbehaviour', () => {
  it('happens at about the configured rates over many trucks', () => {
    const rates = { 'door-open': 0.1, tamper: 0.05, 'cable-cut': 0.02, deviation: 0.08, 'long-stop': 0.06, 'signal-loss': 0.15, 'low-battery': 0.04 };
    const n = 3000;
    const truth = createFleet(createRng('rates'), { count: n, start: START, misbehaviour: rates }).groundTruth();
    for (const kind of MISBEHAVIOUR_KINDS) {
      const share = truth.filter((t) => t.misbehaviours.some((m) => m.kind === kind)).length / n;
      const sd = Math.sqrt((rates[kind] * (1 - rates[kind])) / n);
      expect(Math.abs(share - rates[kind]), kind).toBeLessThan(4 * sd);
    }
    const clean = createFleet(createRng('rates'), { count: 200, start: START, misbehaviour: Object.fromEntries(MISBEHAVIOUR_KINDS.map((k) => [k, 0])) });
    expect(clean.groundTruth().every((t) => t.misbehaviours.length === 0)).toBe(true);
  });

  it('records each kind where and when the reports show it', () => {
    const all = Object.fromEntries(MISBEHAVIOUR_KINDS.map((k) => [k, 1]));
    const options: FleetOptions = { count: 6, start: START, misbehaviour: all, reportIntervalSeconds: 30 };
    const truth = createFleet(createRng('all'), options).groundTruth();
    const reports = drive(options, 'all', START + 16 * DAY, DAY);
    for (const t of truth) {
      const list = reports.get(t.deviceId)!;
      const at = (time: number): FleetReport => list.find((r) => r.time >= time)!;
      const areas = createFleet(createRng('all'), options).restAreas(t.routeId);
      for (const m of t.misbehaviours) {
        switch (m.kind) {
          case 'tamper':
            expect(at(m.from)).toMatchObject({ time: m.from, event: 'tamper', seal: { tamper: true } });
            expect(at(m.to).seal.tamper).toBe(false);
            break;
          case 'cable-cut':
            expect(at(m.from)).toMatchObject({ time: m.from, event: 'cable-cut', seal: { cableCut: true } });
            expect(list[list.length - 1]!.seal.cableCut).toBe(true);
            expect(list.filter((r) => r.time < m.from).every((r) => !r.seal.cableCut)).toBe(true);
            break;
          case 'long-stop': {
            expect(m.to - m.from).toBeGreaterThanOrEqual(3 * HOUR - 1000);
            const during = list.filter((r) => r.time >= m.from && r.time < m.to);
            expect(during.every((r) => r.speed === 0 && distanceKm(r, m.at) < 0.05)).toBe(true);
            expect(Math.min(...areas.map((a) => distanceKm(a.location, m.at)))).toBeGreaterThan(5);
            break;
          }
          case 'low-battery': {
            const first = list.find((r) => r.seal.batteryPercent < LOW_BATTERY_PERCENT)!;
            expect(first.time).toBe(m.from);
            expect(first.event).toBe('low-battery');
            break;
          }
          default:
            break;
        }
      }
    }
  });

  it('refuses a rate outside 0..1 or an unknown kind', () => {
    expect(() => createFleet(createRng(1), { count: 1, start: START, misbehaviour: { deviation: 2 } })).toThrow(RangeError);
    expect(() => createFleet(createRng(1), { count: 1, start: START, misbehaviour: { teleport: 0.1 } as never })).toThrow(RangeError);
  });

  it('keeps a healthy seal above the low mark', () => {
    const options: FleetOptions = { count: 10, start: START, misbehaviour: { 'low-battery': 0 } };
    for (const list of drive(options, 'battery', START + 16 * DAY, DAY).values()) {
      expect(Math.min(...list.map((r) => r.seal.batteryPercent))).toBeGreaterThanOrEqual(LOW_BATTERY_PERCENT + 5);
    }
  });
});
