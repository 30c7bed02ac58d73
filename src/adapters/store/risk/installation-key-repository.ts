/** The one selection secret an installation makes for itself when none is configured. */
import type { Kysely } from 'kysely';
import type { InstallationKeyRepository, StoredSecret } from '../../../ports/risk-store.js';
import { encodeTime } from '../codec.js';
import type { Database } from '../schema.js';

const SLOT = 'installation';

export class KyselyInstallationKeyRepository implements InstallationKeyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async getOrCreate(candidate: StoredSecret): Promise<StoredSecret> {
    await this.db
      .insertInto('risk_installation_key')
      .values({ slot: SLOT, key_id: candidate.keyId, secret: candidate.secret, created_at: encodeTime(candidate.createdAt) })
      .onConflict((conflict) => conflict.column('slot').doNothing())
      .execute();
    const row = await this.db.selectFrom('risk_installation_key').selectAll().where('slot', '=', SLOT).executeTakeFirstOrThrow();
    return { keyId: row.key_id, secret: row.secret, createdAt: row.created_at };
  }
}
