/** Positions as JSON over MQTT, the documented format for newer devices (README.md). */
export { mqttPositionsTopic, parseMqttTopic, POSITIONS_SUBSCRIPTION, type TopicResult } from './topic.js';
export {
  decodeMqttPayload, DEFAULT_MQTT_PAYLOAD_LIMITS, type MqttPayloadLimits, type MqttPayloadResult,
} from './payload.js';
export { encodeMqttPayload, type MqttPositionMessage } from './encode.js';
