/**
 * Realistic packets for the decode benchmark, made by the protocols' own encoders: a seal on a truck along
 * the Tashkent–Almaty road, reporting every 30 seconds, with the IO elements, parameters and subrecords such
 * devices send. Each protocol gets a fixed set, the same on every run (a seeded generator).
 */
import { createRng, type Rng } from '../src/core/random/index.js';
import type { TelematicsRecord } from '../src/protocols/egts/index.js';
import { encodeAuthPacket, encodeTelematicsPacket } from '../src/protocols/egts/index.js';
import { encodeMqttPayload, type MqttPositionMessage } from '../src/protocols/mqtt-json/index.js';
import { encodeOsmandQuery } from '../src/protocols/osmand/index.js';
import {
  CODEC_8_EXTENDED, encodeAvlPacket, encodeImei, type AvlCodec, type AvlIoElement, type AvlRecordInput,
} from '../src/protocols/teltonika/index.js';
import { encodeData, encodeLogin, encodeShortData, type WialonDataMessage } from '../src/protocols/wialon/index.js';

export const IMEI = '356307042441013';
const START = Date.UTC(2026, 4, 1, 6, 0, 0);
const STEP_MS = 30_000;

/** A fix along the road, `i` steps from the start. */
interface Fix {
  time: number;
  lat: number;
  lon: number;
  altitude: number;
  course: number;
  speed: number;
  satellites: number;
}

function route(count: number, rng: Rng): Fix[] {
  const fixes: Fix[] = [];
  let lat = 41.311081;
  let lon = 69.240562;
  for (let i = 0; i < count; i++) {
    const speed = Math.max(0, Math.round(rng.normal(72, 12)));
    lat += 0.0009 + rng.normal(0, 0.0002);
    lon += 0.0021 + rng.normal(0, 0.0004);
    fixes.push({
      time: START + i * STEP_MS, lat: Math.round(lat * 1e7) / 1e7, lon: Math.round(lon * 1e7) / 1e7,
      altitude: 450 + Math.round(rng.normal(0, 30)), course: rng.int(40, 80), speed, satellites: rng.int(7, 16),
    });
  }
  return fixes;
}

/** Records per packet: mostly one (live tracking), sometimes a backlog sent after a dead zone. */
function batchSizes(rng: Rng, packets: number): number[] {
  return Array.from({ length: packets }, () => (rng.chance(0.7) ? 1 : rng.int(2, 24)));
}

function batches<T>(items: readonly T[], sizes: readonly number[]): T[][] {
  const out: T[][] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= items.length) break;
    out.push(items.slice(at, at + size));
    at += size;
  }
  return out;
}

/** The IO elements of an FMB-class tracker's periodic record: ignition, movement, GSM, voltages, odometer... */
function teltonikaIo(rng: Rng, i: number, extended: boolean): AvlIoElement[] {
  const io: AvlIoElement[] = [
    { id: 239, bytes: 1, value: 1 }, { id: 240, bytes: 1, value: 1 }, { id: 80, bytes: 1, value: 1 },
    { id: 21, bytes: 1, value: rng.int(2, 5) }, { id: 200, bytes: 1, value: 0 }, { id: 69, bytes: 1, value: 1 },
    { id: 1, bytes: 1, value: rng.int(0, 1) }, { id: 179, bytes: 1, value: 0 },
    { id: 181, bytes: 2, value: rng.int(5, 20) }, { id: 182, bytes: 2, value: rng.int(5, 15) },
    { id: 66, bytes: 2, value: rng.int(27_000, 28_500) }, { id: 24, bytes: 2, value: rng.int(50, 100) },
    { id: 205, bytes: 2, value: 31_337 }, { id: 206, bytes: 2, value: 1710 }, { id: 67, bytes: 2, value: rng.int(4000, 4100) },
    { id: 68, bytes: 2, value: 0 }, { id: 9, bytes: 2, value: rng.int(0, 12_000) },
    { id: 241, bytes: 4, value: 43_405 }, { id: 199, bytes: 4, value: i * 600 }, { id: 16, bytes: 4, value: 1_250_000 + i * 600 },
    { id: 11, bytes: 8, value: 89_998_070_100_123_456n }, { id: 14, bytes: 8, value: 7_845_210 },
  ];
  // Codec 8E devices also report elements numbered past 255 (here: the seal's lock state and a counter).
  if (extended) io.push({ id: 10_800, bytes: 1, value: 1 }, { id: 10_801, bytes: 4, value: i });
  return io;
}

export function teltonikaPackets(codec: AvlCodec, packets = 400): { handshake: Uint8Array; packets: Uint8Array[] } {
  const rng = createRng(`bench/teltonika/${codec}`);
  const sizes = batchSizes(rng, packets);
  const fixes = route(sizes.reduce((a, b) => a + b, 0), rng);
  const extended = codec === CODEC_8_EXTENDED;
  const records: AvlRecordInput[] = fixes.map((fix, i) => {
    const record: AvlRecordInput = {
      timestamp: fix.time, priority: 0, lat: fix.lat, lon: fix.lon, altitude: fix.altitude, angle: fix.course,
      satellites: fix.satellites, speed: fix.speed, eventIo: 0, io: teltonikaIo(rng, i, extended),
    };
    if (extended) record.variableIo = [{ id: 385, value: Uint8Array.from({ length: 12 }, () => rng.int(1, 255)) }];
    return record;
  });
  return { handshake: encodeImei(IMEI), packets: batches(records, sizes).map((batch) => encodeAvlPacket(batch, codec)) };
}

function wialonMessage(fix: Fix, rng: Rng, full: boolean): WialonDataMessage {
  const message: WialonDataMessage = {
    time: fix.time, lat: fix.lat, lon: fix.lon, speed: fix.speed, course: fix.course, altitude: fix.altitude,
    satellites: fix.satellites,
  };
  if (full) {
    Object.assign(message, {
      hdop: rng.int(6, 15) / 10, inputs: 5, outputs: 1, adc: [rng.int(1200, 1300) / 100, 0.05],
      params: { lock: 1, tamper: 0, batt: rng.int(800, 950) / 10, temp: rng.int(-100, 300) / 10, fw: 'v1.2' },
    });
  }
  return message;
}

export function wialonPackets(full: boolean, packets = 2000): { login: Uint8Array; packets: Uint8Array[] } {
  const rng = createRng(`bench/wialon/${full ? 'full' : 'short'}`);
  const fixes = route(packets, rng);
  return {
    login: encodeLogin(IMEI),
    packets: fixes.map((fix) => (full ? encodeData(wialonMessage(fix, rng, true)) : encodeShortData(wialonMessage(fix, rng, false)))),
  };
}

export function egtsPackets(packets = 400): { auth: Uint8Array; packets: Uint8Array[]; records: number } {
  const rng = createRng('bench/egts');
  const sizes = batchSizes(rng, packets);
  const fixes = route(sizes.reduce((a, b) => a + b, 0), rng);
  const records: TelematicsRecord[] = fixes.map((fix, i) => ({
    recordNumber: i & 0xffff,
    position: {
      time: fix.time, lat: fix.lat, lon: fix.lon, speed: fix.speed, course: fix.course, altitude: fix.altitude,
      odometer: 1250 + i * 0.6, moving: true, fix3d: true, digitalInputs: 1, source: 0,
    },
    extended: { hdop: rng.int(6, 15) / 10, vdop: rng.int(8, 20) / 10, satellites: fix.satellites, navigationSystems: 3 },
    state: {
      state: 2, mainPowerVolts: 27.6, backupBatteryVolts: 4.1, internalBatteryVolts: 3.9, backupBatteryUsed: false,
      internalBatteryUsed: false, navigationModuleOn: true,
    },
  }));
  return {
    auth: encodeAuthPacket({ packetId: 0, recordNumber: 0, identity: { terminalId: 4242, imei: IMEI, simpleServices: true } }),
    packets: batches(records, sizes).map((batch, p) => encodeTelematicsPacket({ packetId: (p + 1) & 0xffff, records: batch })),
    records: records.length,
  };
}

export function osmandQueries(count = 2000): string[] {
  const rng = createRng('bench/osmand');
  return route(count, rng).map((fix) => encodeOsmandQuery({
    deviceId: IMEI, time: fix.time, lat: fix.lat, lon: fix.lon, speed: fix.speed, course: fix.course, altitude: fix.altitude,
    accuracy: rng.int(3, 15), battery: rng.int(40, 100),
  }));
}

export function mqttPayloads(count = 1000): { payloads: Uint8Array[]; records: number } {
  const rng = createRng('bench/mqtt-json');
  const sizes = batchSizes(rng, count);
  const messages: MqttPositionMessage[] = route(sizes.reduce((a, b) => a + b, 0), rng).map((fix, i) => ({
    time: new Date(fix.time).toISOString(), lat: fix.lat, lon: fix.lon, altitude: fix.altitude, speed: fix.speed,
    course: fix.course, satellites: fix.satellites, seq: i, seal: { locked: true, batteryPercent: rng.int(40, 100) },
    attributes: { temp: rng.int(-100, 300) / 10 },
  }));
  const payloads = batches(messages, sizes).map((batch) => encodeMqttPayload(batch.length === 1 ? batch[0]! : batch));
  return { payloads, records: messages.length };
}
