/**
 * The unknown devices as rows keyed by device and protocol: refusals are added by one upsert per chunk and the
 * list trimmed to its cap in the same transaction; a device registered since is left out of the list.
 */
import type { Kysely } from 'kysely';
import type { UnknownDevice, UnknownDeviceRepository } from '../../ports/unknown-devices.js';
import { chunkRows } from './batches.js';
import type { Database } from './schema.js';

const COLUMNS = 6;

export class KyselyUnknownDeviceRepository implements UnknownDeviceRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly maxParameters: number,
  ) {}

  async record(refusals: readonly UnknownDevice[], keep: number): Promise<void> {
    if (refusals.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (const chunk of chunkRows(refusals, COLUMNS, this.maxParameters)) {
        await trx
          .insertInto('unknown_devices')
          .values(chunk.map((d) => ({
            device_id: d.deviceId, protocol: d.protocol, remote: d.remote, attempts: d.attempts,
            first_seen_ms: d.firstSeen, last_seen_ms: d.lastSeen,
          })))
          .onConflict((conflict) =>
            conflict.columns(['device_id', 'protocol']).doUpdateSet((eb) => {
              // Two gateway processes may write the same device's refusals in either order.
              const later = eb('excluded.last_seen_ms', '>=', eb.ref('unknown_devices.last_seen_ms'));
              return {
                attempts: eb('unknown_devices.attempts', '+', eb.ref('excluded.attempts')),
                first_seen_ms: eb.case().when('excluded.first_seen_ms', '<', eb.ref('unknown_devices.first_seen_ms'))
                  .then(eb.ref('excluded.first_seen_ms')).else(eb.ref('unknown_devices.first_seen_ms')).end(),
                last_seen_ms: eb.case().when(later).then(eb.ref('excluded.last_seen_ms')).else(eb.ref('unknown_devices.last_seen_ms')).end(),
                remote: eb.case().when(later).then(eb.ref('excluded.remote')).else(eb.ref('unknown_devices.remote')).end(),
              };
            }),
          )
          .execute();
      }
      // Everything seen no later than the (keep + 1)-th most recent goes, ties included, so at most `keep` stay.
      await trx
        .deleteFrom('unknown_devices')
        .where('last_seen_ms', '<=', (eb) =>
          eb.selectFrom('unknown_devices as newer').select('newer.last_seen_ms').orderBy('newer.last_seen_ms', 'desc').limit(1).offset(keep),
        )
        .execute();
    });
  }

  async list(): Promise<UnknownDevice[]> {
    const rows = await this.db
      .selectFrom('unknown_devices')
      .selectAll()
      .where(({ not, exists, selectFrom }) =>
        not(exists(
          selectFrom('devices').select('devices.id')
            .whereRef('devices.id', '=', 'unknown_devices.device_id')
            .whereRef('devices.protocol', '=', 'unknown_devices.protocol')
            .where('devices.state', '<>', 'retired'),
        )),
      )
      .orderBy('last_seen_ms', 'desc')
      .orderBy('device_id')
      .execute();
    return rows.map((row) => ({
      deviceId: row.device_id, protocol: row.protocol, remote: row.remote, attempts: row.attempts,
      firstSeen: row.first_seen_ms, lastSeen: row.last_seen_ms,
    }));
  }
}
