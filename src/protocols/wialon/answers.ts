/**
 * The server's answer codes of Wialon IPS 2.0 (Gurtam, "Wialon IPS v.2.0" communication protocol), per packet
 * type. A data packet that fails a check is answered with the code of the first check it fails, so the device
 * learns which field it got wrong; the connection stays open (see session.ts).
 */

/** Answers to `#L#`: `#AL#<code>`. */
export const LOGIN_ANSWER = {
  accepted: '1',
  rejected: '0',
  passwordError: '01',
  checksumError: '10',
} as const;

/** Why a message of a data packet (`#SD#`, `#D#`, or one inside `#B#`) was not accepted. */
export type MessageFault =
  | 'structure'
  | 'time'
  | 'coordinates'
  | 'speedCourseAltitude'
  | 'satellites'
  | 'inputsOutputs'
  | 'adc'
  | 'params'
  | 'checksum';

/** Answers to `#SD#`: `#ASD#<code>`. The short packet has no HDOP, inputs, ADC or parameters to fault. */
export const SHORT_DATA_ANSWER: Record<MessageFault | 'accepted', string> = {
  structure: '-1',
  time: '0',
  accepted: '1',
  coordinates: '10',
  speedCourseAltitude: '11',
  satellites: '12',
  inputsOutputs: '-1',
  adc: '-1',
  params: '-1',
  checksum: '13',
};

/** Answers to `#D#`: `#AD#<code>`; 12 covers satellites and HDOP. */
export const DATA_ANSWER: Record<MessageFault | 'accepted', string> = {
  structure: '-1',
  time: '0',
  accepted: '1',
  coordinates: '10',
  speedCourseAltitude: '11',
  satellites: '12',
  inputsOutputs: '13',
  adc: '14',
  params: '15',
  checksum: '16',
};

const ASCII = new TextEncoder();

/** `#<type>#<code>\r\n` as bytes. */
export function answer(type: string, code: string): Uint8Array {
  return ASCII.encode(`#${type}#${code}\r\n`);
}
