/**
 * Service data records and their subrecords (GOST 33465-2015, 6.6.2-6.6.3):
 *
 *   record:    RL(2) RN(2) RFL(1: SSOD 7, RSOD 6, GRP 5, RPP 4-3, TMFE 2, EVFE 1, OBFE 0)
 *              [OID(4)] [EVID(4)] [TM(4)] SST(1) RST(1) RD(RL bytes)
 *   subrecord: SRT(1) SRL(2) SRD(SRL bytes)
 *
 * Reading fills a caller-owned object so that walking a frame allocates nothing.
 */

export const RFL_OBFE = 0x01;
export const RFL_EVFE = 0x02;
export const RFL_TMFE = 0x04;
export const RFL_RSOD = 0x40;
export const RFL_SSOD = 0x80;

export const SUBRECORD_HEADER_LENGTH = 3;

/** A record header as read; optional fields are `-1` when absent, so the object keeps one shape. */
export interface RecordHeader {
  number: number;
  flags: number;
  objectId: number;
  eventId: number;
  /** TM, seconds since 2010-01-01 UTC. */
  time: number;
  sourceService: number;
  recipientService: number;
  dataStart: number;
  dataEnd: number;
}

export function emptyRecordHeader(): RecordHeader {
  return {
    number: 0, flags: 0, objectId: -1, eventId: -1, time: -1,
    sourceService: 0, recipientService: 0, dataStart: 0, dataEnd: 0,
  };
}

/** Length of a record header for the given RFL. */
export function recordHeaderLength(flags: number): number {
  return 7 + (flags & RFL_OBFE ? 4 : 0) + (flags & RFL_EVFE ? 4 : 0) + (flags & RFL_TMFE ? 4 : 0);
}

/**
 * Reads the record at `offset`, which must end by `limit`. Returns the offset after the record,
 * or -1 when the header or the announced data does not fit.
 */
export function readRecordHeader(
  bytes: Uint8Array, view: DataView, offset: number, limit: number, out: RecordHeader,
): number {
  if (offset + 5 > limit) return -1;
  const length = view.getUint16(offset, true);
  const flags = bytes[offset + 4]!;
  const headerLength = recordHeaderLength(flags);
  if (offset + headerLength > limit) return -1;
  out.number = view.getUint16(offset + 2, true);
  out.flags = flags;
  let at = offset + 5;
  if (flags & RFL_OBFE) { out.objectId = view.getUint32(at, true); at += 4; } else out.objectId = -1;
  if (flags & RFL_EVFE) { out.eventId = view.getUint32(at, true); at += 4; } else out.eventId = -1;
  if (flags & RFL_TMFE) { out.time = view.getUint32(at, true); at += 4; } else out.time = -1;
  out.sourceService = bytes[at]!;
  out.recipientService = bytes[at + 1]!;
  out.dataStart = at + 2;
  out.dataEnd = out.dataStart + length;
  return out.dataEnd > limit ? -1 : out.dataEnd;
}

export interface RecordFields {
  number: number;
  sourceService: number;
  recipientService: number;
  /** RFL bits other than the field-presence ones (SSOD, RSOD, GRP, RPP). */
  flags?: number;
  objectId?: number;
  eventId?: number;
  time?: number;
}

/** Writes a record header announcing `dataLength` bytes of subrecords; returns where they start. */
export function writeRecordHeader(view: DataView, offset: number, record: RecordFields, dataLength: number): number {
  let flags = (record.flags ?? 0) & 0xf8;
  if (record.objectId !== undefined) flags |= RFL_OBFE;
  if (record.eventId !== undefined) flags |= RFL_EVFE;
  if (record.time !== undefined) flags |= RFL_TMFE;
  view.setUint16(offset, dataLength, true);
  view.setUint16(offset + 2, record.number & 0xffff, true);
  view.setUint8(offset + 4, flags);
  let at = offset + 5;
  if (record.objectId !== undefined) { view.setUint32(at, record.objectId >>> 0, true); at += 4; }
  if (record.eventId !== undefined) { view.setUint32(at, record.eventId >>> 0, true); at += 4; }
  if (record.time !== undefined) { view.setUint32(at, record.time >>> 0, true); at += 4; }
  view.setUint8(at, record.sourceService);
  view.setUint8(at + 1, record.recipientService);
  return at + 2;
}

/** Length of the header `writeRecordHeader` writes for these fields. */
export function recordFieldsLength(record: RecordFields): number {
  return 7 + (record.objectId !== undefined ? 4 : 0) + (record.eventId !== undefined ? 4 : 0)
    + (record.time !== undefined ? 4 : 0);
}

export function writeSubrecordHeader(view: DataView, offset: number, type: number, length: number): number {
  view.setUint8(offset, type);
  view.setUint16(offset + 1, length, true);
  return offset + SUBRECORD_HEADER_LENGTH;
}
