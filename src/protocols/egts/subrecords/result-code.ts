/**
 * EGTS_SR_RESULT_CODE (authentication service, subrecord 9): the platform tells the terminal how its
 * authentication ended.
 *
 *   RCD(1: a processing result code; 0 accepted, 151 authentication denied, 153 identifier not found)
 */

export const SR_RESULT_CODE_LENGTH = 1;

export function decodeResultCode(bytes: Uint8Array, start: number, end: number): number | undefined {
  return end - start < SR_RESULT_CODE_LENGTH ? undefined : bytes[start];
}

export function writeResultCode(view: DataView, offset: number, code: number): number {
  view.setUint8(offset, code);
  return offset + SR_RESULT_CODE_LENGTH;
}
