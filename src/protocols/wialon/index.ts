/** Wialon IPS 2.0 (and 1.1) over TCP. */
export { createWialonSession } from './session.js';
export { encodeBlackBox, encodeData, encodeLogin, encodeShortData } from './encoder.js';
export type { WialonDataMessage, WialonEncodeOptions, WialonShortMessage, WialonVersion } from './encoder.js';
export { DATA_ANSWER, LOGIN_ANSWER, SHORT_DATA_ANSWER, type MessageFault } from './answers.js';
export {
  WIALON_ERROR_CODES, WIALON_REJECTION_CODES, type WialonErrorCode, type WialonRejectionCode,
} from './protocol-error.js';
