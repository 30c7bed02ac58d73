import { describe, expect, it } from 'vitest';
import { createFleet, type FleetReport } from '../../core/fleet/index.js';
import { createRng } from '../../core/random/index.js';
import type { ProtocolSession, SessionOutput } from '../../protocols/session.js';
import { createEgtsSession } from '../../protocols/egts/session.js';
import { createTeltonikaSession } from '../../protocols/teltonika/session.js';
import { createWialonSession } from '../../protocols/wialon/session.js';
import type { OutboxEntry } from '../outbox.js';
import { createEgtsDriver } from './egts.js';
import { createTeltonikaDriver } from './teltonika.js';
import type { DriverEvent, TcpDriver } from './tcp-driver.js';
import { createWialonDriver } from './wialon.js';

const IMEI = '352090781234564';
const START = Date.UTC(2026, 4, 1, 6);

function reports(n: number): FleetReport[] {
  const fleet = createFleet(createRng('drivers'), { count: 1, start: START, deviceIds: [IMEI], departureWindowSeconds: 0, reportIntervalSeconds: 10 });
  return fleet.advance(START + 3_600_000).get(IMEI)!.slice(0, n);
}

/** Plays the gateway's side with the real session: accepts the login and acknowledges every frame. */
function converse(driver: TcpDriver, session: ProtocolSession): { send(bytes: Uint8Array): DriverEvent[] } {
  const send = (bytes: Uint8Array): DriverEvent[] => {
    const events: DriverEvent[] = [];
    for (const out of session.feed(bytes, START) as SessionOutput[]) {
      const answer = out.type === 'identified' ? out.accept : 'reply' in out ? out.reply : undefined;
      if (answer === undefined || answer.length === 0) continue;
      for (const event of driver.read(answer)) {
        if (event.type === 'send') events.push(...send(event.bytes));
        else events.push(event);
      }
    }
    return events;
  };
  return { send };
}

const entries = (list: readonly FleetReport[], attempts = 1): OutboxEntry[] => list.map((report) => ({ report, attempts }));

describe.each([
  ['teltonika', () => createTeltonikaDriver(IMEI), () => createTeltonikaSession()],
  ['wialon', () => createWialonDriver(IMEI), () => createWialonSession()],
  ['egts', () => createEgtsDriver(IMEI, 7, { packetId: 0, recordNumber: 0 }), () => createEgtsSession()],
] as const)('%s driver', (_name, makeDriver, makeSession) => {
  it('logs in, and reads the acknowledgement of a single report and of a batch', () => {
    const driver = makeDriver();
    const link = converse(driver, makeSession());
    expect(link.send(driver.open())).toEqual([{ type: 'logged-in' }]);
    const list = reports(12);
    expect(link.send(driver.encode(entries(list.slice(0, 1))))).toEqual([{ type: 'settled', accepted: 1, refused: 0 }]);
    expect(link.send(driver.encode(entries(list.slice(1), 2)))).toEqual([{ type: 'settled', accepted: 11, refused: 0 }]);
  });

  it('takes an acknowledgement split over chunks', () => {
    const driver = makeDriver();
    const session = makeSession();
    const answers: Uint8Array[] = [];
    const collect = (bytes: Uint8Array): void => {
      for (const out of session.feed(bytes, START)) {
        if (out.type === 'identified') answers.push(out.accept);
        else if ('reply' in out && out.reply) answers.push(out.reply);
      }
    };
    collect(driver.open());
    for (const answer of answers.splice(0)) {
      for (const event of driver.read(answer)) if (event.type === 'send') collect(event.bytes);
    }
    answers.length = 0;
    collect(driver.encode(entries(reports(3))));
    const bytes = answers.flatMap((a) => [...a]);
    const events = bytes.flatMap((b) => driver.read(Uint8Array.of(b)));
    expect(events).toEqual([{ type: 'settled', accepted: 3, refused: 0 }]);
  });
});

describe('driver answers', () => {
  it('treats a Teltonika count short of the packet as not acknowledged', () => {
    const driver = createTeltonikaDriver(IMEI);
    driver.open();
    expect(driver.read(Uint8Array.of(1))).toEqual([{ type: 'logged-in' }]);
    driver.encode(entries(reports(3)));
    expect(driver.read(Uint8Array.of(0, 0, 0, 2))[0]).toMatchObject({ type: 'failed', kind: 'not-acknowledged' });
    expect(createTeltonikaDriver(IMEI).read(Uint8Array.of(0))[0]).toMatchObject({ type: 'failed', kind: 'login-refused' });
  });

  it('reads Wialon refusals: a bad login, a refused message, a black box with a failed checksum', () => {
    const text = (s: string): Uint8Array => new TextEncoder().encode(s);
    expect(createWialonDriver(IMEI).read(text('#AL#01\r\n'))[0]).toMatchObject({ type: 'failed', kind: 'login-refused' });
    const driver = createWialonDriver(IMEI);
    driver.read(text('#AL#1\r\n'));
    driver.encode(entries(reports(1)));
    expect(driver.read(text('#AD#10\r\n'))).toEqual([{ type: 'settled', accepted: 0, refused: 1 }]);
    driver.encode(entries(reports(4), 2));
    expect(driver.read(text('#AB#\r\n'))[0]).toMatchObject({ type: 'failed', kind: 'not-acknowledged' });
    driver.encode(entries(reports(4), 2));
    expect(driver.read(text('#AB#3\r\n'))).toEqual([{ type: 'settled', accepted: 3, refused: 1 }]);
  });

  it('keeps EGTS record numbers on a resend', () => {
    const counters = { packetId: 0, recordNumber: 0 };
    const driver = createEgtsDriver(IMEI, 7, counters);
    driver.open();
    const batch = entries(reports(2));
    driver.encode(batch);
    const numbers = batch.map((e) => e.tag);
    driver.encode(batch);
    expect(batch.map((e) => e.tag)).toEqual(numbers);
    expect(new Set(numbers).size).toBe(2);
  });
});
