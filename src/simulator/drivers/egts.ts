/**
 * An EGTS seal (the EGTS_SEAL mapping): authentication with EGTS_SR_TERM_IDENTITY carrying the IMEI, then
 * telematics packets of one record per report, each with its position (lock, tamper and cable in bits 0–2 of
 * the digital inputs; the black-box flag on stored fixes and resends) and the terminal's state data (internal
 * battery volts). A record counts as delivered only when the platform's response confirms its record number
 * with status 0; record numbers are given once and kept on resends, as the standard asks of a terminal.
 */
import type { FleetReport } from '../../core/fleet/index.js';
import { EgtsPlatformReader, egtsCodes, encodeAuthPacket, encodeResponse, encodeTelematicsPacket, type TelematicsRecord } from '../../protocols/egts/index.js';
import type { OutboxEntry } from '../outbox.js';
import type { DriverEvent, TcpDriver } from './tcp-driver.js';

export function egtsRecord(report: FleetReport, recordNumber: number, fromMemory: boolean): TelematicsRecord {
  const { seal } = report;
  return {
    recordNumber,
    time: report.time,
    position: {
      time: report.time,
      lat: report.lat,
      lon: report.lon,
      speed: report.speed,
      course: report.course,
      valid: true,
      moving: report.speed > 0,
      blackBox: fromMemory,
      digitalInputs: (seal.locked ? 1 : 0) | (seal.tamper ? 2 : 0) | (seal.cableCut ? 4 : 0),
    },
    state: {
      state: 2,
      mainPowerVolts: 0,
      backupBatteryVolts: 0,
      internalBatteryVolts: seal.batteryVolts,
      backupBatteryUsed: false,
      internalBatteryUsed: true,
      navigationModuleOn: true,
    },
  };
}

/** Packet and record numbers run on across connections, as a terminal's counters do. */
export interface EgtsCounters {
  packetId: number;
  recordNumber: number;
}

export function createEgtsDriver(imei: string, terminalId: number, counters: EgtsCounters): TcpDriver {
  const reader = new EgtsPlatformReader();
  const nextPacket = (): number => {
    const id = counters.packetId;
    counters.packetId = (id + 1) & 0xffff;
    return id;
  };
  const nextRecord = (): number => {
    const rn = counters.recordNumber;
    counters.recordNumber = (rn + 1) & 0xffff;
    return rn;
  };
  let authPacket = -1;
  let loggedIn = false;
  let inFlight: { packetId: number; records: number[] } | undefined;
  return {
    maxBatch: 20,
    open() {
      loggedIn = false;
      inFlight = undefined;
      authPacket = nextPacket();
      return encodeAuthPacket({
        packetId: authPacket,
        recordNumber: nextRecord(),
        identity: { terminalId, imei, simpleServices: true },
      });
    },
    encode(batch: readonly OutboxEntry[]) {
      const records = batch.map((entry) => {
        entry.tag ??= nextRecord();
        return egtsRecord(entry.report, entry.tag, entry.report.buffered || entry.attempts > 1);
      });
      inFlight = { packetId: nextPacket(), records: records.map((r) => r.recordNumber) };
      return encodeTelematicsPacket({ packetId: inFlight.packetId, records });
    },
    read(chunk: Uint8Array): DriverEvent[] {
      let packets;
      try {
        packets = reader.feed(chunk);
      } catch (error) {
        return [{ type: 'failed', kind: 'protocol', message: (error as Error).message }];
      }
      const events: DriverEvent[] = [];
      for (const packet of packets) {
        if (packet.type === 'appdata') {
          // The platform's own packet (the authentication result): confirm its records, then act on it.
          events.push({
            type: 'send',
            bytes: encodeResponse({
              packetId: nextPacket(), responseTo: packet.packetId, result: egtsCodes.PC_OK,
              confirmations: packet.records.map((r) => ({ recordNumber: r.recordNumber, service: r.service, status: egtsCodes.PC_OK })),
              firstRecordNumber: counters.recordNumber,
            }),
          });
          counters.recordNumber = (counters.recordNumber + packet.records.length) & 0xffff;
          if (packet.resultCode === undefined) continue;
          if (packet.resultCode !== egtsCodes.PC_OK) {
            events.push({ type: 'failed', kind: 'login-refused', message: `authentication result ${packet.resultCode}` });
            return events;
          }
          if (!loggedIn) {
            loggedIn = true;
            events.push({ type: 'logged-in' });
          }
        } else if (packet.responseTo === authPacket) {
          if (packet.result !== egtsCodes.PC_OK) {
            events.push({ type: 'failed', kind: 'login-refused', message: `authentication packet answered ${packet.result}` });
            return events;
          }
        } else if (inFlight !== undefined && packet.responseTo === inFlight.packetId) {
          const ok = new Set(packet.recordResponses.filter((r) => r.status === egtsCodes.PC_OK).map((r) => r.confirmedRecord));
          const { records } = inFlight;
          inFlight = undefined;
          // A record not confirmed with status 0 stays in the terminal's memory: the whole batch goes again.
          if (packet.result !== egtsCodes.PC_OK || !records.every((rn) => ok.has(rn))) {
            events.push({ type: 'failed', kind: 'not-acknowledged', message: `packet answered ${packet.result}, records not all confirmed` });
            return events;
          }
          events.push({ type: 'settled', accepted: records.length, refused: 0 });
        }
      }
      return events;
    },
  };
}
