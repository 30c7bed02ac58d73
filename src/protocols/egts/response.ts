/**
 * What a receiver sends back: an EGTS_PT_RESPONSE packet (RPID, PR) that, as GOST 33465-2015 (6.7.2.1)
 * recommends, also carries one record with an EGTS_SR_RECORD_RESPONSE for each record received, and the
 * authentication result (EGTS_SR_RESULT_CODE) that the platform sends in a packet of its own.
 */
import { AUTH_SERVICE, PT_APPDATA, PT_RESPONSE, SR_RECORD_RESPONSE, SR_RESULT_CODE } from './codes.js';
import { writeRecordHeader, writeSubrecordHeader } from './records.js';
import { SR_RECORD_RESPONSE_LENGTH, writeRecordResponse } from './subrecords/record-response.js';
import { SR_RESULT_CODE_LENGTH, writeResultCode } from './subrecords/result-code.js';
import { sealPacket, startPacket } from './transport.js';

/** A record header without optional fields (7) plus one subrecord header (3) and a record response (3). */
const CONFIRMATION_RECORD_LENGTH = 7 + 3 + SR_RECORD_RESPONSE_LENGTH;

export interface RecordConfirmation {
  /** RN of the record confirmed. */
  recordNumber: number;
  /** The service the record was addressed to (its RST); the confirmation comes from it. */
  service: number;
  /** Processing result code for the record. */
  status: number;
}

/**
 * Writes a response packet from parallel arrays, the allocation-free form the session uses.
 * Confirmation records are numbered from `firstRecordNumber` on.
 */
export function encodeResponseFrom(
  packetId: number, responseTo: number, result: number, count: number,
  recordNumbers: ArrayLike<number>, services: ArrayLike<number>, statuses: ArrayLike<number> | number,
  firstRecordNumber: number,
): Uint8Array {
  const draft = startPacket(3 + count * CONFIRMATION_RECORD_LENGTH, { packetId, packetType: PT_RESPONSE });
  const view = draft.view;
  let at = draft.frameOffset;
  view.setUint16(at, responseTo & 0xffff, true);
  view.setUint8(at + 2, result);
  at += 3;
  for (let i = 0; i < count; i++) {
    const service = services[i]!;
    at = writeRecordHeader(view, at, {
      number: (firstRecordNumber + i) & 0xffff, sourceService: service, recipientService: service,
    }, 3 + SR_RECORD_RESPONSE_LENGTH);
    at = writeSubrecordHeader(view, at, SR_RECORD_RESPONSE, SR_RECORD_RESPONSE_LENGTH);
    at = writeRecordResponse(view, at, recordNumbers[i]!, typeof statuses === 'number' ? statuses : statuses[i]!);
  }
  return sealPacket(draft);
}

export interface ResponseOptions {
  packetId: number;
  /** RPID: the packet answered. */
  responseTo: number;
  /** PR: the transport-level result. */
  result: number;
  confirmations?: readonly RecordConfirmation[];
  /** RN of the first confirmation record; the sender's own record counter. */
  firstRecordNumber?: number;
}

export function encodeResponse(options: ResponseOptions): Uint8Array {
  const confirmations = options.confirmations ?? [];
  return encodeResponseFrom(
    options.packetId, options.responseTo, options.result, confirmations.length,
    confirmations.map((c) => c.recordNumber), confirmations.map((c) => c.service),
    confirmations.map((c) => c.status), options.firstRecordNumber ?? 0,
  );
}

/** An application-data packet with one authentication-service record carrying EGTS_SR_RESULT_CODE. */
export function encodeResultCodePacket(packetId: number, recordNumber: number, code: number): Uint8Array {
  const draft = startPacket(7 + 3 + SR_RESULT_CODE_LENGTH, { packetId, packetType: PT_APPDATA });
  let at = writeRecordHeader(draft.view, draft.frameOffset, {
    number: recordNumber, sourceService: AUTH_SERVICE, recipientService: AUTH_SERVICE,
  }, 3 + SR_RESULT_CODE_LENGTH);
  at = writeSubrecordHeader(draft.view, at, SR_RESULT_CODE, SR_RESULT_CODE_LENGTH);
  writeResultCode(draft.view, at, code);
  return sealPacket(draft);
}
