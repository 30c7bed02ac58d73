/**
 * The EGTS transport layer (GOST 33465-2015, 5.6): an 11-byte header (16 with routing) closed by a CRC-8,
 * then the services frame data (SFRD) of FDL bytes closed by a CRC-16, both little-endian.
 *
 *   PRV(1) SKID(1) FLAGS(1: PRF 7-6, RTE 5, ENA 4-3, CMP 2, PR 1-0) HL(1) HE(1) FDL(2) PID(2) PT(1)
 *   [PRA(2) RCA(2) TTL(1) when RTE] HCS(1) | SFRD(FDL) | SFRCS(2, only when FDL > 0)
 */
import { crc16CcittFalse, crc8Egts } from '../crc.js';

export const PROTOCOL_VERSION = 1;
export const HEADER_LENGTH = 11;
export const ROUTED_HEADER_LENGTH = 16;

export const FLAG_RTE = 0x20;
export const FLAG_CMP = 0x04;
export const MASK_PRF = 0xc0;
export const MASK_ENA = 0x18;
export const MASK_PR = 0x03;

export interface EgtsRoute {
  /** PRA: the platform that made the packet. */
  peerAddress: number;
  /** RCA: the platform it is meant for. */
  recipientAddress: number;
  /** TTL: hops left. */
  ttl: number;
}

export interface EgtsHeader {
  version: number;
  securityKeyId: number;
  /** PRF, RTE, ENA, CMP, PR as sent. */
  flags: number;
  headerLength: number;
  headerEncoding: number;
  frameDataLength: number;
  packetId: number;
  packetType: number;
  route?: EgtsRoute;
  headerChecksum: number;
}

/** Reads a header whose HL bytes are present at `offset`; checks nothing (the session checks what it needs). */
export function readHeader(bytes: Uint8Array, offset = 0): EgtsHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const flags = bytes[offset + 2]!;
  const headerLength = bytes[offset + 3]!;
  const header: EgtsHeader = {
    version: bytes[offset]!,
    securityKeyId: bytes[offset + 1]!,
    flags,
    headerLength,
    headerEncoding: bytes[offset + 4]!,
    frameDataLength: view.getUint16(offset + 5, true),
    packetId: view.getUint16(offset + 7, true),
    packetType: bytes[offset + 9]!,
    headerChecksum: bytes[offset + headerLength - 1]!,
  };
  if (flags & FLAG_RTE) {
    header.route = {
      peerAddress: view.getUint16(offset + 10, true),
      recipientAddress: view.getUint16(offset + 12, true),
      ttl: bytes[offset + 14]!,
    };
  }
  return header;
}

/** Bytes a packet takes on the wire for a services frame of `frameDataLength` bytes. */
export function packetLength(frameDataLength: number, routed = false): number {
  return (routed ? ROUTED_HEADER_LENGTH : HEADER_LENGTH) + frameDataLength + (frameDataLength > 0 ? 2 : 0);
}

export interface PacketOptions {
  packetId: number;
  packetType: number;
  /** PR bits, 0 (highest) to 3 (lowest). */
  priority?: number;
  route?: EgtsRoute;
}

/** A packet being written: the caller fills `frameDataLength` bytes from `frameOffset`, then calls `sealPacket`. */
export interface PacketDraft {
  bytes: Uint8Array;
  view: DataView;
  frameOffset: number;
  frameDataLength: number;
}

/** Allocates a whole packet once and writes its header, so replies cost one allocation. */
export function startPacket(frameDataLength: number, options: PacketOptions): PacketDraft {
  const routed = options.route !== undefined;
  const headerLength = routed ? ROUTED_HEADER_LENGTH : HEADER_LENGTH;
  const bytes = new Uint8Array(packetLength(frameDataLength, routed));
  const view = new DataView(bytes.buffer);
  bytes[0] = PROTOCOL_VERSION;
  bytes[1] = 0;
  bytes[2] = (routed ? FLAG_RTE : 0) | ((options.priority ?? 0) & MASK_PR);
  bytes[3] = headerLength;
  bytes[4] = 0;
  view.setUint16(5, frameDataLength, true);
  view.setUint16(7, options.packetId & 0xffff, true);
  bytes[9] = options.packetType;
  if (options.route) {
    view.setUint16(10, options.route.peerAddress, true);
    view.setUint16(12, options.route.recipientAddress, true);
    bytes[14] = options.route.ttl;
  }
  bytes[headerLength - 1] = crc8Egts(bytes, 0, headerLength - 1);
  return { bytes, view, frameOffset: headerLength, frameDataLength };
}

/** Writes the services frame checksum once the frame is filled in. */
export function sealPacket(draft: PacketDraft): Uint8Array {
  const { bytes, view, frameOffset, frameDataLength } = draft;
  if (frameDataLength > 0) {
    const end = frameOffset + frameDataLength;
    view.setUint16(end, crc16CcittFalse(bytes, frameOffset, end), true);
  }
  return bytes;
}

/** A whole packet around a services frame already built. */
export function framePacket(frame: Uint8Array, options: PacketOptions): Uint8Array {
  const draft = startPacket(frame.length, options);
  draft.bytes.set(frame, draft.frameOffset);
  return sealPacket(draft);
}
