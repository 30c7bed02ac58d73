/**
 * The device side of the MQTT JSON format (README.md): positions as the payload a device publishes on
 * `corridor/v1/devices/{deviceId}/positions`. For tests, benchmarks and the fleet simulator.
 */
import type { SealState } from '../../core/model/index.js';

/** One position as the format writes it; the fields are the README's. */
export interface MqttPositionMessage {
  /** Epoch milliseconds, or ISO 8601 text with a zone. */
  time: number | string;
  lat: number;
  lon: number;
  altitude?: number;
  speed?: number;
  course?: number;
  satellites?: number;
  valid?: boolean;
  seq?: number;
  seal?: SealState;
  attributes?: Readonly<Record<string, string | number | boolean>>;
}

const UTF8 = new TextEncoder();

/** One position, or several as an array (oldest first), as UTF-8 JSON. */
export function encodeMqttPayload(message: MqttPositionMessage | readonly MqttPositionMessage[]): Uint8Array {
  return UTF8.encode(
    JSON.stringify(message, (key, value: unknown) => {
      // JSON would write NaN and Infinity as null, a payload the gateway refuses: better said here.
      if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError(`${key} ${value} is not a finite number`);
      return value;
    }),
  );
}
