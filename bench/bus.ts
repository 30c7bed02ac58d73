/**
 * Scale-out, end to end: positions per second from Teltonika connections through `corridor gateway` processes,
 * JetStream and `corridor tracker` processes into PostgreSQL (stored, the count polled until every acknowledged
 * position is there), with one gateway and one tracker, two gateways and one tracker, and two of each; beside the
 * bare JetStream rate of the same messages, published the same way (each device's next message after the previous
 * one's acknowledgement, all devices at once) in the same run. Everything runs on this machine's two cores: the
 * fleet, the processes, a private nats-server and the machine's PostgreSQL. Then the trackers alone, one and two,
 * each held to the same share of a core (BENCH_TRACKER_CORES, 0.4 by default), to see how their work grows with
 * their number when each has a budget of its own.
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { connectNatsBus } from '../src/adapters/bus/nats/nats-bus.js';
import { subjectOf } from '../src/adapters/bus/nats/nats-setup.js';
import { encodePositions, messageId } from '../src/adapters/bus/nats/position-messages.js';
import { encodeRows, KyselyPositionRepository } from '../src/adapters/store/position-repository.js';
import { copyStatement, csvChunks } from '../src/adapters/store/postgres/postgres-position-repository.js';
import { openPostgresStore } from '../src/adapters/store/postgres/postgres-store.js';
import { shardOf } from '../src/core/devices/index.js';
import type { Position } from '../src/core/model/index.js';
import { encodeAvlPacket, encodeImei } from '../src/protocols/teltonika/encoder.js';
import { natsServerBinary, PrivateNatsServer } from '../test/support/nats-server.js';
import { startCorridor, type Child } from '../test/support/processes.js';
import { TcpClient } from '../test/support/tcp-client.js';
import { confineToCpu, type CpuBudget } from './cpu-budget.js';

const RECORDS_PER_PACKET = 10;
const SHARDS = 16;
const T0 = Date.UTC(2026, 10, 20);

function record(device: number, packet: number, r: number) {
  return {
    timestamp: T0 + device * 1e10 + (packet * RECORDS_PER_PACKET + r) * 1000,
    lat: 43 + r / 1e4, lon: 74.7 + packet / 1e5, altitude: 700, angle: 90, satellites: 10, speed: 65,
    io: [{ id: 1, bytes: 1 as const, value: 1 }, { id: 67, bytes: 2 as const, value: 12_300 }],
  };
}

/** The positions a gateway decodes from the packet, as it publishes them. */
function positions(imei: string, device: number, packet: number): Position[] {
  return Array.from({ length: RECORDS_PER_PACKET }, (_, r) => {
    const rec = record(device, packet, r);
    return {
      deviceId: imei, deviceTime: rec.timestamp, receivedTime: Date.now(), lat: rec.lat, lon: rec.lon, altitude: rec.altitude,
      speed: rec.speed, course: rec.angle, satellites: rec.satellites, valid: true, attributes: { io1: 1, io67: 12_300 },
      seal: { locked: true, batteryVolts: 12.3 },
    };
  });
}

async function stream(port: number, imei: string, device: number, packets: number): Promise<void> {
  const client = await TcpClient.open(port);
  await client.send(encodeImei(imei));
  await client.read(1);
  for (let packet = 0; packet < packets; packet++) {
    await client.send(encodeAvlPacket(Array.from({ length: RECORDS_PER_PACKET }, (_, r) => record(device, packet, r)), 0x8e));
    const ack = await client.read(4, 60_000);
    if (ack.length < 4) throw new Error(`device ${imei}: no acknowledgement of packet ${packet}`);
  }
  client.end();
}

/** A private nats-server, a throwaway PostgreSQL schema with the devices registered, and the processes' environment. */
interface Deployment {
  nats: PrivateNatsServer;
  schema: string;
  env: NodeJS.ProcessEnv;
  children: Child[];
}

async function withDeployment<T>(binary: string, pgUrl: string, imeis: readonly string[], run: (deployment: Deployment) => Promise<T>): Promise<T> {
  const nats = await PrivateNatsServer.start(binary);
  const schema = `bench_bus_${randomBytes(4).toString('hex')}`;
  const store = openPostgresStore(pgUrl, { schema });
  const children: Child[] = [];
  try {
    await store.migrate();
    for (const id of imeis) await store.reference.putDevice({ id, protocol: 'teltonika', state: 'available' });
    const db = new URL(pgUrl);
    db.searchParams.set('options', `-c search_path=${schema}`);
    const env = {
      CORRIDOR_DB: db.toString(), CORRIDOR_BUS: nats.url, CORRIDOR_BUS_SHARDS: String(SHARDS), CORRIDOR_HTTP_PORT: '0',
      CORRIDOR_ADMIN_PASSWORD: 'benchmark-only', CORRIDOR_LOG_LEVEL: 'info', CORRIDOR_TELTONIKA_PORT: '0',
      CORRIDOR_WIALON_PORT: 'off', CORRIDOR_EGTS_PORT: 'off', CORRIDOR_OSMAND_PORT: 'off',
    };
    return await run({ nats, schema, env, children });
  } finally {
    for (const child of children) await child.kill('SIGTERM');
    await store.close();
    await nats.stop();
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }
}

/** Starts `count` trackers sharing the shards evenly; `started` sees each process as soon as it exists. */
async function startTrackers(deployment: Deployment, count: number, started: (child: Child, index: number) => void = () => undefined) {
  const per = SHARDS / count;
  const trackers: Child[] = [];
  for (let t = 0; t < count; t++) {
    const child = startCorridor(['tracker', '--shards', `${t * per}-${(t + 1) * per - 1}`], deployment.env, 'dist/src/apps/cli/main.js');
    started(child, t);
    trackers.push(child);
  }
  deployment.children.push(...trackers);
  await Promise.all(trackers.map((child) => child.waitFor(/"msg":"holding shards"/, 60_000)));
}

/** Resolves once `total` positions are in the deployment's table, at the time they all were. */
async function allStored(pgUrl: string, schema: string, total: number): Promise<number> {
  const count = new pg.Pool({ connectionString: pgUrl, max: 1 });
  const since = performance.now();
  try {
    for (;;) {
      const stored = (await count.query<{ n: number }>(`select count(*)::int as n from ${schema}.positions`)).rows[0]!.n;
      if (stored >= total) return performance.now();
      if (performance.now() - since > 180_000) throw new Error(`${stored} of ${total} positions stored after three minutes`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await count.end();
  }
}

async function endToEnd(binary: string, pgUrl: string, imeis: readonly string[], packets: number, gateways: number, trackers: number) {
  return withDeployment(binary, pgUrl, imeis, async (deployment) => {
    await startTrackers(deployment, trackers);
    const ports: number[] = [];
    for (let g = 0; g < gateways; g++) {
      const child = startCorridor(['gateway'], deployment.env, 'dist/src/apps/cli/main.js');
      deployment.children.push(child);
      ports.push(Number((await child.waitFor(/"protocol":"teltonika","port":(\d+)/, 60_000))[1]));
    }
    const total = imeis.length * packets * RECORDS_PER_PACKET;
    const started = performance.now();
    await Promise.all(imeis.map((imei, device) => stream(ports[device % gateways]!, imei, device, packets)));
    const acknowledged = performance.now();
    const done = await allStored(pgUrl, deployment.schema, total);
    return {
      positions: total,
      gatewayAckPerSecond: Math.round(total / ((acknowledged - started) / 1000)),
      endToEndPerSecond: Math.round(total / ((done - started) / 1000)),
      storedBehindLastAckMs: Math.round(done - acknowledged),
    };
  });
}

/**
 * The trackers alone, each confined to the same CPU budget as a machine of its own would give it: the same
 * messages the gateways publish go straight to JetStream (far faster than the trackers drain them) while `count`
 * trackers consume them into PostgreSQL; timed from the first publish until every position is stored.
 */
async function trackersAlone(binary: string, pgUrl: string, imeis: readonly string[], packets: number, count: number, cores: number) {
  return withDeployment(binary, pgUrl, imeis, async (deployment) => {
    const budgets: CpuBudget[] = [];
    let unconfined: string | undefined;
    try {
      await startTrackers(deployment, count, (child, index) => {
        const budget = confineToCpu(child.process.pid!, `corridor-bench-tracker-${process.pid}-${index}`, cores);
        if (typeof budget === 'string') unconfined = budget;
        else budgets.push(budget);
      });
      const total = imeis.length * packets * RECORDS_PER_PACKET;
      const started = performance.now();
      const published = await publishAll(deployment.nats.url, imeis, packets);
      const done = await allStored(pgUrl, deployment.schema, total);
      return {
        positions: total,
        trackerCpu: unconfined === undefined ? `${cores} of a core each` : `unconfined: ${unconfined}`,
        publishedPerSecond: Math.round(total / published),
        storedPerSecond: Math.round(total / ((done - started) / 1000)),
      };
    } finally {
      for (const child of deployment.children) await child.kill('SIGTERM');
      for (const budget of budgets) budget.release();
    }
  });
}

/** Publishes the gateways' messages for every device straight to JetStream, each device's after the previous one's ack. */
async function publishAll(url: string, imeis: readonly string[], packets: number): Promise<number> {
  const bus = await connectNatsBus(url, { shardCount: SHARDS });
  const settings = bus.settings;
  await bus.close();
  const nc = await connect({ servers: url.replace('nats://', '') });
  const js = jetstream(nc);
  const messages = imeis.map((imei, device) =>
    Array.from({ length: packets }, (_, packet) => {
      const list = positions(imei, device, packet);
      return { subject: subjectOf(settings, shardOf(imei, SHARDS)), data: encodePositions(list), msgID: messageId(list) };
    }),
  );
  const started = performance.now();
  await Promise.all(messages.map(async (device) => {
    for (const message of device) await js.publish(message.subject, message.data, { msgID: message.msgID });
  }));
  const seconds = (performance.now() - started) / 1000;
  await nc.close();
  return seconds;
}

/** The same messages straight to JetStream: each device's frames one after another, every device at once. */
async function bareJetStream(binary: string, imeis: readonly string[], packets: number) {
  const nats = await PrivateNatsServer.start(binary);
  try {
    const seconds = await publishAll(nats.url, imeis, packets);
    return Math.round((imeis.length * packets * RECORDS_PER_PACKET) / seconds);
  } finally {
    await nats.stop();
  }
}

/** The benchmark's batch `from`: a thousand devices, a position each a second apart in turn, so two and a half days, in their day partitions. */
function storeBatch(from: number, batchSize: number): Position[] {
  const batch: Position[] = [];
  for (let i = from; i < from + batchSize; i++) batch.push({ ...positions(String(356307060000000 + (i % 1000)), 0, 0)[0]!, deviceTime: T0 + i * 1000 });
  return batch;
}

/**
 * The batches encoded as CSV beforehand and copied straight into the positions table by a bare client, a
 * transaction each: PostgreSQL's own limit for these rows, without the dedupe or the devices' latest positions.
 */
async function bareCopy(pgUrl: string, schema: string, count: number, batchSize: number): Promise<number> {
  const batches: string[][] = [];
  for (let from = 0; from < count; from += batchSize) batches.push([...csvChunks(encodeRows(storeBatch(from, batchSize)), batchSize)]);
  const client = new pg.Client({ connectionString: pgUrl, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    const started = performance.now();
    for (const chunks of batches) {
      await client.query('begin');
      await pipeline(Readable.from(chunks), client.query(copyFrom(copyStatement('positions'))));
      await client.query('commit');
    }
    return (performance.now() - started) / 1000;
  } finally {
    await client.end();
  }
}

/**
 * Positions into PostgreSQL by the store's COPY path, by its multi-row INSERT statements, and by a bare COPY,
 * the same batches.
 */
async function postgresWrites(pgUrl: string, count: number, batchSize: number) {
  const rates: Record<string, number> = {};
  for (const path of ['copy', 'insert', 'bare'] as const) {
    const schema = `bench_pg_${randomBytes(4).toString('hex')}`;
    const store = openPostgresStore(pgUrl, { schema });
    try {
      await store.migrate();
      await store.positionPartitions!.maintain(T0);
      // The shared repository is the COPY one's parent: its insertMany is the statements' path.
      if (path === 'bare') {
        rates[path] = Math.round(count / (await bareCopy(pgUrl, schema, count, batchSize)));
        continue;
      }
      const insert = path === 'copy' ? store.positions.insertMany.bind(store.positions) : KyselyPositionRepository.prototype.insertMany.bind(store.positions);
      const started = performance.now();
      for (let from = 0; from < count; from += batchSize) await insert(storeBatch(from, batchSize));
      rates[path] = Math.round(count / ((performance.now() - started) / 1000));
    } finally {
      await store.close();
      const admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    }
  }
  return {
    benchmark: 'postgres-positions-copy', positions: count, batchSize, perSecond: rates.copy,
    baseline: 'the store\'s multi-row INSERT statements, same batches, same run', baselinePerSecond: rates.insert,
    ratioToBaseline: Math.round((rates.copy! / rates.insert!) * 1000) / 1000,
    rawLimit: 'bare COPY of the same rows, CSV made beforehand, into the positions table alone', rawLimitPerSecond: rates.bare,
    ratioToRawLimit: Math.round((rates.copy! / rates.bare!) * 1000) / 1000,
  };
}

export async function busBenchmarks(connections: number, packets: number): Promise<object[]> {
  const binary = natsServerBinary();
  if (binary === undefined) throw new Error('the bus benchmark needs nats-server (apt-get install nats-server)');
  const pgUrl = process.env.CORRIDOR_BENCH_PG ?? process.env.CORRIDOR_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
  const imeis = Array.from({ length: connections }, (_, i) => String(356307050000000 + i));
  const bare = await bareJetStream(binary, imeis, packets);
  const results: object[] = [await postgresWrites(pgUrl, 200_000, 1_000)];
  for (const [gateways, trackers] of [[1, 1], [2, 1], [2, 2]] as const) {
    const run = await endToEnd(binary, pgUrl, imeis, packets, gateways, trackers);
    results.push({
      benchmark: `bus-gateway-jetstream-tracker-postgres-${gateways}g${trackers}t`,
      connections, recordsPerPacket: RECORDS_PER_PACKET, shards: SHARDS, gateways, trackers, ...run,
      baseline: 'bare JetStream publishes of the same messages, same pattern, same run', baselinePerSecond: bare,
      ratioToBaseline: Math.round((run.endToEndPerSecond / bare) * 1000) / 1000,
    });
  }
  const cores = Number(process.env.BENCH_TRACKER_CORES ?? 0.4);
  const alone = [];
  for (const trackers of [1, 2]) alone.push({ trackers, ...(await trackersAlone(binary, pgUrl, imeis, packets, trackers, cores)) });
  for (const run of alone) {
    results.push({
      benchmark: `bus-trackers-alone-${run.trackers}t`, connections, recordsPerPacket: RECORDS_PER_PACKET, shards: SHARDS, ...run,
      baseline: 'one tracker under the same budget, same run', baselinePerSecond: alone[0]!.storedPerSecond,
      ratioToBaseline: Math.round((run.storedPerSecond / alone[0]!.storedPerSecond) * 1000) / 1000,
    });
  }
  return results;
}
