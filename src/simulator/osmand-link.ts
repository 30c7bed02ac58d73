/**
 * A phone or tracker speaking OsmAnd over HTTP: one GET request a report, in order, the next only after the
 * previous was answered, as the OsmAnd and Traccar clients send their stored positions. 200 confirms it; a 4xx
 * refuses it for good; anything else, or no answer, leaves it to be sent again after a backoff. The seal state goes
 * in parameters of its own (`lock`, `tamper`, `cable`), which the gateway keeps as osmand:<name> attributes, and
 * the battery in OsmAnd's `batt`.
 */
import { Agent, request } from 'node:http';
import type { Socket } from 'node:net';
import type { FleetReport } from '../core/fleet/index.js';
import { DeviceLink, errorKind, type LinkContext } from './device-link.js';

const KMH_PER_KNOT = 1.852;

export interface OsmandEndpoint {
  host: string;
  port: number;
  /** Path of the requests; `/` unless told. */
  path?: string;
}

export function osmandQuery(deviceId: string, report: FleetReport): string {
  const { seal } = report;
  return new URLSearchParams({
    id: deviceId,
    timestamp: String(report.time / 1000),
    lat: String(report.lat),
    lon: String(report.lon),
    speed: String(report.speed / KMH_PER_KNOT),
    bearing: String(report.course),
    altitude: '0',
    batt: String(seal.batteryPercent),
    lock: seal.locked ? '1' : '0',
    tamper: seal.tamper ? '1' : '0',
    cable: seal.cableCut ? '1' : '0',
    sat: String(report.satellites),
  }).toString();
}

export class OsmandLink extends DeviceLink {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });
  private readonly sockets = new WeakSet<Socket>();
  private inFlight = false;

  constructor(context: LinkContext, private readonly endpoint: OsmandEndpoint) {
    super(context);
  }

  protected send(): void {
    if (this.closed || this.inFlight || !this.outbox.hasUnsent) return;
    const [entry] = this.outbox.take(1);
    this.inFlight = true;
    const { stats } = this.context;
    let finished = false;
    const finish = (outcome: 'ack' | 'refused' | 'retry', kind?: string): void => {
      if (finished) return;
      finished = true;
      this.inFlight = false;
      if (kind !== undefined) stats.error(kind);
      if (outcome === 'retry') {
        this.outbox.release();
        this.retryLater();
        return;
      }
      if (outcome === 'ack') this.context.backoff.reset();
      this.acknowledged(outcome === 'ack' ? 1 : 0, outcome === 'refused' ? 1 : 0);
      this.kick();
    };
    const path = `${this.endpoint.path ?? '/'}?${osmandQuery(this.deviceId, entry!.report)}`;
    const req = request({ host: this.endpoint.host, port: this.endpoint.port, path, method: 'GET', agent: this.agent }, (res) => {
      const status = res.statusCode ?? 0;
      res.resume();
      res.on('end', () => {
        if (status >= 200 && status < 300) finish('ack');
        else if (status >= 400 && status < 500) finish('refused', `http-${status}`);
        else finish('retry', `http-${status}`);
      });
      res.on('error', (error) => finish('retry', errorKind(error)));
    });
    req.setTimeout(this.context.ackTimeoutMs, () => {
      finish('retry', 'ack-timeout');
      req.destroy();
    });
    req.on('socket', (socket: Socket) => {
      if (this.sockets.has(socket)) return;
      this.sockets.add(socket);
      stats.stats.connectAttempts++;
      socket.once('connect', () => stats.stats.connections++);
    });
    req.on('error', (error) => finish('retry', errorKind(error)));
    req.end();
  }

  protected async shutdown(): Promise<void> {
    this.agent.destroy();
  }
}
