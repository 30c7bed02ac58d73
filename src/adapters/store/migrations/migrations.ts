/**
 * The one migration set of both dialects, provided in code so that it travels inside the build and needs no
 * files at run time. Names sort in the order the migrations run; never rename or edit one that has shipped.
 */
import type { Migration, MigrationProvider } from 'kysely';
import type { StoreDialect } from '../dialect.js';
import { columnTypes } from './column-types.js';
import * as initial from './0001-initial.js';
import * as positions from './0002-positions.js';
import * as risk from './0004-risk.js';
import * as queue from './0005-queue.js';
import * as tracking from './0003-tracking.js';
import * as operators from './0007-operators.js';
import * as shardLeases from './0006-shard-leases.js';
import * as positionPartitions from './0008-position-partitions.js';
import * as unknownDevices from './0009-unknown-devices.js';
import * as trackingNews from './0010-tracking-news.js';
import * as customsProcedure from './0011-customs-procedure.js';
import * as transitForwarded from './0012-transit-forwarded.js';
import * as sealCursors from './0013-seal-cursors.js';
import * as takenBehind from './0014-taken-behind.js';
import * as forwardingPerSeal from './0015-forwarding-per-seal.js';

export function migrationProvider(dialect: StoreDialect): MigrationProvider {
  const types = columnTypes(dialect);
  const migrations: Record<string, Migration> = {
    '0001-initial': { up: (db) => initial.up(db, types), down: (db) => initial.down(db) },
    '0002-positions': { up: (db) => positions.up(db, types), down: (db) => positions.down(db) },
    '0004-risk': { up: (db) => risk.up(db, types), down: (db) => risk.down(db) },
    '0005-queue': { up: (db) => queue.up(db, types), down: (db) => queue.down(db) },
    '0003-tracking': { up: (db) => tracking.up(db, types), down: (db) => tracking.down(db) },
    '0007-operators': { up: (db) => operators.up(db, types), down: (db) => operators.down(db) },
    '0006-shard-leases': { up: (db) => shardLeases.up(db, types), down: (db) => shardLeases.down(db) },
    '0008-position-partitions': { up: (db) => positionPartitions.up(db, dialect), down: (db) => positionPartitions.down(db, dialect) },
    '0009-unknown-devices': { up: (db) => unknownDevices.up(db, types), down: (db) => unknownDevices.down(db) },
    '0010-tracking-news': { up: (db) => trackingNews.up(db, types), down: (db) => trackingNews.down(db) },
    '0011-customs-procedure': { up: (db) => customsProcedure.up(db), down: (db) => customsProcedure.down(db) },
    '0012-transit-forwarded': { up: (db) => transitForwarded.up(db, types), down: (db) => transitForwarded.down(db) },
    '0013-seal-cursors': { up: (db) => sealCursors.up(db), down: (db) => sealCursors.down(db) },
    '0014-taken-behind': { up: (db) => takenBehind.up(db, types), down: (db) => takenBehind.down(db) },
    '0015-forwarding-per-seal': { up: (db) => forwardingPerSeal.up(db), down: (db) => forwardingPerSeal.down(db) },
  };
  return { getMigrations: async () => migrations };
}
