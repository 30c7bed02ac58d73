/**
 * A gateway small enough for a test: the project's real protocol sessions behind TCP servers on loopback
 * (Teltonika, Wialon IPS, EGTS), an HTTP server decoding OsmAnd, and a bare MQTT 3.1.1 broker that decodes
 * corridor/v1 JSON and answers QoS 1 publishes with PUBACK. It accepts every device, keeps every decoded
 * position, and acknowledges once it has kept them — unless `drop` says to hang up instead.
 */
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { Position } from '../../src/core/model/index.js';
import type { ProtocolSession } from '../../src/protocols/session.js';
import { createTeltonikaSession } from '../../src/protocols/teltonika/session.js';
import { createWialonSession } from '../../src/protocols/wialon/session.js';
import { createEgtsSession } from '../../src/protocols/egts/session.js';
import { decodeOsmandQuery } from '../../src/protocols/osmand/index.js';
import { decodeMqttPayload, parseMqttTopic } from '../../src/protocols/mqtt-json/index.js';

export type FakeProtocol = 'teltonika' | 'wialon' | 'egts' | 'osmand' | 'mqtt';

export interface FakeGatewayOptions {
  /**
   * Asked before acknowledging each data frame (`frame` counts the device's frames from 1, over all its
   * connections): true closes the connection without an answer, after the frame was decoded.
   */
  drop?: (protocol: FakeProtocol, deviceId: string, frame: number) => boolean;
  /** Ports to listen on; ephemeral ones unless told. */
  ports?: { teltonika: number; wialon: number; egts: number; osmand: number; mqtt: number };
}

export interface FakeGateway {
  host: string;
  ports: { teltonika: number; wialon: number; egts: number; osmand: number };
  mqttUrl: string;
  /** Positions acknowledged, by device. */
  acknowledged: Map<string, Position[]>;
  /** Positions decoded but never acknowledged (the connection was dropped instead). */
  dropped: Map<string, Position[]>;
  errors: string[];
  connections: number;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

export async function startFakeGateway(options: FakeGatewayOptions = {}): Promise<FakeGateway> {
  const acknowledged = new Map<string, Position[]>();
  const dropped = new Map<string, Position[]>();
  const frames = new Map<string, number>();
  const errors: string[] = [];
  const sockets = new Set<Socket>();
  const keep = (into: Map<string, Position[]>, deviceId: string, positions: readonly Position[]): void => {
    into.set(deviceId, [...(into.get(deviceId) ?? []), ...positions]);
  };
  /** True when this frame is to be dropped; otherwise the positions are kept as acknowledged. */
  const decide = (protocol: FakeProtocol, deviceId: string, positions: readonly Position[]): boolean => {
    const frame = (frames.get(deviceId) ?? 0) + 1;
    frames.set(deviceId, frame);
    if (options.drop?.(protocol, deviceId, frame)) {
      keep(dropped, deviceId, positions);
      return true;
    }
    keep(acknowledged, deviceId, positions);
    return false;
  };
  const gateway = { connections: 0 };

  const tcp = (protocol: FakeProtocol, makeSession: () => ProtocolSession): Server =>
    createServer((socket) => {
      sockets.add(socket);
      gateway.connections++;
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
      const session = makeSession();
      let deviceId = '';
      socket.on('data', (chunk: Buffer) => {
        for (const out of session.feed(new Uint8Array(chunk), Date.now())) {
          switch (out.type) {
            case 'identified':
              deviceId = out.deviceId;
              socket.write(out.accept);
              break;
            case 'positions':
              if (decide(protocol, deviceId, out.positions)) return void socket.destroy();
              socket.write(out.reply);
              break;
            case 'reply':
              if (out.rejected) errors.push(`${protocol} ${out.rejected.code}: ${out.rejected.message}`);
              socket.write(out.reply);
              break;
            case 'error':
              errors.push(`${protocol} ${out.code}: ${out.message}`);
              if (out.reply) socket.write(out.reply);
              return void socket.destroy();
          }
        }
      });
    });

  const osmand: HttpServer = createHttpServer((req, res) => {
    const query = (req.url ?? '').split('?')[1] ?? '';
    const result = decodeOsmandQuery(query, Date.now());
    if (!result.ok) {
      errors.push(`osmand ${JSON.stringify(result.issues)}`);
      res.writeHead(400).end();
      return;
    }
    if (decide('osmand', result.position.deviceId, [result.position])) return void req.socket.destroy();
    res.writeHead(200).end();
  });
  osmand.on('connection', (socket: Socket) => {
    sockets.add(socket);
    gateway.connections++;
    socket.on('close', () => sockets.delete(socket));
  });

  const mqtt = createServer((socket) => {
    sockets.add(socket);
    gateway.connections++;
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        // Fixed header: type and flags, then the remaining length in up to four 7-bit groups.
        let length = 0;
        let multiplier = 1;
        let at = 1;
        let complete = false;
        while (at < buffer.length && at <= 4) {
          const byte = buffer[at++]!;
          length += (byte & 0x7f) * multiplier;
          multiplier *= 128;
          if ((byte & 0x80) === 0) {
            complete = true;
            break;
          }
        }
        if (!complete || buffer.length < at + length) return;
        const type = buffer[0]! >> 4;
        const qos = (buffer[0]! >> 1) & 3;
        const body = buffer.subarray(at, at + length);
        buffer = buffer.subarray(at + length);
        if (type === 1) {
          socket.write(Buffer.from([0x20, 0x02, 0x00, 0x00])); // CONNACK, accepted
        } else if (type === 3) {
          const topicLength = body.readUInt16BE(0);
          const topic = body.subarray(2, 2 + topicLength).toString('utf8');
          const idAt = 2 + topicLength;
          const payload = body.subarray(qos > 0 ? idAt + 2 : idAt);
          const parsed = parseMqttTopic(topic);
          if (!parsed.ok) {
            errors.push(`mqtt topic ${topic}`);
            return void socket.destroy();
          }
          const decoded = decodeMqttPayload(parsed.deviceId, new Uint8Array(payload), Date.now());
          if (!decoded.ok) {
            errors.push(`mqtt ${JSON.stringify(decoded.issues)}`);
            return void socket.destroy();
          }
          if (decide('mqtt', parsed.deviceId, decoded.positions)) return void socket.destroy();
          if (qos > 0) socket.write(Buffer.from([0x40, 0x02, body[idAt]!, body[idAt + 1]!])); // PUBACK
        } else if (type === 12) {
          socket.write(Buffer.from([0xd0, 0x00])); // PINGRESP
        } else if (type === 14) {
          socket.end();
          return;
        }
      }
    });
  });

  const servers: Array<Server | HttpServer> = [];
  const port = (server: Server | HttpServer, at = 0): Promise<number> => {
    servers.push(server);
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(at, HOST, () => resolve((server.address() as AddressInfo).port));
    });
  };
  const ports = {
    teltonika: await port(tcp('teltonika', () => createTeltonikaSession()), options.ports?.teltonika),
    wialon: await port(tcp('wialon', () => createWialonSession()), options.ports?.wialon),
    egts: await port(tcp('egts', () => createEgtsSession()), options.ports?.egts),
    osmand: await port(osmand, options.ports?.osmand),
  };
  const mqttPort = await port(mqtt, options.ports?.mqtt);

  return {
    host: HOST,
    ports,
    mqttUrl: `mqtt://${HOST}:${mqttPort}`,
    acknowledged,
    dropped,
    errors,
    get connections() {
      return gateway.connections;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
    },
  };
}
