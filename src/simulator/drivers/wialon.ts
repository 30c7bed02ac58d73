/**
 * A Wialon IPS 2.0 seal (the WIALON_IPS_SEAL mapping): login, then a `#D#` full-data packet for each live report
 * with the seal in named parameters `lock`, `tamper`, `cable` (1 = cut) and `batt` (percent), and a `#B#` black
 * box for fixes stored during a signal loss or sent again after a reconnection, as Wialon devices send their
 * memory. `#AD#1` confirms a `#D#`, `#AB#n` the first n messages of a black box.
 */
import type { FleetReport } from '../../core/fleet/index.js';
import { DATA_ANSWER, LOGIN_ANSWER, encodeBlackBox, encodeData, encodeLogin, type WialonDataMessage } from '../../protocols/wialon/index.js';
import type { OutboxEntry } from '../outbox.js';
import { Received, type DriverEvent, type TcpDriver } from './tcp-driver.js';

export function wialonMessage(report: FleetReport): WialonDataMessage {
  const { seal } = report;
  return {
    time: report.time,
    lat: report.lat,
    lon: report.lon,
    speed: report.speed,
    course: report.course,
    altitude: 0,
    satellites: report.satellites,
    params: {
      lock: seal.locked ? 1 : 0,
      tamper: seal.tamper ? 1 : 0,
      cable: seal.cableCut ? 1 : 0,
      batt: seal.batteryPercent,
      volts: seal.batteryVolts,
    },
  };
}

export function createWialonDriver(imei: string, password = 'NA'): TcpDriver {
  const received = new Received();
  let expected = 0;
  let kind: 'D' | 'B' = 'D';
  return {
    maxBatch: 50,
    open() {
      return encodeLogin(imei, password);
    },
    encode(batch: readonly OutboxEntry[]) {
      expected = batch.length;
      const single = batch.length === 1 && batch[0]!.attempts === 1 && !batch[0]!.report.buffered;
      kind = single ? 'D' : 'B';
      const messages = batch.map((e) => wialonMessage(e.report));
      return single ? encodeData(messages[0]!) : encodeBlackBox(messages);
    },
    read(chunk: Uint8Array): DriverEvent[] {
      received.push(chunk);
      const events: DriverEvent[] = [];
      for (let line = received.line(); line !== undefined; line = received.line()) {
        const m = /^#(A[A-Z]*)#(.*)$/.exec(line);
        if (m === null) return [...events, { type: 'failed', kind: 'protocol', message: `not a Wialon answer: ${line.slice(0, 40)}` }];
        const [, type, code] = m as unknown as [string, string, string];
        if (type === 'AL') {
          if (code !== LOGIN_ANSWER.accepted) return [...events, { type: 'failed', kind: 'login-refused', message: `#AL#${code}` }];
          events.push({ type: 'logged-in' });
        } else if (type === 'AD' && kind === 'D') {
          // Any code but 1 names a fault in the message itself: sending it again would be refused again.
          events.push(code === DATA_ANSWER.accepted ? { type: 'settled', accepted: 1, refused: 0 } : { type: 'settled', accepted: 0, refused: 1 });
        } else if (type === 'AB' && kind === 'B') {
          // An empty count answers a black box whose checksum failed on the way: send it again.
          if (!/^\d+$/.test(code)) return [...events, { type: 'failed', kind: 'not-acknowledged', message: `#AB#${code}` }];
          const accepted = Math.min(expected, Number(code));
          events.push({ type: 'settled', accepted, refused: expected - accepted });
        } else if (type !== 'AP') {
          return [...events, { type: 'failed', kind: 'protocol', message: `unexpected answer ${line.slice(0, 40)}` }];
        }
      }
      return events;
    },
  };
}
