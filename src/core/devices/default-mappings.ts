/**
 * Seal mappings shipped as starting points, one per kind of device the gateway speaks to. They follow each
 * vendor's usual wiring; a seal wired otherwise gets its own mapping from the operator.
 */
import type { SealMapping } from './seal-mapping.js';

/**
 * Teltonika FMB-family tracker wired as a seal: lock sensor on digital input 1 (IO 1), tamper switch on
 * DIN2 (IO 2), cable loop on DIN3 (IO 3, 1 when the loop is broken); battery level in percent (IO 113) and
 * battery voltage in millivolts (IO 67).
 */
export const TELTONIKA_FMB_SEAL: SealMapping = {
  model: 'teltonika-fmb',
  locked: { attribute: 'io1', equals: 1 },
  tamper: { attribute: 'io2', equals: 1 },
  cableCut: { attribute: 'io3', equals: 1 },
  batteryPercent: { attribute: 'io113' },
  batteryVolts: { attribute: 'io67', scale: 0.001 },
};

/** A Wialon IPS seal reporting named parameters: `lock`, `tamper`, `cable` (1 = cut) and `batt` (percent). */
export const WIALON_IPS_SEAL: SealMapping = {
  model: 'wialon-ips-seal',
  locked: { attribute: 'param:lock', equals: 1 },
  tamper: { attribute: 'param:tamper', equals: 1 },
  cableCut: { attribute: 'param:cable', equals: 1 },
  batteryPercent: { attribute: 'param:batt' },
};

/**
 * An EGTS seal: lock, tamper and cable on digital inputs 1–3 (bits 0–2 of the position data's DIN byte,
 * `egts:din`), battery voltage from the state data's internal battery (`egts:internalBattery`, volts).
 */
export const EGTS_SEAL: SealMapping = {
  model: 'egts-seal',
  locked: { attribute: 'egts:din', bit: 0 },
  tamper: { attribute: 'egts:din', bit: 1 },
  cableCut: { attribute: 'egts:din', bit: 2 },
  batteryVolts: { attribute: 'egts:internalBattery' },
};

/**
 * An MQTT JSON device that reports its seal as free attributes (`mqtt:<name>`) rather than in the payload's
 * own `seal` object, named as on Wialon seals. A payload's `seal` object is the device's own statement and
 * needs no mapping.
 */
export const MQTT_JSON_SEAL: SealMapping = {
  model: 'mqtt-json-seal',
  locked: { attribute: 'mqtt:lock' },
  tamper: { attribute: 'mqtt:tamper' },
  cableCut: { attribute: 'mqtt:cable' },
  batteryPercent: { attribute: 'mqtt:batt' },
  batteryVolts: { attribute: 'mqtt:volts' },
};

/**
 * An OsmAnd client on a seal (the demo fleet's `osmand-app`): OsmAnd has no seal fields, so such a seal sends its
 * lock, tamper and cable as extra query parameters (`lock`, `tamper`, `cable`, 1 or 0), which the gateway keeps as
 * `osmand:<name>` attributes; the battery comes in OsmAnd's own `batt`.
 */
export const OSMAND_APP_SEAL: SealMapping = {
  model: 'osmand-app',
  locked: { attribute: 'osmand:lock', equals: 1 },
  tamper: { attribute: 'osmand:tamper', equals: 1 },
  cableCut: { attribute: 'osmand:cable', equals: 1 },
};

export const DEFAULT_SEAL_MAPPINGS: readonly SealMapping[] = [TELTONIKA_FMB_SEAL, WIALON_IPS_SEAL, EGTS_SEAL, MQTT_JSON_SEAL, OSMAND_APP_SEAL];
