/** Teltonika Codec 8 and Codec 8 Extended over TCP. */
export { createTeltonikaSession } from './session.js';
export { decodeAvlPacket, CODEC_8, CODEC_8_EXTENDED } from './avl-decoder.js';
export { scanAvlFrame, scanImeiFrame, type FrameScan } from './frame.js';
export { encodeAvlPacket, encodeImei } from './encoder.js';
export type { AvlCodec, AvlIoElement, AvlRecordInput, AvlVariableIoElement } from './encoder.js';
export { TELTONIKA_ERROR_CODES, type TeltonikaError, type TeltonikaErrorCode } from './protocol-error.js';
