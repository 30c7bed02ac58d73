import { describe, expect, it } from 'vitest';
import { mqttPositionsTopic, parseMqttTopic, POSITIONS_SUBSCRIPTION } from './topic.js';

describe('MQTT positions topic', () => {
  it('reads the device id', () => {
    expect(parseMqttTopic('corridor/v1/devices/356307042441013/positions')).toEqual({ ok: true, deviceId: '356307042441013' });
    expect(parseMqttTopic(mqttPositionsTopic('seal-UZ_7:a'))).toEqual({ ok: true, deviceId: 'seal-UZ_7:a' });
    expect(POSITIONS_SUBSCRIPTION).toBe('corridor/v1/devices/+/positions');
  });

  it('refuses other topics and unusable ids', () => {
    for (const topic of ['corridor/v2/devices/a/positions', 'corridor/v1/devices/a/events', 'corridor/v1/devices/a/positions/x']) {
      expect(parseMqttTopic(topic)).toMatchObject({ ok: false, issues: [{ code: 'TOPIC_INVALID', path: 'topic' }] });
    }
    for (const id of ['', 'a/b', '+', '#', 'a b', 'x'.repeat(65)]) {
      expect(parseMqttTopic(`corridor/v1/devices/${id}/positions`), id).toMatchObject({ ok: false, issues: [{ code: 'DEVICE_ID_INVALID' }] });
    }
  });
});
