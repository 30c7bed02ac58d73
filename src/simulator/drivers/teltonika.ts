/**
 * A Teltonika tracker wired as a seal (the FMB mapping of core/devices): IMEI handshake, then Codec 8 Extended
 * AVL packets, each confirmed by the number of records the server accepted. Lock, tamper and cable are digital
 * inputs 1–3 (IO 1, 2, 3), battery percent IO 113 and battery millivolts IO 67; a record sent because one of
 * them changed names that IO as its event and goes with high priority.
 */
import type { FleetReport } from '../../core/fleet/index.js';
import { CODEC_8_EXTENDED, encodeAvlPacket, encodeImei, type AvlRecordInput } from '../../protocols/teltonika/index.js';
import type { OutboxEntry } from '../outbox.js';
import { Received, type DriverEvent, type TcpDriver } from './tcp-driver.js';

const EVENT_IO: Partial<Record<NonNullable<FleetReport['event']>, number>> = {
  'door-opened': 1, 'door-closed': 1, unsealed: 1, tamper: 2, 'tamper-cleared': 2, 'cable-cut': 3, 'low-battery': 113,
};

export function avlRecord(report: FleetReport): AvlRecordInput {
  const { seal } = report;
  const eventIo = report.event === undefined ? 0 : EVENT_IO[report.event] ?? 0;
  return {
    timestamp: report.time,
    priority: eventIo === 0 ? 0 : 1,
    lat: report.lat,
    lon: report.lon,
    angle: report.course,
    satellites: report.satellites,
    speed: report.speed,
    eventIo,
    io: [
      { id: 1, bytes: 1, value: seal.locked ? 1 : 0 },
      { id: 2, bytes: 1, value: seal.tamper ? 1 : 0 },
      { id: 3, bytes: 1, value: seal.cableCut ? 1 : 0 },
      { id: 113, bytes: 1, value: seal.batteryPercent },
      { id: 67, bytes: 2, value: Math.round(seal.batteryVolts * 1000) },
    ],
  };
}

export function createTeltonikaDriver(imei: string): TcpDriver {
  const received = new Received();
  let loggedIn = false;
  let expected = 0;
  return {
    maxBatch: 50,
    open() {
      loggedIn = false;
      return encodeImei(imei);
    },
    encode(batch: readonly OutboxEntry[]) {
      expected = batch.length;
      return encodeAvlPacket(batch.map((e) => avlRecord(e.report)), CODEC_8_EXTENDED);
    },
    read(chunk: Uint8Array): DriverEvent[] {
      received.push(chunk);
      const events: DriverEvent[] = [];
      if (!loggedIn && received.length >= 1) {
        const answer = received.take(1)[0];
        if (answer !== 0x01) return [{ type: 'failed', kind: 'login-refused', message: `IMEI ${imei} refused` }];
        loggedIn = true;
        events.push({ type: 'logged-in' });
      }
      while (loggedIn && received.length >= 4) {
        const b = received.take(4);
        const count = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
        // A count short of the packet's means the server kept only part of it: the device sends the packet again.
        if (count !== expected) {
          events.push({ type: 'failed', kind: 'not-acknowledged', message: `${count} of ${expected} records accepted` });
          break;
        }
        events.push({ type: 'settled', accepted: count, refused: 0 });
      }
      return events;
    },
  };
}
