/**
 * The day partitions of the positions on PostgreSQL (see migration 0007): made a week ahead, and dropped whole once
 * older than the retention. Every process that writes positions runs it now and then; an advisory lock keeps two
 * from working at once, and what is there already is left as it is.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { PositionPartitions } from '../../../ports/store.js';
import { createDayPartition, DAY_MS, partitionName } from '../migrations/0008-position-partitions.js';
import type { Database } from '../schema.js';

/** The advisory lock of partition maintenance: any fixed number of ours. */
const LOCK = 7_007_007;
const NAME = /^positions_p(\d{4})(\d{2})(\d{2})$/;

export class PostgresPositionPartitions implements PositionPartitions {
  constructor(private readonly db: Kysely<Database>) {}

  async list(): Promise<string[]> {
    return (await this.partitions(this.db)).sort();
  }

  maintain(nowMs: number, options: { aheadDays?: number; retentionDays?: number | null } = {}): Promise<{ created: string[]; dropped: string[] }> {
    const { aheadDays = 7, retentionDays = null } = options;
    return this.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${LOCK})`.execute(trx);
      const existing = new Set(await this.partitions(trx));
      const today = Math.floor(nowMs / DAY_MS);
      const created: string[] = [];
      for (let day = today - 1; day <= today + aheadDays; day++) {
        if (existing.has(partitionName(day))) continue;
        await createDayPartition(trx as unknown as Kysely<unknown>, day);
        created.push(partitionName(day));
      }
      const dropped: string[] = [];
      if (retentionDays !== null) {
        const firstKept = today - retentionDays;
        for (const name of existing) {
          const match = NAME.exec(name);
          if (!match || Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS >= firstKept) continue;
          await sql`drop table ${sql.id(name)}`.execute(trx);
          dropped.push(name);
        }
        await sql`delete from positions_default where device_time < ${firstKept * DAY_MS}`.execute(trx);
      }
      return { created, dropped: dropped.sort() };
    });
  }

  private async partitions(db: Kysely<Database> | Transaction<Database>): Promise<string[]> {
    const { rows } = await sql<{ name: string }>`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'positions'::regclass and c.relname <> 'positions_default'`.execute(db);
    return rows.map((row) => row.name);
  }
}
