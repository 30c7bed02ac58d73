/**
 * EGTS_SR_RECORD_RESPONSE (subrecord 0 of every service): confirms one record by its number.
 *
 *   CRN(2: the confirmed record's RN) RST(1: a processing result code)
 */

export const SR_RECORD_RESPONSE_LENGTH = 3;

export interface RecordResponse {
  confirmedRecord: number;
  status: number;
}

export function decodeRecordResponse(view: DataView, start: number, end: number): RecordResponse | undefined {
  if (end - start < SR_RECORD_RESPONSE_LENGTH) return undefined;
  return { confirmedRecord: view.getUint16(start, true), status: view.getUint8(start + 2) };
}

export function writeRecordResponse(view: DataView, offset: number, confirmedRecord: number, status: number): number {
  view.setUint16(offset, confirmedRecord & 0xffff, true);
  view.setUint8(offset + 2, status);
  return offset + SR_RECORD_RESPONSE_LENGTH;
}
