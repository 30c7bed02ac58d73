/** The topic a device publishes its positions on: `corridor/v1/devices/{deviceId}/positions`. */
import type { Issue } from '../../core/model/index.js';

export const TOPIC_PREFIX = 'corridor/v1/devices/';
export const TOPIC_SUFFIX = '/positions';
/** What the gateway subscribes to. */
export const POSITIONS_SUBSCRIPTION = `${TOPIC_PREFIX}+${TOPIC_SUFFIX}`;

/** Device ids as registered for seals: IMEIs, serial numbers; no MQTT wildcards, separators or spaces. */
const DEVICE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export type TopicResult = { ok: true; deviceId: string } | { ok: false; issues: Issue[] };

export function parseMqttTopic(topic: string): TopicResult {
  if (!topic.startsWith(TOPIC_PREFIX) || !topic.endsWith(TOPIC_SUFFIX)) {
    return {
      ok: false,
      issues: [{ code: 'TOPIC_INVALID', path: 'topic', message: `"${topic.slice(0, 200)}" is not ${TOPIC_PREFIX}{deviceId}${TOPIC_SUFFIX}` }],
    };
  }
  const deviceId = topic.slice(TOPIC_PREFIX.length, topic.length - TOPIC_SUFFIX.length);
  if (!DEVICE_ID.test(deviceId)) {
    return {
      ok: false,
      issues: [{ code: 'DEVICE_ID_INVALID', path: 'topic', message: 'the device id must be 1-64 letters, digits, ".", "_", ":" or "-"' }],
    };
  }
  return { ok: true, deviceId };
}

export function mqttPositionsTopic(deviceId: string): string {
  return `${TOPIC_PREFIX}${deviceId}${TOPIC_SUFFIX}`;
}
