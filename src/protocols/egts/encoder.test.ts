import { describe, expect, it } from 'vitest';
import { AUTH_SERVICE, PC_OK, TELEDATA_SERVICE } from './codes.js';
import { decodePlatformPackets, EgtsPlatformReader, encodeAuthPacket, encodeTelematicsPacket } from './encoder.js';
import { encodeResponse, encodeResultCodePacket } from './response.js';
import { hex } from './test-support.js';
import { readHeader } from './transport.js';

describe('EGTS terminal side', () => {
  it('reads a published platform response', () => {
    expect(decodePlatformPackets(hex('0100030B0003008900004A15380033E8'))).toEqual([
      { type: 'response', packetId: 137, responseTo: 14357, result: PC_OK, recordResponses: [] },
    ]);
  });

  it('reads responses and result codes from a stream cut anywhere', () => {
    const stream = new Uint8Array([
      ...encodeResponse({
        packetId: 1, responseTo: 10, result: PC_OK, firstRecordNumber: 4,
        confirmations: [{ recordNumber: 3, service: AUTH_SERVICE, status: PC_OK }],
      }),
      ...encodeResultCodePacket(2, 5, 0),
    ]);
    const reader = new EgtsPlatformReader();
    const packets = [];
    for (const byte of stream) packets.push(...reader.feed(Uint8Array.of(byte)));
    expect(packets).toEqual([
      { type: 'response', packetId: 1, responseTo: 10, result: PC_OK, recordResponses: [{ confirmedRecord: 3, status: PC_OK }] },
      { type: 'appdata', packetId: 2, records: [{ recordNumber: 5, service: AUTH_SERVICE }], resultCode: 0, recordResponses: [] },
    ]);
  });

  it('throws on a broken stream', () => {
    const packet = encodeResultCodePacket(1, 1, 0);
    packet[packet.length - 1]! ^= 1;
    expect(() => new EgtsPlatformReader().feed(packet)).toThrow(/DATA_CRC_MISMATCH/);
  });

  it('builds application packets the transport layer accepts', () => {
    const authPacket = encodeAuthPacket({ packetId: 65535, recordNumber: 1, identity: { terminalId: 1, simpleServices: true }, objectId: 1 });
    expect(readHeader(authPacket)).toMatchObject({ packetId: 65535, packetType: 1, frameDataLength: authPacket.length - 13 });
    const telematics = encodeTelematicsPacket({
      packetId: 2,
      records: [{ recordNumber: 1, objectId: 5, time: Date.UTC(2026, 0, 1), position: { time: Date.UTC(2026, 0, 1), lat: 1, lon: 2, speed: 3, course: 4 } }],
    });
    const header = readHeader(telematics);
    expect(header).toMatchObject({ packetType: 1, frameDataLength: telematics.length - 13 });
    // RL + RN + RFL + OID + TM + SST + RST, then POS_DATA.
    expect(telematics[11 + 4]).toBe(0x80 | 0x01 | 0x04);
    expect(telematics[11 + 13]).toBe(TELEDATA_SERVICE);
  });
});
