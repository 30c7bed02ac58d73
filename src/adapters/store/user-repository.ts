/** Accounts and their bearer tokens (stored by hash only, so a leaked table grants no access). */
import type { Kysely, Selectable } from 'kysely';
import type { User } from '../../core/model/index.js';
import type { StoredUser, UserRepository } from '../../ports/store.js';
import { decodeCount, encodeTime, optional } from './codec.js';
import type { Database, UsersTable } from './schema.js';

export class KyselyUserRepository implements UserRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(user: StoredUser): Promise<boolean> {
    const created = await this.db
      .insertInto('users')
      .values({
        username: user.username,
        role: user.role,
        carrier_id: user.carrierId ?? null,
        password_hash: user.passwordHash,
        created_at: encodeTime(user.createdAt),
      })
      .onConflict((conflict) => conflict.column('username').doNothing())
      .returning('username')
      .executeTakeFirst();
    return created !== undefined;
  }

  async get(username: string): Promise<StoredUser | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    return row && toStoredUser(row);
  }

  async list(): Promise<User[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('username').execute();
    return rows.map(toUser);
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('total'))
      .executeTakeFirst();
    return decodeCount(row?.total);
  }

  async putToken(tokenHash: string, username: string, expiresAt: string): Promise<void> {
    const expires_at = encodeTime(expiresAt);
    await this.db
      .insertInto('tokens')
      .values({ hash: tokenHash, username, expires_at })
      .onConflict((conflict) => conflict.column('hash').doUpdateSet({ username, expires_at }))
      .execute();
  }

  async userForToken(tokenHash: string, now: string): Promise<StoredUser | undefined> {
    const row = await this.db
      .selectFrom('tokens')
      .innerJoin('users', 'users.username', 'tokens.username')
      .selectAll('users')
      .where('tokens.hash', '=', tokenHash)
      .where('tokens.expires_at', '>', encodeTime(now))
      .executeTakeFirst();
    return row && toStoredUser(row);
  }
}

function toUser(row: Selectable<UsersTable>): User {
  return {
    username: row.username,
    role: row.role,
    ...optional('carrierId', row.carrier_id),
    createdAt: row.created_at,
  };
}

function toStoredUser(row: Selectable<UsersTable>): StoredUser {
  return { ...toUser(row), passwordHash: row.password_hash };
}
