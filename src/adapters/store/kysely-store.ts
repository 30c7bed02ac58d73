/** The Store on any Kysely database of our schema: the same repositories for SQLite and PostgreSQL. */
import type { HandledNewsRepository, NewsOutboxRepository } from '../../ports/tracking-news.js';
import { KyselyHandledNewsRepository, KyselyNewsOutboxRepository } from './news-repositories.js';
import { Migrator, sql, type Kysely } from 'kysely';
import type {
  AuditLog,
  DeclarationRepository,
  NomenclatureRepository,
  PositionPartitions,
  PositionRepository,
  ReferenceRepository,
  Store,
  UserRepository,
} from '../../ports/store.js';
import type { ExchangeRepository, ObligationRepository } from '../../ports/exchange-store.js';
import type { RiskStore } from '../../ports/risk-store.js';
import type { QueueRepository } from '../../ports/queue-store.js';
import type { AlertRepository, TripRepository } from '../../ports/tracking-store.js';
import type { ShardLeaseRepository } from '../../ports/shard-leases.js';
import type { UnknownDeviceRepository } from '../../ports/unknown-devices.js';
import { KyselyAlertRepository } from './alert-repository.js';
import { KyselyAuditLog } from './audit-log.js';
import { KyselyDeclarationRepository } from './declaration-repository.js';
import { MAX_PARAMETERS, type StoreDialect } from './dialect.js';
import { migrationProvider } from './migrations/migrations.js';
import { KyselyExchangeRepository } from './operators/exchange-repository.js';
import { KyselyObligationRepository } from './operators/obligation-repository.js';
import { KyselyNomenclatureRepository } from './nomenclature-repository.js';
import { KyselyPositionRepository } from './position-repository.js';
import { KyselyQueueRepository } from './queue-repository.js';
import { KyselyReferenceRepository } from './reference-repository.js';
import { KyselyShardLeaseRepository } from './shard-lease-repository.js';
import { kyselyRiskStore } from './risk/kysely-risk-store.js';
import { KyselyTripRepository } from './trip-repository.js';
import { KyselyUnknownDeviceRepository } from './unknown-device-repository.js';
import type { Database } from './schema.js';
import { KyselyUserRepository } from './user-repository.js';

export interface KyselyStoreOptions {
  /** PostgreSQL schema that holds the tables and Kysely's migration bookkeeping; created when missing. */
  schema?: string;
  /** Called once the database is closed, for what the backend runs beside it. */
  onClose?: () => Promise<void>;
  /** The backend's own position repository, where it writes faster than the shared one. */
  positions?: (db: Kysely<Database>, maxParameters: number) => PositionRepository;
  positionPartitions?: (db: Kysely<Database>) => PositionPartitions;
}

const MIGRATION_ATTEMPTS = 3;

/**
 * Before it migrates anything, Kysely's migrator lists the tables of every schema, and PostgreSQL fails that listing
 * (invalid_schema_name, 3F000) when another session drops a schema meanwhile: on a server shared by many stores,
 * such as throwaway schemas coming and going. Nothing was migrated then, so trying again is safe.
 */
function schemaDroppedMeanwhile(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '3F000';
}

export class KyselyStore implements Store {
  readonly declarations: DeclarationRepository;
  readonly reference: ReferenceRepository;
  readonly nomenclature: NomenclatureRepository;
  readonly users: UserRepository;
  readonly audit: AuditLog;
  readonly positions: PositionRepository;
  readonly risk: RiskStore;
  readonly queues: QueueRepository;
  readonly trips: TripRepository;
  readonly alerts: AlertRepository;
  readonly obligations: ObligationRepository;
  readonly exchange: ExchangeRepository;
  readonly shardLeases: ShardLeaseRepository;
  readonly unknownDevices: UnknownDeviceRepository;
  readonly newsOutbox: NewsOutboxRepository;
  readonly handledNews: HandledNewsRepository;
  readonly positionPartitions?: PositionPartitions;
  #closed = false;

  constructor(
    private readonly db: Kysely<Database>,
    readonly dialect: StoreDialect,
    private readonly options: KyselyStoreOptions = {},
  ) {
    const maxParameters = MAX_PARAMETERS[dialect];
    this.declarations = new KyselyDeclarationRepository(db, maxParameters);
    this.reference = new KyselyReferenceRepository(db);
    this.nomenclature = new KyselyNomenclatureRepository(db, maxParameters);
    this.users = new KyselyUserRepository(db);
    this.audit = new KyselyAuditLog(db);
    this.positions = options.positions?.(db, maxParameters) ?? new KyselyPositionRepository(db, maxParameters);
    this.risk = kyselyRiskStore(db, maxParameters);
    this.queues = new KyselyQueueRepository(db, maxParameters);
    this.trips = new KyselyTripRepository(db, dialect);
    this.alerts = new KyselyAlertRepository(db);
    this.obligations = new KyselyObligationRepository(db);
    this.exchange = new KyselyExchangeRepository(db);
    this.shardLeases = new KyselyShardLeaseRepository(db);
    this.unknownDevices = new KyselyUnknownDeviceRepository(db, maxParameters);
    this.newsOutbox = new KyselyNewsOutboxRepository(db);
    this.handledNews = new KyselyHandledNewsRepository(db);
    const partitions = options.positionPartitions?.(db);
    if (partitions) this.positionPartitions = partitions;
  }

  async migrate(): Promise<void> {
    const schema = await this.migrationSchema();
    const migrator = new Migrator({
      db: this.db,
      provider: migrationProvider(this.dialect),
      ...(schema === undefined ? {} : { migrationTableSchema: schema }),
    });
    for (let attempt = 1; ; attempt++) {
      const { error, results } = await migrator.migrateToLatest();
      if (error === undefined) return;
      const failed = results?.find((result) => result.status === 'Error')?.migrationName;
      if (failed === undefined && attempt < MIGRATION_ATTEMPTS && schemaDroppedMeanwhile(error)) continue;
      throw new Error(`store migration ${failed ?? ''} failed on ${this.dialect}`.replace('  ', ' '), {
        cause: error,
      });
    }
  }

  /**
   * Where the migrator keeps its tables: the store's schema, or on PostgreSQL the connection's current one. Left to
   * itself the migrator looks for its tables in every schema of the database, so another schema holding a store
   * made it skip creating its own and then fail on them.
   */
  private async migrationSchema(): Promise<string | undefined> {
    if (this.options.schema !== undefined || this.dialect !== 'postgres') return this.options.schema;
    const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(this.db);
    return rows[0]?.schema ?? undefined;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.db.destroy();
    await this.options.onClose?.();
  }
}
