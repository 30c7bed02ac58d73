/**
 * One EGTS connection as a pure state machine (the `ProtocolSession` contract): bytes in, identification,
 * positions and the exact reply packets out.
 *
 * Identification. The terminal authenticates with EGTS_SR_TERM_IDENTITY. Its device id is the IMEI when the
 * terminal sends a real one, because that is what is printed on a seal and registered for it; otherwise the
 * operator-assigned TID in decimal (`deviceIdFrom: 'tid'` always uses the TID). TID 0 without an IMEI is an
 * unconfigured terminal: it gets EGTS_PC_ID_NFOUND and may authenticate again on the same connection, as the
 * standard describes. A terminal that skips authentication but puts OID in its telematics records (common for
 * trackers and for retransmission) is identified by that OID.
 *
 * Replies. Every application packet is answered with one EGTS_PT_RESPONSE (RPID = its PID, PR = EGTS_PC_OK)
 * holding an EGTS_SR_RECORD_RESPONSE for each of its records. On authentication the platform then sends the
 * result in a packet of its own (EGTS_SR_RESULT_CODE: 0 accepted, 151 denied); `accept` and `refuse` are those
 * bytes, response first. A terminal only erases records confirmed with status 0, so positions are confirmed in
 * the `positions` reply, which the server sends once they are durable.
 *
 * Sequence. `sequence` is the record number RN, plus 65536 times the index of the fix within its record when
 * one record carries several. A terminal keeps a record, RN included, until it is confirmed, but may pack
 * unconfirmed records into a new packet with a new PID after a reconnection; so RN (with the device time, to
 * tell wrapped numbers apart) identifies a resent fix, while PID + RN would not.
 */
import { isDeviceId } from '../device-id.js';
import type { AttributeValue, Position } from '../../core/model/index.js';
import {
  DEFAULT_SESSION_LIMITS, type BufferedProtocolSession, type SessionLimits, type SessionOutput,
} from '../session.js';
import {
  AUTH_SERVICE, PC_AUTH_DENIED, PC_ID_NFOUND, PC_INC_DATAFORM, PC_OBJ_NFOUND, PC_OK, PC_UNS_TYPE,
  PT_APPDATA, PT_RESPONSE, PT_SIGNED_APPDATA, SR_AD_SENSORS_DATA, SR_COUNTERS_DATA, SR_EXT_POS_DATA,
  SR_POS_DATA, SR_STATE_DATA, SR_TERM_IDENTITY, TELEDATA_SERVICE,
} from './codes.js';
import { EgtsFrameReader, FRAME_ERROR, FRAME_INCOMPLETE } from './frame-reader.js';
import { emptyRecordHeader, readRecordHeader, SUBRECORD_HEADER_LENGTH, type RecordHeader } from './records.js';
import { encodeResponseFrom, encodeResultCodePacket } from './response.js';
import { decodeAdSensorsData } from './subrecords/ad-sensors-data.js';
import { decodeCountersData } from './subrecords/counters-data.js';
import { decodeExtPosData } from './subrecords/ext-pos-data.js';
import { emptyPosData, readPosData } from './subrecords/pos-data.js';
import { decodeStateData } from './subrecords/state-data.js';
import { decodeTermIdentity, isKnownIdentifier, type TermIdentity } from './subrecords/term-identity.js';

export interface EgtsSessionOptions {
  /** Which identifier of EGTS_SR_TERM_IDENTITY names the device: the IMEI when known (default), or the TID. */
  deviceIdFrom?: 'imei' | 'tid';
}

/** Nothing to do; shared so that a call that completes no packet allocates nothing. Never mutated. */
const NONE = Object.freeze([]) as unknown as SessionOutput[];
const NOTHING = new Uint8Array(0);

const numbered = (prefix: string): string[] => Array.from({ length: 8 }, (_, i) => `${prefix}${i + 1}`);
const INPUT_OCTET_KEYS = numbered('egts:adin');
const ANALOG_KEYS = numbered('egts:ain');
const COUNTER_KEYS = numbered('egts:cnt');

/** The packet and first record numbers of a response being built. */
interface ResponseNumbering {
  packetId: number;
  firstRecord: number;
}

/** Where subrecords that describe a fix (quality, sensors, state) put what they carry. */
interface FixDetails {
  attributes: Record<string, AttributeValue>;
  satellites?: number;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

class EgtsSession implements BufferedProtocolSession {
  private readonly reader: EgtsFrameReader;
  private deviceId: string | undefined;
  private closed = false;
  private nextPacketId = 0;
  private nextRecordNumber = 0;
  /** The records of the packet being read, to confirm them; reused from packet to packet. */
  private recordCount = 0;
  private readonly recordNumbers: number[] = [];
  private readonly recordServices: number[] = [];
  private readonly record: RecordHeader = emptyRecordHeader();
  private readonly fix = emptyPosData();

  constructor(limits: SessionLimits, private readonly options: EgtsSessionOptions) {
    this.reader = new EgtsFrameReader(limits.maxFrameBytes);
  }

  get bufferedBytes(): number {
    return this.reader.pending;
  }

  feed(chunk: Uint8Array, receivedAt: number): SessionOutput[] {
    if (this.closed) return NONE;
    const reader = this.reader;
    reader.append(chunk);
    let out: SessionOutput[] | undefined;
    for (;;) {
      const status = reader.next();
      if (status === FRAME_INCOMPLETE) break;
      out ??= [];
      if (status === FRAME_ERROR) {
        this.close();
        const error: SessionOutput = { type: 'error', code: reader.errorCode, message: reader.errorMessage };
        if (reader.errorResult >= 0) error.reply = this.response(reader.packetId, reader.errorResult, 0, PC_OK);
        out.push(error);
        break;
      }
      this.onPacket(out, receivedAt);
      if (this.closed) break;
    }
    return out ?? NONE;
  }

  private takePacketId(): number {
    const id = this.nextPacketId;
    this.nextPacketId = (id + 1) & 0xffff;
    return id;
  }

  private takeRecordNumbers(count: number): number {
    const first = this.nextRecordNumber;
    this.nextRecordNumber = (first + count) & 0xffff;
    return first;
  }

  /**
   * A response to `packetId` confirming the first `count` records of the packet just read with `status`.
   * Alternatives of which only one is sent pass the same `numbering`, so no number is skipped.
   */
  private response(
    packetId: number, result: number, count: number, status: number,
    numbering: ResponseNumbering = this.numbering(count),
  ): Uint8Array {
    return encodeResponseFrom(
      numbering.packetId, packetId, result, count, this.recordNumbers, this.recordServices, status,
      numbering.firstRecord,
    );
  }

  private numbering(records: number): ResponseNumbering {
    return { packetId: this.takePacketId(), firstRecord: this.takeRecordNumbers(records) };
  }

  /** Nothing more is read; the bytes still waiting are let go, as the connection may linger until it closes. */
  private close(): void {
    this.closed = true;
    this.reader.clear();
  }

  private fail(out: SessionOutput[], code: string, message: string, reply?: Uint8Array): void {
    this.close();
    out.push(reply ? { type: 'error', code, message, reply } : { type: 'error', code, message });
  }

  private onPacket(out: SessionOutput[], receivedAt: number): void {
    const reader = this.reader;
    switch (reader.packetType) {
      case PT_RESPONSE:
        // The terminal confirming our result-code packet: nothing to do.
        return;
      case PT_APPDATA:
        this.onAppData(out, reader.frameStart, reader.frameEnd, receivedAt);
        return;
      case PT_SIGNED_APPDATA: {
        // SIGL(2) SIGD(SIGL) precede the records; no signature scheme is defined, so it is skipped.
        const start = reader.frameStart + 2;
        const recordsStart = start + (start <= reader.frameEnd ? reader.view.getUint16(reader.frameStart, true) : 0);
        if (start > reader.frameEnd || recordsStart > reader.frameEnd) {
          this.fail(out, 'MALFORMED_RECORD', 'signature runs past the frame',
            this.response(reader.packetId, PC_INC_DATAFORM, 0, PC_OK));
          return;
        }
        this.onAppData(out, recordsStart, reader.frameEnd, receivedAt);
        return;
      }
      default:
        this.fail(out, 'UNSUPPORTED_PACKET_TYPE', `packet type ${reader.packetType}`,
          this.response(reader.packetId, PC_UNS_TYPE, 0, PC_OK));
    }
  }

  private onAppData(out: SessionOutput[], start: number, end: number, receivedAt: number): void {
    const { bytes, view, packetId } = this.reader;
    const record = this.record;
    const malformed = (message: string): void =>
      this.fail(out, 'MALFORMED_RECORD', message, this.response(packetId, PC_INC_DATAFORM, 0, PC_OK));
    let identity: TermIdentity | undefined;
    let objectId = -1;
    let positions: Position[] | undefined;
    this.recordCount = 0;
    let at = start;
    while (at < end) {
      const next = readRecordHeader(bytes, view, at, end, record);
      if (next < 0) return malformed(`record at ${at - start} runs past the frame`);
      this.recordNumbers[this.recordCount] = record.number;
      this.recordServices[this.recordCount] = record.recipientService;
      this.recordCount++;
      if (record.objectId >= 0 && objectId < 0) objectId = record.objectId;
      const service = record.recipientService;
      let details: FixDetails | undefined;
      let fixIndex = 0;
      let sr = record.dataStart;
      while (sr < record.dataEnd) {
        if (sr + SUBRECORD_HEADER_LENGTH > record.dataEnd) return malformed(`record ${record.number}: truncated subrecord header`);
        const type = bytes[sr]!;
        const ds = sr + SUBRECORD_HEADER_LENGTH;
        const de = ds + view.getUint16(sr + 1, true);
        if (de > record.dataEnd) return malformed(`record ${record.number}: subrecord ${type} runs past the record`);
        if (service === TELEDATA_SERVICE) {
          if (type === SR_POS_DATA) {
            if (!readPosData(bytes, view, ds, de, this.fix)) return malformed(`record ${record.number}: short position data`);
            const position = this.toPosition(record, fixIndex++, receivedAt, details);
            (positions ??= []).push(position);
            details = position;
          } else if (type >= SR_EXT_POS_DATA && type <= SR_STATE_DATA) {
            details ??= { attributes: {} };
            if (!this.describeFix(type, bytes, view, ds, de, details)) {
              return malformed(`record ${record.number}: short subrecord ${type}`);
            }
          }
        } else if (service === AUTH_SERVICE && type === SR_TERM_IDENTITY) {
          identity = decodeTermIdentity(bytes, view, ds, de);
          if (!identity) return malformed(`record ${record.number}: short terminal identity`);
        }
        sr = de;
      }
      at = next;
    }
    this.answer(out, packetId, identity, objectId, positions);
  }

  /** Decides what the packet means for the connection and what to send back. */
  private answer(
    out: SessionOutput[], packetId: number, identity: TermIdentity | undefined, objectId: number,
    positions: Position[] | undefined,
  ): void {
    const count = this.recordCount;
    const identified = identity ? this.deviceIdOf(identity) : undefined;
    let deviceId = identified ?? this.deviceId;
    const byObject = positions !== undefined && deviceId === undefined && objectId >= 0;
    if (byObject) deviceId = String(objectId);
    if (positions && deviceId === undefined) {
      // Refused rather than confirmed: the terminal keeps the records and sends them after authenticating.
      let reply = this.response(packetId, PC_OK, count, PC_AUTH_DENIED);
      if (identity) reply = concat(reply, encodeResultCodePacket(this.takePacketId(), this.takeRecordNumbers(1), PC_ID_NFOUND));
      this.fail(out, 'NOT_IDENTIFIED', 'position data from a terminal that has not identified itself', reply);
      return;
    }
    const numbering = this.numbering(count);
    const confirmed = this.response(packetId, PC_OK, count, PC_OK, numbering);
    if (identity && identified === undefined) {
      const reply = concat(confirmed, encodeResultCodePacket(this.takePacketId(), this.takeRecordNumbers(1), PC_ID_NFOUND));
      if (positions) {
        // Identified earlier on this connection: its positions are still its own, and are confirmed with them.
        for (let i = 0; i < positions.length; i++) positions[i]!.deviceId = deviceId!;
        out.push({ type: 'positions', positions, reply });
        return;
      }
      const names = this.options.deviceIdFrom === 'tid' ? 'TID 0' : 'TID 0 and no IMEI';
      out.push({
        type: 'reply', reply,
        rejected: { code: 'ID_NOT_FOUND', message: `terminal identity with ${names}: an unconfigured terminal` },
      });
      return;
    }
    if (identified !== undefined) {
      this.deviceId = identified;
      // Both outcomes are prepared; the server sends one, so they share packet and record numbers.
      const resultPacketId = this.takePacketId();
      const resultRecord = this.takeRecordNumbers(1);
      const accepted = encodeResultCodePacket(resultPacketId, resultRecord, PC_OK);
      const refused = encodeResultCodePacket(resultPacketId, resultRecord, PC_AUTH_DENIED);
      out.push({
        type: 'identified',
        deviceId: identified,
        // With positions in the same packet, the response waits for them to be durable.
        accept: positions ? accepted : concat(confirmed, accepted),
        refuse: concat(confirmed, refused),
      });
    } else if (byObject) {
      this.deviceId = deviceId;
      out.push({
        type: 'identified', deviceId: deviceId!, accept: NOTHING,
        refuse: this.response(packetId, PC_OK, count, PC_OBJ_NFOUND, numbering),
      });
    }
    if (positions) {
      for (let i = 0; i < positions.length; i++) positions[i]!.deviceId = deviceId!;
      out.push({ type: 'positions', positions, reply: confirmed });
    } else if (identified === undefined) {
      out.push({ type: 'reply', reply: confirmed });
    }
  }

  private deviceIdOf(identity: TermIdentity): string | undefined {
    if (this.options.deviceIdFrom !== 'tid' && isKnownIdentifier(identity.imei) && isDeviceId(identity.imei)) return identity.imei;
    return identity.terminalId !== 0 ? String(identity.terminalId) : undefined;
  }

  private toPosition(record: RecordHeader, fixIndex: number, receivedAt: number, before: FixDetails | undefined): Position {
    const fix = this.fix;
    const attributes: Record<string, AttributeValue> = {
      'egts:din': fix.digitalInputs,
      'egts:src': fix.source,
      'egts:odometer': fix.odometer,
      'egts:motion': fix.moving,
      'egts:blackBox': fix.blackBox,
      'egts:fix3d': fix.fix3d,
    };
    if (fix.sourceData !== undefined) attributes['egts:srcd'] = fix.sourceData;
    if (fix.pz90) attributes['egts:pz90'] = true;
    if (record.objectId >= 0) attributes['egts:oid'] = record.objectId;
    if (record.eventId >= 0) attributes['egts:evid'] = record.eventId;
    const position: Position = {
      deviceId: '',
      deviceTime: fix.time,
      receivedTime: receivedAt,
      lat: fix.lat,
      lon: fix.lon,
      speed: fix.speed,
      course: fix.course % 360,
      valid: fix.valid,
      sequence: record.number + fixIndex * 0x10000,
      attributes,
    };
    if (fix.altitude !== undefined) position.altitude = fix.altitude;
    // Details sent ahead of the first fix of a record belong to it.
    if (before) {
      Object.assign(attributes, before.attributes);
      if (before.satellites !== undefined) position.satellites = before.satellites;
    }
    return position;
  }

  /** Adds what an extended-position, sensor, counter or state subrecord says; false when it is too short. */
  private describeFix(type: number, bytes: Uint8Array, view: DataView, start: number, end: number, into: FixDetails): boolean {
    const attributes = into.attributes;
    switch (type) {
      case SR_EXT_POS_DATA: {
        const ext = decodeExtPosData(bytes, view, start, end);
        if (!ext) return false;
        if (ext.satellites !== undefined) into.satellites = ext.satellites;
        if (ext.hdop !== undefined) attributes['egts:hdop'] = ext.hdop;
        if (ext.vdop !== undefined) attributes['egts:vdop'] = ext.vdop;
        if (ext.pdop !== undefined) attributes['egts:pdop'] = ext.pdop;
        if (ext.navigationSystems !== undefined) attributes['egts:ns'] = ext.navigationSystems;
        return true;
      }
      case SR_AD_SENSORS_DATA: {
        const sensors = decodeAdSensorsData(bytes, start, end);
        if (!sensors) return false;
        attributes['egts:dout'] = sensors.digitalOutputs;
        for (let i = 0; i < 8; i++) {
          const octet = sensors.digitalInputOctets[i];
          if (octet !== undefined) attributes[INPUT_OCTET_KEYS[i]!] = octet;
          const analog = sensors.analogInputs[i];
          if (analog !== undefined) attributes[ANALOG_KEYS[i]!] = analog;
        }
        return true;
      }
      case SR_COUNTERS_DATA: {
        const counters = decodeCountersData(bytes, start, end);
        if (!counters) return false;
        for (let i = 0; i < 8; i++) {
          const value = counters.counters[i];
          if (value !== undefined) attributes[COUNTER_KEYS[i]!] = value;
        }
        return true;
      }
      case SR_STATE_DATA: {
        const state = decodeStateData(bytes, start, end);
        if (!state) return false;
        attributes['egts:state'] = state.state;
        attributes['egts:power'] = state.mainPowerVolts;
        attributes['egts:battery'] = state.backupBatteryVolts;
        attributes['egts:internalBattery'] = state.internalBatteryVolts;
        attributes['egts:bbu'] = state.backupBatteryUsed;
        attributes['egts:ibu'] = state.internalBatteryUsed;
        attributes['egts:nms'] = state.navigationModuleOn;
        return true;
      }
      default:
        return true;
    }
  }
}

/** A session for one EGTS connection. */
export function createEgtsSession(
  limits: SessionLimits = DEFAULT_SESSION_LIMITS, options: EgtsSessionOptions = {},
): BufferedProtocolSession {
  return new EgtsSession(limits, options);
}
