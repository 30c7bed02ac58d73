/** What a navigation seal reports: where it is, and the state of its lock. */

/** Seal state as far as the device reports it; a field a device model does not report is absent. */
export interface SealState {
  /** The lock on the cargo doors is closed. */
  locked?: boolean;
  /** The device reports tampering (case opened, forced lock, magnet). */
  tamper?: boolean;
  /** The locking cable is cut. */
  cableCut?: boolean;
  /** Battery charge, percent. */
  batteryPercent?: number;
  /** Battery voltage, volts. */
  batteryVolts?: number;
}

/** A raw value a device sent beside its position (an IO element, a named parameter, a sensor). */
export type AttributeValue = number | bigint | string | boolean | Uint8Array;

export interface Position {
  deviceId: string;
  /** When the device took the fix, milliseconds since the Unix epoch (UTC). */
  deviceTime: number;
  /** When the gateway received it, milliseconds since the Unix epoch. */
  receivedTime: number;
  lat: number;
  lon: number;
  /** Metres above sea level, when reported. */
  altitude?: number;
  /** km/h. */
  speed: number;
  /** Degrees clockwise from north, 0–359. */
  course: number;
  satellites?: number;
  /** The device considers the fix valid. */
  valid: boolean;
  /** The protocol's own record sequence number, where it has one (part of the deduplication key). */
  sequence?: number;
  /** Raw values by protocol-qualified name, such as `io240` (Teltonika) or `param:lock` (Wialon). */
  attributes: Record<string, AttributeValue>;
  /** Seal state derived from the attributes by the device model's mapping. */
  seal?: SealState;
}
