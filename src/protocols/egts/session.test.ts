import { describe, expect, it } from 'vitest';
import type { Position } from '../../core/model/index.js';
import type { SessionOutput } from '../session.js';
import { crc16CcittFalse, crc8Egts } from '../crc.js';
import {
  PC_AUTH_DENIED, PC_DATACRC_ERROR, PC_DECRYPT_ERROR, PC_HEADERCRC_ERROR, PC_ID_NFOUND, PC_INC_DATAFORM,
  PC_INVDATALEN, PC_OBJ_NFOUND, PC_OK, PC_UNS_TYPE, PT_APPDATA, AUTH_SERVICE,
} from './codes.js';
import { decodePlatformPackets, encodeAuthPacket, encodeTelematicsPacket, type PlatformPacket, type TelematicsRecord } from './encoder.js';
import { encodeResponse } from './response.js';
import { createEgtsSession } from './session.js';
import type { TermIdentity } from './subrecords/term-identity.js';
import { hex } from './test-support.js';
import { framePacket } from './transport.js';

const RECEIVED = Date.UTC(2026, 4, 1, 12, 0, 0);
const IMEI = '356307042441013';

/** Published sample (README of qed-tech/egts-pkg-debugger): teledata record with OID 999 and one fix. */
const PUBLISHED_POS_WITH_OID = hex('0100020b002300020001871800010011e70300000202101500b6739d1b4fba3a9ed227bc350000000000000000003b07');
/** Published samples of the EGTS protocol validator (JSC "Navigation-information systems"). */
const VALIDATOR_AUTH_SERVICE_INFO = hex('0100000B001100010001CC06000100040000D90F0101080300010082CB2B');
const VALIDATOR_TELEDATA_DIGITAL_SENSOR = hex('0100000B0010000100011F05000100040000D90F0202170200C11291EE');
const VALIDATOR_VEHICLE_AND_IDENTITY = hex(`0100000B005F00010001BB54000100040000D90F0101031900613233343536373839303132333435366239300000
  A05B0000013500D2040000C66132333435363738393031323334626332333435363738393031323334356400106532333435363738393031
  323334669826`);

function auth(packetId = 1, recordNumber = 1, identity: TermIdentity = { terminalId: 4242, imei: IMEI, simpleServices: true }): Uint8Array {
  return encodeAuthPacket({ packetId, recordNumber, identity });
}

function fixRecord(recordNumber: number, overrides: Partial<TelematicsRecord> = {}): TelematicsRecord {
  return {
    recordNumber,
    position: {
      time: Date.UTC(2026, 4, 1, 11, 59, recordNumber % 60), lat: 41.311081, lon: 69.240562, speed: 62.5, course: 187,
      altitude: 455, odometer: 1520.3, moving: true, fix3d: true,
    },
    ...overrides,
  };
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function only<T extends SessionOutput['type']>(outputs: SessionOutput[], type: T): Extract<SessionOutput, { type: T }> {
  const found = outputs.filter((o) => o.type === type);
  expect(found).toHaveLength(1);
  return found[0] as Extract<SessionOutput, { type: T }>;
}

function responseOf(bytes: Uint8Array): Extract<PlatformPacket, { type: 'response' }> {
  const packet = decodePlatformPackets(bytes)[0]!;
  expect(packet.type).toBe('response');
  return packet as Extract<PlatformPacket, { type: 'response' }>;
}

function identifiedSession(): ReturnType<typeof createEgtsSession> {
  const session = createEgtsSession();
  only(session.feed(auth(), RECEIVED), 'identified');
  return session;
}

describe('EGTS session: published packets', () => {
  it('identifies a terminal by the OID of its telematics record and decodes the fix', () => {
    const outputs = createEgtsSession().feed(PUBLISHED_POS_WITH_OID, RECEIVED);
    expect(outputs.map((o) => o.type)).toEqual(['identified', 'positions']);
    const identified = only(outputs, 'identified');
    expect(identified.deviceId).toBe('999');
    expect(identified.accept).toHaveLength(0);
    expect(responseOf(identified.refuse).recordResponses).toEqual([{ confirmedRecord: 1, status: PC_OBJ_NFOUND }]);
    const { positions, reply } = only(outputs, 'positions');
    expect(positions).toHaveLength(1);
    const position = positions[0]!;
    expect(position).toMatchObject({
      deviceId: '999', receivedTime: RECEIVED, speed: 0, course: 0, valid: false, sequence: 1,
      attributes: { 'egts:oid': 999, 'egts:din': 0, 'egts:src': 0 },
    });
    expect(new Date(position.deviceTime).toISOString()).toBe('2024-09-06T07:26:46.000Z');
    expect(position.lat).toBeCloseTo(55.627525, 6);
    expect(position.lon).toBeCloseTo(37.78241, 6);
    expect(responseOf(reply)).toMatchObject({
      responseTo: 2, result: PC_OK, recordResponses: [{ confirmedRecord: 1, status: PC_OK }],
    });
  });

  it('authenticates the validator sample by its IMEI, or by its TID when configured so', () => {
    const byImei = only(createEgtsSession().feed(VALIDATOR_VEHICLE_AND_IDENTITY, RECEIVED), 'identified');
    expect(byImei.deviceId).toBe('a2345678901234b');
    const byTid = only(createEgtsSession(undefined, { deviceIdFrom: 'tid' }).feed(VALIDATOR_VEHICLE_AND_IDENTITY, RECEIVED), 'identified');
    expect(byTid.deviceId).toBe('1234');
  });

  it('confirms authentication-service records that carry no identity', () => {
    const { reply } = only(createEgtsSession().feed(VALIDATOR_AUTH_SERVICE_INFO, RECEIVED), 'reply');
    expect(responseOf(reply)).toMatchObject({ responseTo: 1, recordResponses: [{ confirmedRecord: 1, status: PC_OK }] });
  });

  it('confirms telematics records without a fix once identified', () => {
    const { reply } = only(identifiedSession().feed(VALIDATOR_TELEDATA_DIGITAL_SENSOR, RECEIVED), 'reply');
    expect(responseOf(reply).recordResponses).toEqual([{ confirmedRecord: 1, status: PC_OK }]);
  });
});

describe('EGTS session: authentication', () => {
  it('answers TERM_IDENTITY with a record response and then the result code', () => {
    const identified = only(createEgtsSession().feed(auth(17, 5), RECEIVED), 'identified');
    expect(identified.deviceId).toBe(IMEI);
    const [response, result] = decodePlatformPackets(identified.accept);
    expect(response).toMatchObject({
      type: 'response', responseTo: 17, result: PC_OK, recordResponses: [{ confirmedRecord: 5, status: PC_OK }],
    });
    expect(result).toMatchObject({ type: 'appdata', resultCode: PC_OK, records: [{ service: AUTH_SERVICE }] });
    const refused = decodePlatformPackets(identified.refuse);
    expect(refused[0]).toEqual(response);
    expect(refused[1]).toMatchObject({ type: 'appdata', resultCode: PC_AUTH_DENIED, packetId: result!.packetId });
  });

  it('uses the TID when the IMEI is the all-zero filler', () => {
    const packet = auth(1, 1, { terminalId: 4242, imei: '000000000000000', simpleServices: true });
    expect(only(createEgtsSession().feed(packet, RECEIVED), 'identified').deviceId).toBe('4242');
  });

  it('tells an unconfigured terminal (TID 0, no IMEI) that its id is not found and lets it try again', () => {
    const session = createEgtsSession();
    const { reply, rejected } = only(session.feed(auth(1, 1, { terminalId: 0, simpleServices: false }), RECEIVED), 'reply');
    expect(decodePlatformPackets(reply)[1]).toMatchObject({ type: 'appdata', resultCode: PC_ID_NFOUND });
    expect(rejected).toEqual({ code: 'ID_NOT_FOUND', message: 'terminal identity with TID 0 and no IMEI: an unconfigured terminal' });
    expect(only(session.feed(auth(2, 2), RECEIVED), 'identified').deviceId).toBe(IMEI);
  });

  it('keeps the positions of an identified terminal that sends them with an unusable identity', () => {
    const session = identifiedSession();
    const frameOf = (packet: Uint8Array): Uint8Array => packet.subarray(11, packet.length - 2);
    const identity = frameOf(auth(1, 1, { terminalId: 0, simpleServices: false }));
    const fix = frameOf(encodeTelematicsPacket({ packetId: 2, records: [fixRecord(2)] }));
    const frame = new Uint8Array(identity.length + fix.length);
    frame.set(identity);
    frame.set(fix, identity.length);
    const outputs = session.feed(framePacket(frame, { packetId: 7, packetType: PT_APPDATA }), RECEIVED);
    const { positions, reply } = only(outputs, 'positions');
    expect(positions.map((p) => p.deviceId)).toEqual([IMEI]);
    const [response, result] = decodePlatformPackets(reply);
    expect(response).toMatchObject({ responseTo: 7, recordResponses: [{ confirmedRecord: 1, status: PC_OK }, { confirmedRecord: 2, status: PC_OK }] });
    expect(result).toMatchObject({ type: 'appdata', resultCode: PC_ID_NFOUND });
  });

  it('ignores the terminal confirming the result code', () => {
    const session = identifiedSession();
    const confirmation = encodeResponse({
      packetId: 2, responseTo: 1, result: PC_OK, confirmations: [{ recordNumber: 0, service: AUTH_SERVICE, status: PC_OK }],
    });
    expect(session.feed(confirmation, RECEIVED)).toEqual([]);
  });

  it('refuses positions from a terminal that has not identified itself, without confirming them', () => {
    const outputs = createEgtsSession().feed(encodeTelematicsPacket({ packetId: 3, records: [fixRecord(9)] }), RECEIVED);
    const error = only(outputs, 'error');
    expect(error.code).toBe('NOT_IDENTIFIED');
    expect(responseOf(error.reply!).recordResponses).toEqual([{ confirmedRecord: 9, status: PC_AUTH_DENIED }]);
  });
});

describe('EGTS session: telematics', () => {
  it('round-trips the encoder: fix, quality, sensors, counters and state', () => {
    const session = identifiedSession();
    const record = fixRecord(300, {
      eventId: 77,
      extended: { hdop: 0.8, vdop: 1.1, satellites: 11, navigationSystems: 3 },
      sensors: { digitalOutputs: 1, digitalInputOctets: [0x0f], analogInputs: [undefined, 2048] },
      counters: { counters: [5] },
      state: {
        state: 2, mainPowerVolts: 12.6, backupBatteryVolts: 3.7, internalBatteryVolts: 4.0,
        backupBatteryUsed: false, internalBatteryUsed: false, navigationModuleOn: true,
      },
    });
    const { positions, reply } = only(session.feed(encodeTelematicsPacket({ packetId: 40, records: [record] }), RECEIVED), 'positions');
    const position = positions[0]!;
    expect(position).toMatchObject({
      deviceId: IMEI, deviceTime: record.position.time, receivedTime: RECEIVED, speed: 62.5, course: 187,
      altitude: 455, satellites: 11, valid: true, sequence: 300,
      attributes: {
        'egts:odometer': 1520.3, 'egts:motion': true, 'egts:fix3d': true, 'egts:blackBox': false, 'egts:evid': 77,
        'egts:hdop': 0.8, 'egts:vdop': 1.1, 'egts:ns': 3, 'egts:dout': 1, 'egts:adin1': 0x0f, 'egts:ain2': 2048,
        'egts:cnt1': 5, 'egts:state': 2, 'egts:power': 12.6, 'egts:battery': 3.7, 'egts:internalBattery': 4,
        'egts:nms': true, 'egts:bbu': false,
      },
    });
    expect(position.lat).toBeCloseTo(41.311081, 6);
    expect(position.lon).toBeCloseTo(69.240562, 6);
    expect(responseOf(reply)).toMatchObject({
      responseTo: 40, result: PC_OK, recordResponses: [{ confirmedRecord: 300, status: PC_OK }],
    });
  });

  it('confirms every record of a packet in one response', () => {
    const session = identifiedSession();
    const records = [fixRecord(1), fixRecord(2), fixRecord(65535)];
    const { positions, reply } = only(session.feed(encodeTelematicsPacket({ packetId: 7, records }), RECEIVED), 'positions');
    expect(positions.map((p) => p.sequence)).toEqual([1, 2, 65535]);
    const response = responseOf(reply);
    expect(response.recordResponses.map((r) => r.confirmedRecord)).toEqual([1, 2, 65535]);
    expect(decodePlatformPackets(reply)).toHaveLength(1);
  });

  it('gives several fixes in one record distinct sequences', () => {
    const session = identifiedSession();
    const fix = fixRecord(12).position;
    // Two POS_DATA subrecords in one record: built by hand from two encoded records.
    const single = encodeTelematicsPacket({ packetId: 1, records: [{ recordNumber: 12, position: fix }] });
    const frame = single.subarray(11, single.length - 2);
    const posSubrecord = frame.subarray(7);
    const record = new Uint8Array(7 + 2 * posSubrecord.length);
    record.set(frame.subarray(0, 7));
    new DataView(record.buffer).setUint16(0, 2 * posSubrecord.length, true);
    record.set(posSubrecord, 7);
    record.set(posSubrecord, 7 + posSubrecord.length);
    const { positions } = only(session.feed(framePacket(record, { packetId: 2, packetType: 1 }), RECEIVED), 'positions');
    expect(positions.map((p) => p.sequence)).toEqual([12, 12 + 65536]);
  });

  it('decodes south-west fixes with altitude below sea level and a heading above 255', () => {
    const session = identifiedSession();
    const record = fixRecord(3, { position: { time: Date.UTC(2026, 1, 1), lat: -34.6037, lon: -58.3816, speed: 0.1, course: 359, altitude: -28 } });
    const position = only(session.feed(encodeTelematicsPacket({ packetId: 5, records: [record] }), RECEIVED), 'positions').positions[0]!;
    expect(position.lat).toBeCloseTo(-34.6037, 6);
    expect(position.lon).toBeCloseTo(-58.3816, 6);
    expect(position).toMatchObject({ speed: 0.1, course: 359, altitude: -28 });
  });

  it('reads packets that arrive one byte at a time', () => {
    const session = createEgtsSession();
    const stream = [auth(), encodeTelematicsPacket({ packetId: 2, records: [fixRecord(1), fixRecord(2)] })];
    const outputs: SessionOutput[] = [];
    for (const packet of stream) for (const byte of packet) outputs.push(...session.feed(Uint8Array.of(byte), RECEIVED));
    expect(outputs.map((o) => o.type)).toEqual(['identified', 'positions']);
    expect(only(outputs, 'positions').positions.map((p) => p.sequence)).toEqual([1, 2]);
  });

  it('reads several packets from one chunk, and a packet split across chunks', () => {
    const session = createEgtsSession();
    const packets = [auth(), ...Array.from({ length: 5 }, (_, i) => encodeTelematicsPacket({ packetId: 10 + i, records: [fixRecord(i)] }))];
    const all = new Uint8Array(packets.reduce((n, p) => n + p.length, 0));
    packets.reduce((at, p) => (all.set(p, at), at + p.length), 0);
    const cut = all.length - 10;
    const outputs = [...session.feed(all.subarray(0, cut), RECEIVED), ...session.feed(all.subarray(cut), RECEIVED)];
    expect(outputs.map((o) => o.type)).toEqual(['identified', 'positions', 'positions', 'positions', 'positions', 'positions']);
    const positions: Position[] = outputs.flatMap((o) => (o.type === 'positions' ? o.positions : []));
    expect(positions.map((p) => p.sequence)).toEqual([0, 1, 2, 3, 4]);
  });

  it('reads routed packets and signed application data', () => {
    const session = identifiedSession();
    const routed = encodeTelematicsPacket({ packetId: 3, records: [fixRecord(1)], route: { peerAddress: 1, recipientAddress: 2, ttl: 3 } });
    expect(only(session.feed(routed, RECEIVED), 'positions').positions).toHaveLength(1);
    const plain = encodeTelematicsPacket({ packetId: 4, records: [fixRecord(2)] });
    const records = plain.subarray(11, plain.length - 2);
    const signed = new Uint8Array(2 + 4 + records.length);
    new DataView(signed.buffer).setUint16(0, 4, true);
    signed.set(records, 6);
    expect(only(session.feed(framePacket(signed, { packetId: 4, packetType: 2 }), RECEIVED), 'positions').positions[0]!.sequence).toBe(2);
  });
});

describe('EGTS session: broken streams', () => {
  function corrupt(packet: Uint8Array, index: number): Uint8Array {
    const copy = packet.slice();
    copy[index]! ^= 0xff;
    return copy;
  }

  it('answers a header checksum mismatch with EGTS_PC_HEADERCRC_ERROR and closes', () => {
    const session = createEgtsSession();
    const error = only(session.feed(corrupt(auth(33), 10), RECEIVED), 'error');
    expect(error.code).toBe('HEADER_CRC_MISMATCH');
    expect(responseOf(error.reply!)).toMatchObject({ responseTo: 33, result: PC_HEADERCRC_ERROR });
    expect(session.feed(auth(), RECEIVED)).toEqual([]);
  });

  it('lets go of the bytes still waiting once it closes (found by fuzzing)', () => {
    const following = encodeTelematicsPacket({ packetId: 40, records: [fixRecord(1)] });
    const broken = createEgtsSession();
    only(broken.feed(concat(corrupt(auth(33), 10), following.subarray(0, 30)), RECEIVED), 'error');
    expect(broken.bufferedBytes).toBe(0);
    const malformed = createEgtsSession();
    const unsupported = framePacket(new Uint8Array(4), { packetId: 41, packetType: 7 });
    only(malformed.feed(concat(unsupported, following.subarray(0, 30)), RECEIVED), 'error');
    expect(malformed.bufferedBytes).toBe(0);
  });

  it('answers a frame checksum mismatch with EGTS_PC_DATACRC_ERROR and closes', () => {
    const packet = auth(34);
    const error = only(createEgtsSession().feed(corrupt(packet, packet.length - 1), RECEIVED), 'error');
    expect(error.code).toBe('DATA_CRC_MISMATCH');
    expect(responseOf(error.reply!)).toMatchObject({ responseTo: 34, result: PC_DATACRC_ERROR });
  });

  it('refuses other protocol versions and header lengths without an answer', () => {
    const packet = auth();
    const wrongVersion = packet.slice();
    wrongVersion[0] = 2;
    expect(only(createEgtsSession().feed(wrongVersion, RECEIVED), 'error')).toMatchObject({ code: 'UNSUPPORTED_VERSION' });
    expect(only(createEgtsSession().feed(new TextEncoder().encode('GET / HTTP/1.1\r\n'), RECEIVED), 'error').reply).toBeUndefined();
    const wrongLength = packet.slice();
    wrongLength[3] = 12;
    expect(only(createEgtsSession().feed(wrongLength, RECEIVED), 'error')).toMatchObject({ code: 'MALFORMED_HEADER' });
  });

  it('refuses a packet over the frame limit as soon as its header is read', () => {
    const packet = encodeTelematicsPacket({ packetId: 9, records: [fixRecord(1), fixRecord(2)] });
    const error = only(createEgtsSession({ maxFrameBytes: 60 }).feed(packet.subarray(0, 11), RECEIVED), 'error');
    expect(error.code).toBe('FRAME_TOO_LARGE');
    expect(responseOf(error.reply!)).toMatchObject({ responseTo: 9, result: PC_INVDATALEN });
  });

  it('refuses encrypted frame data, which the standard gives no algorithm for', () => {
    const packet = auth(5);
    packet[2] = 0x08;
    packet[10] = crc8Egts(packet, 0, 10);
    const error = only(createEgtsSession().feed(packet, RECEIVED), 'error');
    expect(error.code).toBe('ENCRYPTION_UNSUPPORTED');
    expect(responseOf(error.reply!).result).toBe(PC_DECRYPT_ERROR);
  });

  it('answers a record that runs past its frame with EGTS_PC_INC_DATAFORM and closes', () => {
    const packet = auth(6);
    new DataView(packet.buffer).setUint16(11, 200, true);
    new DataView(packet.buffer).setUint16(packet.length - 2, crc16CcittFalse(packet, 11, packet.length - 2), true);
    const error = only(createEgtsSession().feed(packet, RECEIVED), 'error');
    expect(error.code).toBe('MALFORMED_RECORD');
    expect(responseOf(error.reply!)).toMatchObject({ responseTo: 6, result: PC_INC_DATAFORM });
  });

  it('answers a short position subrecord with EGTS_PC_INC_DATAFORM', () => {
    const record = hex(`0700 0100 00 02 02  10 0400 00000000`);
    const error = only(identifiedSession().feed(framePacket(record, { packetId: 8, packetType: 1 }), RECEIVED), 'error');
    expect(error.code).toBe('MALFORMED_RECORD');
  });

  it('answers an unknown packet type with EGTS_PC_UNS_TYPE', () => {
    const error = only(createEgtsSession().feed(framePacket(hex('00'), { packetId: 3, packetType: 9 }), RECEIVED), 'error');
    expect(error.code).toBe('UNSUPPORTED_PACKET_TYPE');
    expect(responseOf(error.reply!).result).toBe(PC_UNS_TYPE);
  });

  it('numbers its own packets and records in sequence', () => {
    const session = identifiedSession();
    const replies = [1, 2].map((n) => only(session.feed(encodeTelematicsPacket({ packetId: n, records: [fixRecord(n)] }), RECEIVED), 'positions').reply);
    const [a, b] = replies.map((r) => decodePlatformPackets(r)[0]!.packetId);
    expect(b).toBe(a! + 1);
  });
});
