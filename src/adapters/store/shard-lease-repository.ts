/** Shard leases as rows, each taken by one compare-and-set upsert. */
import type { Kysely } from 'kysely';
import type { ShardLease, ShardLeaseRepository } from '../../ports/shard-leases.js';
import type { Database } from './schema.js';

export class KyselyShardLeaseRepository implements ShardLeaseRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(): Promise<ShardLease[]> {
    const rows = await this.db.selectFrom('shard_leases').selectAll().orderBy('shard').execute();
    return rows.map((row) => ({ shard: row.shard, owner: row.owner, expiresMs: Number(row.expires_ms), wantedBy: row.wanted_by, epoch: Number(row.epoch) }));
  }

  async take(shard: number, owner: string, nowMs: number, expiresMs: number): Promise<number | undefined> {
    const taken = await this.db
      .insertInto('shard_leases')
      .values({ shard, owner, expires_ms: expiresMs, wanted_by: null, epoch: nowMs })
      .onConflict((conflict) =>
        conflict
          .column('shard')
          .doUpdateSet({
            owner,
            expires_ms: expiresMs,
            wanted_by: (eb) => eb.case().when('shard_leases.owner', '=', owner).then(eb.ref('shard_leases.wanted_by')).else(null).end(),
            epoch: (eb) => eb.case().when('shard_leases.owner', '=', owner).then(eb.ref('shard_leases.epoch')).else(nowMs).end(),
          })
          .where((eb) => eb.or([eb('shard_leases.owner', '=', owner), eb('shard_leases.expires_ms', '<', nowMs)])),
      )
      .returning('epoch')
      .executeTakeFirst();
    return taken === undefined ? undefined : Number(taken.epoch);
  }

  async want(shard: number, owner: string): Promise<void> {
    await this.db.updateTable('shard_leases').set({ wanted_by: owner }).where('shard', '=', shard).where('owner', '<>', owner).execute();
  }

  async release(shard: number, owner: string): Promise<void> {
    await this.db.deleteFrom('shard_leases').where('shard', '=', shard).where('owner', '=', owner).execute();
  }
}
