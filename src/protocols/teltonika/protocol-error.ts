/** The ways a Teltonika TCP stream can be broken, each with a stable code for counting and logging. */

export const TELTONIKA_ERROR_CODES = [
  /** The handshake frame is not 1–20 ASCII digits. */
  'BAD_IMEI',
  /** An AVL packet does not start with four zero bytes. */
  'BAD_PREAMBLE',
  /** The data field is shorter than a codec ID and two record counts. */
  'BAD_LENGTH',
  /** A frame announces more bytes than the session accepts. */
  'FRAME_TOO_LARGE',
  /** The CRC-16/IBM of the data field differs from the packet's CRC field. */
  'CRC_MISMATCH',
  /** A codec other than 8 (0x08) or 8 Extended (0x8E). */
  'UNKNOWN_CODEC',
  /** "Number of Data 1" and "Number of Data 2" differ. */
  'RECORD_COUNT_MISMATCH',
  /** A record runs past the end of the data field. */
  'TRUNCATED_RECORD',
  /** The announced records end before the data field does. */
  'TRAILING_BYTES',
  /** A record's total IO count differs from the sum of its group counts. */
  'IO_COUNT_MISMATCH',
  /** A record's timestamp is beyond what a date can hold (more than 275,000 years from 1970). */
  'BAD_TIMESTAMP',
] as const;

export type TeltonikaErrorCode = (typeof TELTONIKA_ERROR_CODES)[number];

export interface TeltonikaError {
  code: TeltonikaErrorCode;
  message: string;
}

export function teltonikaError(code: TeltonikaErrorCode, message: string): TeltonikaError {
  return { code, message };
}
