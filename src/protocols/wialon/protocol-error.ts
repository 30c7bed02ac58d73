/** The ways a Wialon IPS TCP stream is broken beyond answering, each closing the connection. */

export const WIALON_ERROR_CODES = [
  /** A line that is not `#TYPE#...`, or of a type the protocol does not have. */
  'BAD_PACKET',
  /** A packet other than `#L#` before the device logged in. */
  'NOT_LOGGED_IN',
  /** A login that is neither `#L#2.x;IMEI;password;CRC` nor `#L#IMEI;password`, or whose IMEI is unusable. */
  'BAD_LOGIN',
  /** A 2.x login whose checksum is wrong (answered `#AL#10`). */
  'CRC_MISMATCH',
  /** A second login on a connection already identified: a device does not change identity mid-stream. */
  'REPEATED_LOGIN',
  /** A packet this gateway does not take, such as `#I#` (a photo, whose binary body breaks line framing). */
  'UNSUPPORTED_PACKET',
  /** A line longer than the session's limit. */
  'LINE_TOO_LONG',
] as const;

export type WialonErrorCode = (typeof WIALON_ERROR_CODES)[number];
