/**
 * JSON over MQTT (see src/protocols/mqtt-json/README.md): the gateway subscribes with QoS 1 in a persistent
 * session and acknowledges (PUBACK) a message only once its positions are durable. If the store fails,
 * the connection is dropped unacknowledged and the broker delivers the message again on reconnect. A
 * message that can never be stored (malformed, unregistered device) is counted, logged and acknowledged,
 * so it is not redelivered for ever.
 */
import mqtt from 'mqtt';
import { decodeMqttPayload, parseMqttTopic, POSITIONS_SUBSCRIPTION } from '../../protocols/mqtt-json/index.js';
import { UnstorablePosition } from '../../services/position-ingest.js';
import { admits, deriveSealState, recordRefusal, sealMappingFor, type GatewayContext } from './gateway-context.js';

const protocol = 'mqtt' as const;

export interface MqttGateway {
  close(): Promise<void>;
}

export async function connectMqttGateway(options: { url: string; clientId?: string }, context: GatewayContext): Promise<MqttGateway> {
  const client = mqtt.connect(options.url, {
    clientId: options.clientId ?? 'corridor-gateway',
    clean: false,
    reconnectPeriod: 2_000,
  });
  client.on('error', (error) => context.log.warn({ protocol, error: error.message }, 'mqtt error'));
  client.on('connect', () => {
    client.subscribe(POSITIONS_SUBSCRIPTION, { qos: 1 }, (error) => {
      if (error) context.log.error({ protocol, error: error.message }, 'subscription failed');
    });
  });
  client.handleMessage = (packet, done) => {
    handle(packet.topic, packet.payload as Buffer, context).then(
      () => done(),
      (error: unknown) => {
        context.log.error({ protocol, error: String(error) }, 'positions not stored; dropping the connection so the broker redelivers');
        client.stream.destroy();
      },
    );
  };
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('error', reject);
  });
  return { close: () => client.endAsync() };
}

async function handle(topic: string, payload: Buffer, context: GatewayContext): Promise<void> {
  const labels = { protocol };
  const receivedAt = context.now();
  context.metrics.frames.inc(labels);
  const parsedTopic = parseMqttTopic(topic);
  if (!parsedTopic.ok) {
    context.metrics.rejectedFrames.inc({ protocol, code: parsedTopic.issues[0]?.code ?? 'TOPIC' });
    context.log.warn({ protocol, topic, issues: parsedTopic.issues }, 'message on an unknown topic');
    return;
  }
  const device = await context.device(parsedTopic.deviceId);
  if (!admits(device, protocol)) {
    recordRefusal(context, parsedTopic.deviceId, protocol, 'mqtt', receivedAt);
    return;
  }
  const decoded = decodeMqttPayload(device.id, payload, receivedAt);
  if (!decoded.ok) {
    context.metrics.rejectedFrames.inc({ protocol, code: decoded.issues[0]?.code ?? 'PAYLOAD' });
    context.log.warn({ protocol, deviceId: device.id, issues: decoded.issues.slice(0, 10) }, 'message rejected');
    return;
  }
  deriveSealState(decoded.positions, sealMappingFor(device, context.mappings));
  try {
    await context.ingest.submit(decoded.positions);
  } catch (error) {
    // It would fail the same way on every redelivery: count it and let the acknowledgement drop it.
    if (!(error instanceof UnstorablePosition)) throw error;
    context.metrics.rejectedFrames.inc({ protocol, code: error.code });
    context.log.warn({ protocol, deviceId: device.id, fault: error.fault }, 'unstorable position');
    return;
  }
  context.metrics.positions.inc(labels, decoded.positions.length);
  context.metrics.ackSeconds.observe(labels, (context.now() - receivedAt) / 1000);
}
