/**
 * A seal publishing MQTT JSON (the documented corridor/v1 topic and payload) with QoS 1: each batch is one
 * message, an array of positions oldest first, delivered when the gateway's PUBACK comes back. The seal state
 * goes in free attributes (`lock`, `tamper`, `cable`, `batt`, `volts`) as the MQTT_JSON_SEAL mapping reads them.
 * Each connection is a fresh clean session; what was in flight when it dropped is published again on the next.
 */
import { connect, type MqttClient } from 'mqtt';
import type { FleetReport } from '../core/fleet/index.js';
import { mqttPositionsTopic } from '../protocols/mqtt-json/index.js';
import { DeviceLink, errorKind, type LinkContext } from './device-link.js';

export function mqttPosition(report: FleetReport): Record<string, unknown> {
  const { seal } = report;
  return {
    time: report.time,
    lat: report.lat,
    lon: report.lon,
    speed: report.speed,
    course: report.course,
    satellites: report.satellites,
    valid: true,
    seq: report.sequence,
    attributes: {
      lock: seal.locked,
      tamper: seal.tamper,
      cable: seal.cableCut,
      batt: seal.batteryPercent,
      volts: seal.batteryVolts,
      ...(report.buffered ? { stored: true } : {}),
    },
  };
}

type State = 'idle' | 'connecting' | 'ready' | 'waiting';

export class MqttLink extends DeviceLink {
  private client: MqttClient | undefined;
  private state: State = 'idle';
  private timer: NodeJS.Timeout | undefined;
  private failure: string | undefined;
  private clientError: string | undefined;

  constructor(context: LinkContext, private readonly url: string, private readonly maxBatch = 100) {
    super(context);
  }

  protected send(): void {
    if (this.state === 'idle') {
      if (this.outbox.size > 0) this.connect();
    } else if (this.state === 'ready') {
      this.pump();
    }
  }

  private connect(): void {
    const { stats } = this.context;
    stats.stats.connectAttempts++;
    this.state = 'connecting';
    this.failure = undefined;
    this.clientError = undefined;
    const client = connect(this.url, {
      clientId: `corridor-seal-${this.deviceId}`,
      clean: true,
      // Reconnection is this link's own, with its backoff and its outbox.
      reconnectPeriod: 0,
      connectTimeout: this.context.ackTimeoutMs,
      keepalive: 60,
    });
    this.client = client;
    client.on('connect', () => {
      if (client !== this.client) return;
      stats.stats.connections++;
      this.state = 'ready';
      this.context.backoff.reset();
      this.pump();
    });
    client.on('error', (error) => {
      this.clientError ??= errorKind(error);
    });
    client.on('close', () => this.onClose(client));
  }

  private pump(): void {
    const client = this.client;
    if (this.closed || client === undefined || this.state !== 'ready' || this.outbox.busy || !this.outbox.hasUnsent) return;
    const batch = this.outbox.take(this.maxBatch);
    this.state = 'waiting';
    this.arm(client);
    const payload = JSON.stringify(batch.map((e) => mqttPosition(e.report)));
    client.publish(mqttPositionsTopic(this.deviceId), payload, { qos: 1 }, (error) => {
      if (client !== this.client || this.state !== 'waiting') return;
      if (error) return this.fail('publish-failed', client);
      this.disarm();
      this.state = 'ready';
      this.acknowledged(batch.length, 0);
      this.pump();
    });
  }

  private fail(kind: string, client: MqttClient): void {
    this.context.stats.error(kind);
    this.failure = kind;
    client.end(true);
    // end(true) may not emit 'close' for a client that never connected; settle the link here either way.
    this.onClose(client);
  }

  private onClose(client: MqttClient): void {
    if (client !== this.client) return;
    this.disarm();
    this.client = undefined;
    client.end(true);
    const was = this.state;
    this.state = 'idle';
    this.outbox.release();
    if (this.closed) return;
    if (this.failure === undefined) {
      this.context.stats.error(this.clientError ?? (was === 'waiting' ? 'closed-before-ack' : was === 'ready' ? 'closed-by-gateway' : 'connect-failed'));
    }
    this.retryLater();
  }

  private arm(client: MqttClient): void {
    this.disarm();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (client === this.client) this.fail('ack-timeout', client);
    }, this.context.ackTimeoutMs);
  }

  private disarm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  protected async shutdown(): Promise<void> {
    this.disarm();
    const client = this.client;
    this.client = undefined;
    this.state = 'idle';
    this.outbox.release();
    if (client !== undefined) await client.endAsync(true).catch(() => undefined);
  }
}
