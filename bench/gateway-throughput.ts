/**
 * End to end: positions per second from many concurrent Teltonika connections to durable in SQLite
 * (acknowledged only after the group commit), with the time from a frame sent to its acknowledgement;
 * beside a bare batched better-sqlite3 insert of the same rows in the same run. The server runs compiled,
 * in its own process; this process is the fleet, so both share the machine's two cores.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../src/adapters/store/open-store.js';
import { encodeAvlPacket, encodeImei } from '../src/protocols/teltonika/encoder.js';
import { TcpClient } from '../test/support/tcp-client.js';

const RECORDS_PER_PACKET = 10;
const T0 = Date.UTC(2025, 10, 20);

function startServer(db: string): Promise<{ child: ChildProcess; port: number; http: string }> {
  const child = spawn(process.execPath, ['dist/src/apps/cli/main.js', 'serve', '--db', db, '--port', '0'], {
    env: {
      ...process.env, CORRIDOR_TELTONIKA_PORT: '0', CORRIDOR_WIALON_PORT: 'off', CORRIDOR_EGTS_PORT: 'off',
      CORRIDOR_OSMAND_PORT: 'off', CORRIDOR_ADMIN_PASSWORD: 'benchmark-only', CORRIDOR_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /device gateways: .*teltonika (\d+)/.exec(output);
      const http = /serving on (http:\/\/\S+)/.exec(output);
      if (match && http) resolve({ child, port: Number(match[1]), http: http[1]! });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

function records(device: number, packet: number) {
  return Array.from({ length: RECORDS_PER_PACKET }, (_, r) => ({
    timestamp: T0 + device * 1e10 + (packet * RECORDS_PER_PACKET + r) * 1000,
    lat: 43 + r / 1e4, lon: 74.7 + packet / 1e5, altitude: 700, angle: 90, satellites: 10, speed: 65,
    io: [{ id: 1, bytes: 1 as const, value: 1 }, { id: 67, bytes: 2 as const, value: 12_300 }],
  }));
}

interface Load {
  connections: number;
  seconds: number;
  /** Positions per second the fleet offers in total; unpaced (as fast as acknowledgements come) when absent. */
  offeredPerSecond?: number;
}

/**
 * Each connection is a device that sends a packet, waits for its acknowledgement, then sends the next one:
 * paced so that the fleet offers `offeredPerSecond` in total (latency at that load), or back to back
 * (the saturation throughput).
 */
async function drive(port: number, imeis: readonly string[], load: Load, firstPacket: number) {
  const latencies: number[] = [];
  let acknowledged = 0;
  const devices = await Promise.all(imeis.map(async (imei) => {
    const client = await TcpClient.open(port);
    await client.send(encodeImei(imei));
    await client.read(1);
    return client;
  }));
  const interval = load.offeredPerSecond ? (load.connections * RECORDS_PER_PACKET * 1000) / load.offeredPerSecond : 0;
  const started = performance.now();
  const end = started + load.seconds * 1000;
  await Promise.all(devices.map(async (client, device) => {
    // Spread the devices' first sends over one interval, as real devices are not synchronised.
    let next = started + (interval * device) / devices.length;
    for (let packet = firstPacket; ; packet++) {
      if (interval > 0) await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
      if (performance.now() >= end) break;
      const sent = performance.now();
      await client.send(encodeAvlPacket(records(device, packet), 0x8e));
      const ack = await client.read(4, 30_000);
      if (ack.length < 4) break;
      latencies.push(performance.now() - sent);
      acknowledged += ack.readUInt32BE(0);
      next += interval;
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  for (const client of devices) client.end();
  latencies.sort((a, b) => a - b);
  return {
    seconds: round(elapsed),
    positions: acknowledged,
    perSecond: Math.round(acknowledged / elapsed),
    ackP50Ms: round(latencies[Math.floor(latencies.length * 0.5)] ?? NaN),
    ackP99Ms: round(latencies[Math.floor(latencies.length * 0.99)] ?? NaN),
  };
}

export async function gatewayThroughputBenchmarks(connections: number, seconds: number, offeredPerSecond: number) {
  const dir = await mkdtemp(join(tmpdir(), 'corridor-gateway-bench-'));
  const db = join(dir, 'corridor.db');
  const imeis = Array.from({ length: connections }, (_, i) => String(356307040000000 + i));
  const store = openStore(db);
  await store.migrate();
  for (const id of imeis) await store.reference.putDevice({ id, protocol: 'teltonika', state: 'available' });
  await store.close();

  const server = await startServer(db);
  const paced = { ...(await drive(server.port, imeis, { connections, seconds, offeredPerSecond }, 0)), ...(await serverSide(server.http)) };
  const saturated = { ...(await drive(server.port, imeis, { connections, seconds }, 1_000_000)), ...(await serverSide(server.http)) };
  server.child.kill('SIGTERM');
  await new Promise((resolve) => server.child.once('exit', resolve));
  const bare = bareInsertRate(join(dir, 'bare.db'), Math.max(200_000, saturated.positions));
  await rm(dir, { recursive: true, force: true });

  const common = { connections, recordsPerPacket: RECORDS_PER_PACKET, baseline: 'bare better-sqlite3 batched insert of the same rows', baselinePerSecond: bare };
  return [
    { benchmark: 'gateway-teltonika-to-sqlite-paced', offeredPerSecond, ...paced, ...common },
    { benchmark: 'gateway-teltonika-to-sqlite-saturated', ...saturated, ...common, ratioToBaseline: round(saturated.perSecond / bare) },
  ];
}

/**
 * The same rows (keyed, attributes and seal as JSON) with bare better-sqlite3: one prepared statement of
 * 100 rows, transactions of 1,000 rows: the engine's own limit for this table on this machine.
 */
function bareInsertRate(path: string, count: number): number {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE positions (device_id TEXT, device_time INTEGER, sequence INTEGER, received_time INTEGER, lat REAL, lon REAL,
    altitude REAL, speed REAL, course REAL, satellites INTEGER, valid INTEGER, attributes TEXT, seal TEXT,
    PRIMARY KEY (device_id, device_time, sequence))`);
  const ROWS = 100;
  const insert = db.prepare(`INSERT OR IGNORE INTO positions VALUES ${Array(ROWS).fill('(?, ?, -1, ?, ?, ?, 700, 65, 90, 10, 1, ?, ?)').join(', ')}`);
  const attributes = '{"io1":1,"io67":12300,"priority":0,"eventIo":0}';
  const seal = '{"locked":true,"batteryVolts":12.3}';
  const rows = Array.from({ length: count }, (_, i) => [String(356307040000000 + (i % 1000)), T0 + i * 1000, T0, 43 + i / 1e7, 74.7, attributes, seal]);
  const batch = db.transaction((from: number) => {
    for (let i = from; i < from + 1000; i += ROWS) insert.run(rows.slice(i, i + ROWS).flat());
  });
  const usable = count - (count % 1000);
  const started = performance.now();
  for (let from = 0; from < usable; from += 1000) batch(from);
  const rate = Math.round(usable / ((performance.now() - started) / 1000));
  db.close();
  return rate;
}

/**
 * The server's own view from its histograms, since the previous call: the 99th percentile of decode-to-
 * acknowledgement time and of commit time, as the upper bound of the bucket holding it.
 */
let previous = new Map<string, number>();
async function serverSide(http: string) {
  const text = await (await fetch(`${http}/metrics`)).text();
  const counts = new Map<string, number>();
  for (const match of text.matchAll(/^(corridor_gateway_ack_seconds|corridor_ingest_commit_seconds)_bucket\{(?:[^}]*,)?le="([^"]+)"[^}]*\} (\d+)/gm)) {
    const key = `${match[1]} ${match[2]}`;
    counts.set(key, (counts.get(key) ?? 0) + Number(match[3]));
  }
  const delta = new Map([...counts].map(([key, value]) => [key, value - (previous.get(key) ?? 0)]));
  previous = counts;
  const p99 = (name: string) => {
    const buckets = [...delta].filter(([key]) => key.startsWith(name)).map(([key, value]) => [key.split(' ')[1]!, value] as const);
    const total = buckets.find(([le]) => le === '+Inf')?.[1] ?? 0;
    const bound = buckets.find(([le, value]) => le !== '+Inf' && value >= total * 0.99)?.[0];
    return bound === undefined ? null : Number(bound) * 1000;
  };
  const gauge = (name: string) => Number(new RegExp(`^${name} (\\S+)`, 'm').exec(text)?.[1] ?? NaN) * 1000;
  const gc = [...text.matchAll(/^corridor_nodejs_gc_duration_seconds_sum\{kind="(\w+)"\} (\S+)/gm)].map((m) => `${m[1]}=${round(Number(m[2]) * 1000)}ms`);
  return {
    serverAckP99MsAtMost: p99('corridor_gateway_ack_seconds'),
    serverCommitP99MsAtMost: p99('corridor_ingest_commit_seconds'),
    eventLoopLagP99Ms: round(gauge('corridor_nodejs_eventloop_lag_p99_seconds')),
    eventLoopLagMaxMs: round(gauge('corridor_nodejs_eventloop_lag_max_seconds')),
    gcTotal: gc.join(' '),
  };
}

const round = (value: number) => Math.round(value * 100) / 100;
