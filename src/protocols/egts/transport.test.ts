import { describe, expect, it } from 'vitest';
import { crc16CcittFalse, crc8Egts } from '../crc.js';
import { PT_APPDATA, PT_RESPONSE } from './codes.js';
import { hex } from './test-support.js';
import { framePacket, packetLength, readHeader, ROUTED_HEADER_LENGTH } from './transport.js';

// A published EGTS_PT_RESPONSE (README of kuznetsovin/egts-protocol): RPID 14357, PR 0, priority "low".
const PUBLISHED_RESPONSE = hex('0100030B0003008900004A15380033E8');

describe('EGTS transport header', () => {
  it('reads a published response header', () => {
    expect(readHeader(PUBLISHED_RESPONSE)).toEqual({
      version: 1, securityKeyId: 0, flags: 0x03, headerLength: 11, headerEncoding: 0, frameDataLength: 3,
      packetId: 137, packetType: PT_RESPONSE, headerChecksum: 0x4a,
    });
  });

  it('agrees with the published checksums: CRC-8 over the header, CRC-16 over the frame', () => {
    expect(crc8Egts(PUBLISHED_RESPONSE, 0, 10)).toBe(PUBLISHED_RESPONSE[10]);
    expect(crc16CcittFalse(PUBLISHED_RESPONSE, 11, 14)).toBe(0xe833);
  });

  it('rebuilds the published packet byte for byte', () => {
    const frame = hex('153800');
    expect(framePacket(frame, { packetId: 137, packetType: PT_RESPONSE, priority: 3 })).toEqual(PUBLISHED_RESPONSE);
  });

  it('writes the routing fields and a 16-byte header when routed', () => {
    const packet = framePacket(hex('00'), {
      packetId: 7, packetType: PT_APPDATA, route: { peerAddress: 0x1234, recipientAddress: 0x5678, ttl: 9 },
    });
    expect(packet.length).toBe(packetLength(1, true));
    const header = readHeader(packet);
    expect(header.headerLength).toBe(ROUTED_HEADER_LENGTH);
    expect(header.route).toEqual({ peerAddress: 0x1234, recipientAddress: 0x5678, ttl: 9 });
    expect(crc8Egts(packet, 0, 15)).toBe(packet[15]);
  });

  it('has no frame checksum when there is no frame', () => {
    expect(framePacket(new Uint8Array(0), { packetId: 1, packetType: PT_RESPONSE }).length).toBe(11);
  });
});
