/**
 * Fuzzing the EGTS session: random bytes, and mutations of authentication and telematics packets made by the
 * encoder, some resealed (frame length, header CRC-8 and frame CRC-16 made right again, header fields such as
 * the packet type mutated too) so that the mutation reaches the record and subrecord readers.
 */
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../core/random/index.js';
import { crc16CcittFalse, crc8Egts } from '../crc.js';
import { fuzzBudget } from '../fuzz/budget.js';
import { mutateBytes, randomBytes, type NumericField } from '../fuzz/mutate.js';
import { runSessionFuzz, summarize } from '../fuzz/run-session-fuzz.js';
import { encodeAuthPacket, encodeTelematicsPacket, type TelematicsRecord } from './encoder.js';
import { createEgtsSession } from './session.js';

const BUDGET = fuzzBudget(260_000, 120);
/** Header: flags, header length, frame data length, packet type. */
const HEADER_FIELDS: NumericField[] = [
  { offset: 2, bytes: 1 }, { offset: 3, bytes: 1 }, { offset: 5, bytes: 2, littleEndian: true }, { offset: 9, bytes: 1 },
];
/** Frame data of a record without optional fields: record length, flags, service, subrecord type and length. */
const FRAME_FIELDS: NumericField[] = [
  { offset: 0, bytes: 2, littleEndian: true }, { offset: 4, bytes: 1 }, { offset: 6, bytes: 1 },
  { offset: 7, bytes: 1 }, { offset: 8, bytes: 2, littleEndian: true },
];
/** Header fields worth mutating under a fresh checksum: security key, flags, encoding, packet ID, type. */
const RESEALED_HEADER_FIELDS: NumericField[] = [
  { offset: 1, bytes: 1 }, { offset: 2, bytes: 1 }, { offset: 4, bytes: 1 }, { offset: 7, bytes: 2, littleEndian: true },
  { offset: 9, bytes: 1 },
];

const maybe = <T>(rng: Rng, p: number, make: () => T): T | undefined => (rng.chance(p) ? make() : undefined);

function randomRecord(rng: Rng): TelematicsRecord {
  const record: TelematicsRecord = {
    recordNumber: rng.int(0, 0xffff),
    position: {
      time: Date.UTC(2010, 0, 1) + rng.int(0, 20 * 365 * 86_400) * 1000,
      lat: rng.next() * 180 - 90, lon: rng.next() * 360 - 180, speed: rng.int(0, 16_000) / 10, course: rng.int(0, 359),
      odometer: rng.int(0, 1_000_000) / 10, digitalInputs: rng.int(0, 255), source: rng.int(0, 40),
      valid: rng.chance(0.9), moving: rng.chance(0.5), fix3d: rng.chance(0.5), blackBox: rng.chance(0.2),
    },
  };
  if (rng.chance(0.5)) record.position.altitude = rng.int(-500, 9000);
  if (rng.chance(0.2)) record.position.sourceData = rng.int(0, 0xffff);
  if (rng.chance(0.3)) record.objectId = rng.uint32();
  if (rng.chance(0.2)) record.eventId = rng.uint32();
  if (rng.chance(0.3)) record.time = record.position.time;
  record.extended = maybe(rng, 0.6, () => ({
    hdop: rng.int(0, 500) / 100, vdop: maybe(rng, 0.5, () => rng.int(0, 500) / 100), satellites: rng.int(0, 30),
    navigationSystems: maybe(rng, 0.5, () => rng.int(0, 255)),
  }));
  record.sensors = maybe(rng, 0.3, () => ({
    digitalOutputs: rng.int(0, 255),
    digitalInputOctets: Array.from({ length: 8 }, () => maybe(rng, 0.3, () => rng.int(0, 255))),
    analogInputs: Array.from({ length: 8 }, () => maybe(rng, 0.3, () => rng.int(0, 0xffffff))),
  }));
  record.counters = maybe(rng, 0.2, () => ({ counters: Array.from({ length: 8 }, () => maybe(rng, 0.3, () => rng.int(0, 0xffffff))) }));
  record.state = maybe(rng, 0.5, () => ({
    state: rng.int(0, 7), mainPowerVolts: rng.int(0, 300) / 10, backupBatteryVolts: rng.int(0, 150) / 10,
    internalBatteryVolts: rng.int(0, 50) / 10, backupBatteryUsed: rng.chance(0.2), internalBatteryUsed: rng.chance(0.2),
    navigationModuleOn: rng.chance(0.9),
  }));
  return record;
}

function randomAuth(rng: Rng): Uint8Array {
  const imei = rng.chance(0.8) ? String(rng.int(100_000_000_000_000, 999_999_999_999_999)) : undefined;
  return encodeAuthPacket({
    packetId: rng.int(0, 0xffff), recordNumber: rng.int(0, 0xffff),
    identity: { terminalId: rng.chance(0.9) ? rng.uint32() : 0, imei, simpleServices: rng.chance(0.5) },
  });
}

function randomTelematics(rng: Rng): Uint8Array {
  const records = Array.from({ length: rng.chance(0.9) ? rng.int(1, 4) : rng.int(0, 30) }, () => randomRecord(rng));
  const route = maybe(rng, 0.1, () => ({ peerAddress: rng.int(0, 0xffff), recipientAddress: rng.int(0, 0xffff), ttl: rng.int(0, 255) }));
  return encodeTelematicsPacket(route ? { packetId: rng.int(0, 0xffff), records, route } : { packetId: rng.int(0, 0xffff), records });
}

/** A packet from a header and frame data, with the length and both checksums that make it pass the framing. */
function seal(header: Uint8Array, frame: Uint8Array): Uint8Array {
  const hl = header.length;
  const out = new Uint8Array(hl + frame.length + (frame.length > 0 ? 2 : 0));
  const view = new DataView(out.buffer);
  out.set(header);
  view.setUint16(5, frame.length & 0xffff, true);
  out[hl - 1] = crc8Egts(out, 0, hl - 1);
  out.set(frame, hl);
  if (frame.length > 0) view.setUint16(hl + frame.length, crc16CcittFalse(out, hl, hl + frame.length), true);
  return out;
}

function resealedMutant(packet: Uint8Array, rng: Rng, maxFrameBytes: number): Uint8Array {
  const hl = packet[3]!;
  let header: Uint8Array = packet.slice(0, hl);
  let frame: Uint8Array = packet.slice(hl, packet.length - 2);
  if (rng.chance(0.8)) frame = mutateBytes(frame, rng, FRAME_FIELDS, maxFrameBytes);
  if (rng.chance(0.3)) header = mutateBytes(header, rng, RESEALED_HEADER_FIELDS, maxFrameBytes).slice(0, hl);
  if (header.length < hl) return header;
  return seal(header, frame.subarray(0, 0xffff));
}

describe('EGTS session under fuzzing', () => {
  it(`survives ${BUDGET.frames} random and mutated packets`, () => {
    const corpusRng = createRng(`${BUDGET.seed}/egts-corpus`);
    const auths = Array.from({ length: 100 }, () => randomAuth(corpusRng));
    const telematics = Array.from({ length: 400 }, () => randomTelematics(corpusRng));
    const started = performance.now();
    const stats = runSessionFuzz({
      protocol: 'egts',
      createSession: (limits, rng) => createEgtsSession(limits, { deviceIdFrom: rng.chance(0.3) ? 'tid' : 'imei' }),
      frames(rng, maxFrameBytes) {
        const frames: Uint8Array[] = [];
        const start = rng.next();
        if (start < 0.8) frames.push(rng.pick(auths));
        else if (start < 0.9) frames.push(resealedMutant(rng.pick(auths), rng, maxFrameBytes));
        let previous = rng.pick(telematics);
        for (let n = rng.int(1, 6); n > 0; n--) {
          const valid = rng.chance(0.1) ? rng.pick(auths) : rng.pick(telematics);
          const kind = rng.next();
          let frame: Uint8Array;
          if (kind < 0.3) frame = valid;
          else if (kind < 0.5) frame = mutateBytes(valid, rng, HEADER_FIELDS, maxFrameBytes);
          else if (kind < 0.85) frame = resealedMutant(valid, rng, maxFrameBytes);
          else if (kind < 0.9) frame = randomBytes(rng, 64);
          else frame = previous;
          frames.push(frame);
          previous = frame;
        }
        return frames;
      },
    }, BUDGET);
    const ms = performance.now() - started;
    console.log(summarize('egts', stats, ms));
    expect(stats.frames).toBeGreaterThanOrEqual(BUDGET.frames);
    expect(stats.positions).toBeGreaterThan(BUDGET.frames / 10);
    for (const code of ['HEADER_CRC_MISMATCH', 'DATA_CRC_MISMATCH', 'MALFORMED_RECORD', 'FRAME_TOO_LARGE', 'UNSUPPORTED_PACKET_TYPE']) {
      expect(stats.errors.get(code), code).toBeGreaterThan(0);
    }
    expect(ms).toBeLessThan(BUDGET.timeLimitMs);
    expect(stats.slowestFeedMs).toBeLessThan(1000);
  }, BUDGET.timeLimitMs * 2);
});

