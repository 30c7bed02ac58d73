/**
 * The terminal's side of EGTS, for tests and the fleet simulator: build the packets a navigation seal sends
 * (authentication, telematics) and read what the platform answers (responses, result codes), so that a
 * simulated seal can resend what is not confirmed exactly as a real one does.
 */
import {
  AUTH_SERVICE, PT_APPDATA, PT_RESPONSE, SR_AD_SENSORS_DATA, SR_COUNTERS_DATA, SR_EXT_POS_DATA, SR_POS_DATA,
  SR_RECORD_RESPONSE, SR_RESULT_CODE, SR_STATE_DATA, SR_TERM_IDENTITY, TELEDATA_SERVICE,
} from './codes.js';
import { EgtsFrameReader, FRAME_ERROR, FRAME_INCOMPLETE } from './frame-reader.js';
import {
  emptyRecordHeader, readRecordHeader, recordFieldsLength, RFL_SSOD, SUBRECORD_HEADER_LENGTH, writeRecordHeader,
  writeSubrecordHeader, type RecordFields,
} from './records.js';
import { adSensorsDataLength, writeAdSensorsData, type AdSensorsData } from './subrecords/ad-sensors-data.js';
import { countersDataLength, writeCountersData, type CountersData } from './subrecords/counters-data.js';
import { extPosDataLength, writeExtPosData, type ExtPosData } from './subrecords/ext-pos-data.js';
import { posDataLength, writePosData, type PosDataInput } from './subrecords/pos-data.js';
import { decodeRecordResponse, type RecordResponse } from './subrecords/record-response.js';
import { decodeResultCode } from './subrecords/result-code.js';
import { SR_STATE_DATA_LENGTH, writeStateData, type StateData } from './subrecords/state-data.js';
import { termIdentityLength, writeTermIdentity, type TermIdentity } from './subrecords/term-identity.js';
import { sealPacket, startPacket, type EgtsRoute } from './transport.js';

/** A subrecord to write: its type, its length and how to write its data. */
interface SubrecordPlan {
  type: number;
  length: number;
  write: (view: DataView, offset: number) => number;
}

interface RecordPlan {
  fields: RecordFields;
  subrecords: SubrecordPlan[];
}

function recordDataLength(plan: RecordPlan): number {
  let length = 0;
  for (const sr of plan.subrecords) length += SUBRECORD_HEADER_LENGTH + sr.length;
  return length;
}

function encodeAppData(packetId: number, records: RecordPlan[], route?: EgtsRoute): Uint8Array {
  let frameLength = 0;
  for (const plan of records) frameLength += recordFieldsLength(plan.fields) + recordDataLength(plan);
  const draft = startPacket(frameLength, route ? { packetId, packetType: PT_APPDATA, route } : { packetId, packetType: PT_APPDATA });
  let at = draft.frameOffset;
  for (const plan of records) {
    at = writeRecordHeader(draft.view, at, plan.fields, recordDataLength(plan));
    for (const sr of plan.subrecords) {
      at = writeSubrecordHeader(draft.view, at, sr.type, sr.length);
      at = sr.write(draft.view, at);
    }
  }
  return sealPacket(draft);
}

export interface AuthPacket {
  packetId: number;
  recordNumber: number;
  identity: TermIdentity;
  /** OID of the record, when the terminal also names itself there. */
  objectId?: number;
}

/** The first packet of a connection: one authentication-service record with EGTS_SR_TERM_IDENTITY. */
export function encodeAuthPacket(packet: AuthPacket): Uint8Array {
  const fields: RecordFields = {
    number: packet.recordNumber, sourceService: AUTH_SERVICE, recipientService: AUTH_SERVICE, flags: RFL_SSOD,
  };
  if (packet.objectId !== undefined) fields.objectId = packet.objectId;
  return encodeAppData(packet.packetId, [{
    fields,
    subrecords: [{
      type: SR_TERM_IDENTITY,
      length: termIdentityLength(packet.identity),
      write: (view, offset) => writeTermIdentity(view, offset, packet.identity),
    }],
  }]);
}

/** One telematics record: a fix and what describes it, in the order terminals send them. */
export interface TelematicsRecord {
  recordNumber: number;
  objectId?: number;
  eventId?: number;
  /** Record time (TM), milliseconds since the Unix epoch. */
  time?: number;
  position: PosDataInput;
  extended?: ExtPosData;
  sensors?: AdSensorsData;
  counters?: CountersData;
  state?: StateData;
}

export interface TelematicsPacket {
  packetId: number;
  records: readonly TelematicsRecord[];
  route?: EgtsRoute;
}

function telematicsPlan(record: TelematicsRecord): RecordPlan {
  const fields: RecordFields = {
    number: record.recordNumber, sourceService: TELEDATA_SERVICE, recipientService: TELEDATA_SERVICE, flags: RFL_SSOD,
  };
  if (record.objectId !== undefined) fields.objectId = record.objectId;
  if (record.eventId !== undefined) fields.eventId = record.eventId;
  if (record.time !== undefined) fields.time = Math.floor((record.time - Date.UTC(2010, 0, 1)) / 1000);
  const subrecords: SubrecordPlan[] = [{
    type: SR_POS_DATA,
    length: posDataLength(record.position),
    write: (view, offset) => writePosData(view, offset, record.position),
  }];
  const { extended, sensors, counters, state } = record;
  if (extended) {
    subrecords.push({ type: SR_EXT_POS_DATA, length: extPosDataLength(extended), write: (v, o) => writeExtPosData(v, o, extended) });
  }
  if (sensors) {
    subrecords.push({ type: SR_AD_SENSORS_DATA, length: adSensorsDataLength(sensors), write: (v, o) => writeAdSensorsData(v, o, sensors) });
  }
  if (counters) {
    subrecords.push({ type: SR_COUNTERS_DATA, length: countersDataLength(counters), write: (v, o) => writeCountersData(v, o, counters) });
  }
  if (state) {
    subrecords.push({ type: SR_STATE_DATA, length: SR_STATE_DATA_LENGTH, write: (v, o) => writeStateData(v, o, state) });
  }
  return { fields, subrecords };
}

export function encodeTelematicsPacket(packet: TelematicsPacket): Uint8Array {
  return encodeAppData(packet.packetId, packet.records.map(telematicsPlan), packet.route);
}

/** What the platform sent, as the terminal reads it. */
export type PlatformPacket =
  | {
    type: 'response';
    packetId: number;
    /** RPID: the terminal's packet this answers. */
    responseTo: number;
    /** PR: the transport-level result. */
    result: number;
    recordResponses: RecordResponse[];
  }
  | {
    type: 'appdata';
    packetId: number;
    /** The records to confirm, with the service each came to. */
    records: { recordNumber: number; service: number }[];
    /** EGTS_SR_RESULT_CODE, when the packet carries the authentication result. */
    resultCode?: number;
    recordResponses: RecordResponse[];
  };

function readRecords(
  bytes: Uint8Array, view: DataView, start: number, end: number, packet: { recordResponses: RecordResponse[] },
  onRecord?: (recordNumber: number, service: number) => void, onResultCode?: (code: number) => void,
): void {
  const header = emptyRecordHeader();
  let at = start;
  while (at < end) {
    const next = readRecordHeader(bytes, view, at, end, header);
    if (next < 0) throw new Error('EGTS: record runs past the frame');
    onRecord?.(header.number, header.recipientService);
    let sr = header.dataStart;
    while (sr + SUBRECORD_HEADER_LENGTH <= header.dataEnd) {
      const type = bytes[sr]!;
      const ds = sr + SUBRECORD_HEADER_LENGTH;
      const de = ds + view.getUint16(sr + 1, true);
      if (de > header.dataEnd) throw new Error('EGTS: subrecord runs past the record');
      if (type === SR_RECORD_RESPONSE) {
        const response = decodeRecordResponse(view, ds, de);
        if (response) packet.recordResponses.push(response);
      } else if (type === SR_RESULT_CODE && header.recipientService === AUTH_SERVICE) {
        const code = decodeResultCode(bytes, ds, de);
        if (code !== undefined) onResultCode?.(code);
      }
      sr = de;
    }
    at = next;
  }
}

/**
 * Reads the platform's packets from a stream, in chunks of any size. Throws on a broken stream (bad checksum,
 * unsupported version), which a simulated terminal treats as a lost connection.
 */
export class EgtsPlatformReader {
  private readonly reader: EgtsFrameReader;

  constructor(maxFrameBytes = 64 * 1024) {
    this.reader = new EgtsFrameReader(maxFrameBytes);
  }

  feed(chunk: Uint8Array): PlatformPacket[] {
    const reader = this.reader;
    reader.append(chunk);
    const packets: PlatformPacket[] = [];
    for (;;) {
      const status = reader.next();
      if (status === FRAME_INCOMPLETE) return packets;
      if (status === FRAME_ERROR) throw new Error(`EGTS ${reader.errorCode}: ${reader.errorMessage}`);
      const { bytes, view, frameStart, frameEnd, packetId } = reader;
      if (reader.packetType === PT_RESPONSE) {
        if (frameEnd - frameStart < 3) throw new Error('EGTS: response shorter than RPID and PR');
        const packet: PlatformPacket = {
          type: 'response', packetId, responseTo: view.getUint16(frameStart, true), result: bytes[frameStart + 2]!,
          recordResponses: [],
        };
        readRecords(bytes, view, frameStart + 3, frameEnd, packet);
        packets.push(packet);
      } else {
        const packet: PlatformPacket & { type: 'appdata' } = { type: 'appdata', packetId, records: [], recordResponses: [] };
        readRecords(bytes, view, frameStart, frameEnd, packet,
          (recordNumber, service) => packet.records.push({ recordNumber, service }),
          (code) => { packet.resultCode = code; });
        packets.push(packet);
      }
    }
  }
}

/** Reads whole platform packets from bytes known to hold only whole packets. */
export function decodePlatformPackets(bytes: Uint8Array): PlatformPacket[] {
  return new EgtsPlatformReader(Math.max(64 * 1024, bytes.length)).feed(bytes);
}
