/** EGTS (GOST 33465 / GOST 33472, Order 285 of the Russian Ministry of Transport) over TCP. */
export * as egtsCodes from './codes.js';
export { createEgtsSession, type EgtsSessionOptions } from './session.js';
export {
  decodePlatformPackets, EgtsPlatformReader, encodeAuthPacket, encodeTelematicsPacket,
  type AuthPacket, type PlatformPacket, type TelematicsPacket, type TelematicsRecord,
} from './encoder.js';
export { encodeResponse, encodeResultCodePacket, type RecordConfirmation, type ResponseOptions } from './response.js';
export { readHeader, type EgtsHeader, type EgtsRoute } from './transport.js';
export type { TermIdentity } from './subrecords/term-identity.js';
export type { PosData, PosDataInput } from './subrecords/pos-data.js';
export type { ExtPosData } from './subrecords/ext-pos-data.js';
export type { AdSensorsData } from './subrecords/ad-sensors-data.js';
export type { CountersData } from './subrecords/counters-data.js';
export type { StateData } from './subrecords/state-data.js';
export type { RecordResponse } from './subrecords/record-response.js';
