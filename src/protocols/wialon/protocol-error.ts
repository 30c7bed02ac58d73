/**
 * The stable codes of Wialon IPS trouble: the ways a stream is broken beyond answering, each closing the
 * connection, and the ways a packet is refused with an answer while the connection stays open.
 */
import type { MessageFault } from './answers.js';

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

/**
 * Why a packet was refused while the connection stays open (the `rejected.code` of a `reply`): the device
 * got the spec's answer code for it and goes on. One code per check of the spec's answer codes.
 */
export const WIALON_REJECTION_CODES = [
  /** Fields missing or extra, no checksum field, an empty black box. */
  'BAD_STRUCTURE',
  /** A date or time that is malformed or names no real instant. */
  'BAD_TIME',
  /** Coordinates malformed, out of range, or one given without the other. */
  'BAD_COORDINATES',
  /** Speed, course or altitude malformed or out of range. */
  'BAD_SPEED_COURSE_ALTITUDE',
  /** Satellites or HDOP malformed. */
  'BAD_SATELLITES',
  /** Digital inputs or outputs malformed. */
  'BAD_INPUTS_OUTPUTS',
  /** An ADC value malformed. */
  'BAD_ADC',
  /** A named parameter malformed. */
  'BAD_PARAMS',
  /** The packet's checksum does not match its body. */
  'CRC_MISMATCH',
] as const;

export type WialonRejectionCode = (typeof WIALON_REJECTION_CODES)[number];

/** The rejection code and the words for each check a message can fail. */
export const FAULT_REJECTION: Record<MessageFault, { code: WialonRejectionCode; text: string }> = {
  structure: { code: 'BAD_STRUCTURE', text: 'wrong number of fields' },
  time: { code: 'BAD_TIME', text: 'date or time malformed' },
  coordinates: { code: 'BAD_COORDINATES', text: 'coordinates malformed or out of range' },
  speedCourseAltitude: { code: 'BAD_SPEED_COURSE_ALTITUDE', text: 'speed, course or altitude malformed or out of range' },
  satellites: { code: 'BAD_SATELLITES', text: 'satellites or HDOP malformed' },
  inputsOutputs: { code: 'BAD_INPUTS_OUTPUTS', text: 'inputs or outputs malformed' },
  adc: { code: 'BAD_ADC', text: 'an ADC value malformed' },
  params: { code: 'BAD_PARAMS', text: 'a parameter malformed' },
  checksum: { code: 'CRC_MISMATCH', text: 'checksum does not match' },
};
