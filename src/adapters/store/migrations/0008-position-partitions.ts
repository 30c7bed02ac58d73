/**
 * PostgreSQL only: positions partitioned by day of device time, so that old days are dropped whole (retention) and
 * a track's query reads only the days it asks for. The key stays the deduplication rule (it holds the partition
 * key, as PostgreSQL requires); a second index, on device and receive time, serves the tracker's catch-up, which
 * asks by receive time. Days are made ahead of time by `PostgresPositionPartitions.maintain`; a position of a day
 * that has none (a device with a wrong clock) lands in the default partition, never refused.
 *
 * The positions already stored move into the new table, each day's into its own partition.
 */
import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../dialect.js';

export const DAY_MS = 86_400_000;

/** The partition of the day `day` (days since the epoch): `positions_p20260301`. */
export function partitionName(day: number): string {
  return `positions_p${new Date(day * DAY_MS).toISOString().slice(0, 10).replaceAll('-', '')}`;
}

/**
 * Creates the day's partition, moving its rows out of the default partition first (where they went while the day had
 * none). Inside a transaction: the holding table lives until the commit.
 */
export async function createDayPartition(db: Kysely<unknown>, day: number): Promise<void> {
  const name = sql.id(partitionName(day));
  const from = sql.lit(day * DAY_MS);
  const to = sql.lit((day + 1) * DAY_MS);
  await sql`create temporary table if not exists positions_moving (like positions) on commit drop`.execute(db);
  await sql`with moved as (delete from positions_default where device_time >= ${from} and device_time < ${to} returning *)
    insert into positions_moving select * from moved`.execute(db);
  await sql`create table if not exists ${name} partition of positions for values from (${from}) to (${to})`.execute(db);
  await sql`insert into positions select * from positions_moving`.execute(db);
  await sql`delete from positions_moving`.execute(db);
}

export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`alter table positions rename to positions_unpartitioned`.execute(db);
  await sql`alter table positions_unpartitioned rename constraint positions_pk to positions_unpartitioned_pk`.execute(db);
  await sql`create table positions (like positions_unpartitioned including defaults) partition by range (device_time)`.execute(db);
  await sql`alter table positions add constraint positions_pk primary key (device_id, device_time, sequence)`.execute(db);
  await sql`create index positions_received on positions (device_id, received_time)`.execute(db);
  await sql`create table positions_default partition of positions default`.execute(db);
  const { rows } = await sql<{ day: string }>`select distinct floor(device_time::numeric / ${DAY_MS})::bigint as day from positions_unpartitioned`.execute(db);
  const today = Math.floor(Date.now() / DAY_MS);
  // Days a device's clock cannot have meant stay in the default partition rather than make thousands of tables.
  for (const { day } of rows) if (Math.abs(Number(day) - today) <= 3_660) await createDayPartition(db, Number(day));
  await sql`insert into positions select * from positions_unpartitioned`.execute(db);
  await sql`drop table positions_unpartitioned`.execute(db);
}

export async function down(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`alter table positions rename to positions_partitioned`.execute(db);
  await sql`create table positions (like positions_partitioned including defaults)`.execute(db);
  await sql`insert into positions select * from positions_partitioned`.execute(db);
  await sql`drop table positions_partitioned`.execute(db);
  await sql`alter table positions add constraint positions_pk primary key (device_id, device_time, sequence)`.execute(db);
}
