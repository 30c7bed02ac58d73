/**
 * Positions on PostgreSQL at volume: the migration that partitions them by day keeps every stored position; the
 * maintenance makes days ahead, moves a day's early arrivals out of the default partition, and drops the days past
 * the retention; and the queries the API and the tracker make of positions are served by indexes, reading only the
 * days asked for (checked with EXPLAIN on the very SQL the repositories ran).
 */
import { randomBytes } from 'node:crypto';
import { Migrator, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DAY_MS, partitionName } from '../../src/adapters/store/migrations/0008-position-partitions.js';
import { migrationProvider } from '../../src/adapters/store/migrations/migrations.js';
import { openPostgresStore } from '../../src/adapters/store/postgres/postgres-store.js';
import type { Position } from '../../src/core/model/index.js';
import type { Store } from '../../src/ports/store.js';
import { postgresUrl } from '../support/services.js';

const url = postgresUrl();
const run = `volume_${randomBytes(4).toString('hex')}`;
let schemas = 0;
const opened: Store[] = [];
const admin = url === undefined ? undefined : new pg.Pool({ connectionString: url, max: 2 });

afterAll(async () => {
  for (const store of opened) await store.close();
  const left = await admin?.query<{ name: string }>('select nspname as name from pg_namespace where nspname like $1', [`${run}%`]);
  for (const { name } of left?.rows ?? []) await admin?.query(`drop schema if exists ${name} cascade`);
  await admin?.end();
});

function openIn(schema: string, onQuery?: (sql: string, parameters: readonly unknown[]) => void): Store {
  const store = openPostgresStore(url!, { schema, ...(onQuery ? { onQuery } : {}) });
  opened.push(store);
  return store;
}

const NOW = Date.now();
const TODAY = Math.floor(NOW / DAY_MS);
const at = (day: number, seconds: number) => day * DAY_MS + seconds * 1000;

function position(deviceId: string, deviceTime: number, extra: Partial<Position> = {}): Position {
  return { deviceId, deviceTime, receivedTime: deviceTime + 1_500, lat: 43.25, lon: 76.93, speed: 60, course: 90, valid: true, attributes: { io1: 1 }, ...extra };
}

const deviceTimes = async (store: Store, deviceId: string) => (await store.positions.list({ deviceId, limit: 1_000_000 })).map((p) => p.deviceTime);

describe.skipIf(url === undefined)('positions on PostgreSQL at volume', () => {
  it('moves the stored positions into day partitions, makes days ahead, and drops the days past the retention', async () => {
    const schema = `${run}_${++schemas}`;
    await admin!.query(`create schema ${schema}`);
    // The schema as it was before positions were partitioned, with positions in it.
    const before = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1, options: `-c search_path=${schema}` }) }) });
    const migrator = new Migrator({ db: before, provider: migrationProvider('postgres'), migrationTableSchema: schema });
    expect((await migrator.migrateTo('0006-shard-leases')).error).toBeUndefined();
    await before.destroy();
    const store = openIn(schema);
    const old = [position('d1', at(TODAY - 40, 10)), position('d1', at(TODAY - 2, 10)), position('d1', at(TODAY, 10)), position('d2', at(TODAY, 20))];
    const wrongClock = position('d3', Date.UTC(2090, 0, 1));
    await store.positions.insertMany([...old, wrongClock]);

    await store.migrate();
    expect(await store.positionPartitions!.list()).toEqual([partitionName(TODAY - 40), partitionName(TODAY - 2), partitionName(TODAY)]);
    expect(await deviceTimes(store, 'd1')).toEqual(old.slice(0, 3).map((p) => p.deviceTime));
    expect(await deviceTimes(store, 'd3')).toEqual([wrongClock.deviceTime]);

    // A position of a day that has no partition yet waits in the default one; the day's partition takes it over.
    const early = position('d2', at(TODAY + 20, 5));
    expect(await store.positions.insertMany([early])).toBe(1);
    const { rows: inDefault } = await admin!.query(`select count(*)::int as n from ${schema}.positions_default`);
    expect(inDefault[0].n).toBe(2);

    const first = await store.positionPartitions!.maintain(NOW, { retentionDays: 30 });
    expect(first.dropped).toEqual([partitionName(TODAY - 40)]);
    expect(first.created).toEqual(Array.from({ length: 9 }, (_, i) => partitionName(TODAY + i - 1)).filter((name) => name !== partitionName(TODAY)));
    expect(await deviceTimes(store, 'd1')).toEqual(old.slice(1, 3).map((p) => p.deviceTime));
    // Run again, nothing changes; 14 days on, the early position's day is made and it moves there, still once.
    expect(await store.positionPartitions!.maintain(NOW, { retentionDays: 30 })).toEqual({ created: [], dropped: [] });
    const later = await store.positionPartitions!.maintain(NOW + 14 * DAY_MS);
    expect(later.created).toContain(partitionName(TODAY + 20));
    expect(await deviceTimes(store, 'd2')).toEqual([at(TODAY, 20), early.deviceTime]);
    const { rows: left } = await admin!.query(`select count(*)::int as n from ${schema}.positions_default`);
    expect(left[0].n).toBe(1);
    // Without a retention nothing is dropped.
    expect((await store.positionPartitions!.maintain(NOW + 400 * DAY_MS)).dropped).toEqual([]);
  });

  it('serves the API\'s and the tracker\'s position queries by index, over only the days asked for', { timeout: 60_000 }, async () => {
    const schema = `${run}_${++schemas}`;
    const queries: Array<{ sql: string; parameters: readonly unknown[] }> = [];
    let recording = false;
    const store = openIn(schema, (sql, parameters) => void (recording && queries.push({ sql, parameters })));
    await store.migrate();
    await store.positionPartitions!.maintain(NOW);
    // 200 devices, a position every 5 minutes over three days: 172,800 positions, written by COPY in batches.
    const devices = Array.from({ length: 200 }, (_, i) => `86${String(1_000_000_000 + i)}`);
    for (let day = TODAY - 1; day <= TODAY + 1; day++) {
      for (let slot = 0; slot < 288; slot += 24) {
        const batch: Position[] = [];
        for (let s = slot; s < slot + 24; s++) for (const d of devices) batch.push(position(d, at(day, s * 300)));
        await store.positions.insertMany(batch);
      }
    }
    await admin!.query(`analyze ${schema}.positions`);
    await admin!.query(`analyze ${schema}.device_latest`);

    const device = devices[17]!;
    recording = true;
    const track = await store.positions.list({ deviceId: device, from: at(TODAY, 3_600), to: at(TODAY, 7_200), limit: 1_000 });
    await store.positions.list({ deviceId: device, limit: 100 });
    await store.positions.latestOf(device);
    const received = await store.trips.positionsReceived([device, devices[18]!], at(TODAY, 0));
    const since = await store.trips.positionsReceivedSince(new Map([[device, at(TODAY + 1, 0)], [devices[18]!, at(TODAY, 0)]]));
    await store.trips.storedReceiveTimes(track.slice(0, 5));
    recording = false;
    expect(track).toHaveLength(13);
    expect(received).toHaveLength(2 * 2 * 288);
    expect(since).toHaveLength(288 + 2 * 288);

    expect(queries).toHaveLength(6);
    const client = await admin!.connect();
    try {
      await client.query(`set search_path = ${schema}`);
      for (const query of queries) {
        const { rows } = await client.query<{ 'QUERY PLAN': unknown }>(`explain (format json) ${query.sql}`, query.parameters as unknown[]);
        const plan = JSON.stringify(rows[0]!['QUERY PLAN']);
        const scans = [...plan.matchAll(/"Node Type":"([^"]+)"[^{}]*?"Relation Name":"([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
        expect(scans.length, query.sql).toBeGreaterThan(0);
        // Days made ahead and still empty are read whole, at no cost; every day with positions is read by an index.
        const filled = new Set([TODAY - 1, TODAY, TODAY + 1].map(partitionName));
        for (const scan of scans) if (filled.has(scan.split(' ').at(-1)!) || !scan.split(' ').at(-1)!.startsWith('positions_')) expect(scan, query.sql).toMatch(/^(Index Scan|Index Only Scan|Bitmap Heap Scan) /);
        // A track between two instants of one day reads that day's partition only.
        if (query === queries[0]) expect(new Set(scans.map((scan) => scan.split(' ').at(-1)))).toEqual(new Set([partitionName(TODAY)]));
      }
    } finally {
      client.release();
    }
  });
});
