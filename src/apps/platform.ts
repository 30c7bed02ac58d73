/** The composition root: the store chosen by configuration, and the services wired to it. */
import { createScryptCredentials } from '../adapters/auth/scrypt-credentials.js';
import { readExchangeRatesFile } from '../adapters/risk/exchange-rates-file.js';
import { exchangeOperator, type OperatorIdentity } from '../adapters/exchange/operator-config.js';
import { postMessage } from '../adapters/exchange/http-transport.js';
import { readObligationRulesFile } from '../adapters/obligation/obligation-rules-file.js';
import { readShippedRuleSets } from '../adapters/risk/rule-set-file.js';
import { selectionKeySource } from '../adapters/risk/selection-key-source.js';
import { openStore } from '../adapters/store/open-store.js';
import type { User } from '../core/model/index.js';
import type { ExchangeRateTable } from '../core/risk/index.js';
import { systemClock, type Clock } from '../ports/clock.js';
import type { OpenTrips } from '../ports/open-trips.js';
import type { NewsBus, NewsHandler } from '../ports/tracking-news.js';
import type { Store } from '../ports/store.js';
import { createAudit, type Audit } from '../services/audit.js';
import { AuthService } from '../services/auth-service.js';
import { CheckContextSource } from '../services/check-context.js';
import { DeclarationImport } from '../services/declaration-import.js';
import { DeclarationService } from '../services/declaration-service.js';
import { NomenclatureImport } from '../services/nomenclature-import.js';
import { ExchangeService, type MessageTransport, type RetryOptions } from '../services/operators/exchange-service.js';
import { ObligationService } from '../services/operators/obligation-service.js';
import { TransitHandover, type HandoverOptions } from '../services/operators/transit-handover.js';
import { TransitLegs } from '../services/operators/transit-legs.js';
import { PositionQueryService } from '../services/position-query.js';
import { wireQueues, type QueueServices } from '../services/queue/index.js';
import { ReferenceService } from '../services/reference-service.js';
import { AssessmentService } from '../services/risk/assessment-service.js';
import { InspectionService } from '../services/risk/inspection-service.js';
import { RiskContextSource } from '../services/risk/risk-context-source.js';
import { RiskReports } from '../services/risk/risk-reports.js';
import type { RiskServices } from '../services/risk/risk-services.js';
import { RoadsideService } from '../services/risk/roadside-service.js';
import { RuleSetCatalogue } from '../services/risk/rule-set-catalogue.js';
import { AlertService } from '../services/tracking/alert-service.js';
import { TrackerOpenTrips } from '../services/tracking/open-trips.js';
import { Tracker, type TrackerOptions } from '../services/tracking/tracker.js';
import { TrackingFeed } from '../services/tracking/tracking-feed.js';
import { newsListener } from '../services/tracking/tracking-news.js';
import { TripService } from '../services/tracking/trip-service.js';
import { operatorHandover, positionsForwarding } from './operator-handover.js';
import { settler } from './settle.js';
import { trackingConsequences } from './tracking-consequences.js';

export interface Platform extends QueueServices {
  store: Store;
  auth: AuthService;
  declarations: DeclarationService;
  imports: DeclarationImport;
  nomenclature: NomenclatureImport;
  reference: ReferenceService;
  positions: PositionQueryService;
  risk: RiskServices;
  /** Follows the open trips; `serve` starts it and feeds it the gateways' positions. */
  tracker: Tracker;
  /** The tracker's news as the live stream watches them: the tracker's own, or the bus's with `news`. */
  feed: TrackingFeed;
  /**
   * What acts on the tracker's news, each a consumer group of its own: run on the tracker's listeners in one process,
   * and by whoever consumes the groups of the bus with `news` (see apps/server/tracking-news-roles.ts).
   */
  consequences: ReadonlyArray<{ group: string; handler: NewsHandler }>;
  trips: TripService;
  alerts: AlertService;
  obligations: ObligationService;
  /** The exchange with other countries' operators, when this instance is configured as one. */
  operator?: { exchange: ExchangeService; handover: TransitHandover };
  close(): Promise<void>;
}

export interface PlatformOptions {
  /** The random-selection key, `id:secret` (CORRIDOR_RISK_SECRET); the installation's own when absent. */
  riskSecret?: string;
  /** The open trips risk sees; the tracker's unless told. */
  openTrips?: OpenTrips;
  tracking?: TrackerOptions;
  /** The exchange rates valuation rules use; the installation's rules/valuation/exchange-rates.yaml unless told. */
  exchangeRates?: ExchangeRateTable;
  /** The tracking-obligation rules file; rules/obligation/ shipped with the installation unless told. */
  obligationRules?: string;
  /** This instance as a national operator (CORRIDOR_OPERATOR_CONFIG); no exchange with peers when absent. */
  operator?: OperatorOptions;
  /**
   * The bus that carries the tracker's news between processes (scale-out): the tracker writes them into the outbox,
   * as an operator's change to an alert is written with the action, and neither the consequences nor the feed
   * listen to the tracker here (a news relay publishes the outbox). In one process without it, they do.
   */
  news?: Pick<NewsBus, 'publishNews'>;
}

export interface OperatorOptions {
  identity: OperatorIdentity;
  /** HTTP to the peers' endpoints unless told. */
  transport?: MessageTransport;
  retry?: RetryOptions;
  handover?: HandoverOptions;
}

/** The actor of commands run on the server itself by whoever holds its database: trusted as an administrator. */
export const CONSOLE_USER: User = { username: 'console', role: 'admin', createdAt: '1970-01-01T00:00:00.000Z' };

export async function openPlatform(db: string, clock: Clock = systemClock, options: PlatformOptions = {}): Promise<Platform> {
  const store = await openStore(db);
  await store.migrate();
  return wirePlatform(store, clock, options);
}

export function wirePlatform(store: Store, clock: Clock = systemClock, options: PlatformOptions = {}): Platform {
  const audit = createAudit(store.audit, clock);
  const auth = new AuthService(store, createScryptCredentials(), clock, audit);
  const checks = new CheckContextSource(store, clock);
  const declarations = new DeclarationService(store, auth, checks, clock, audit);
  const onError = options.tracking?.onError ?? (() => {});
  const tracker = new Tracker(store, clock, { ...options.tracking, outbox: options.news !== undefined });
  const feed = new TrackingFeed(onError);
  const trackerView = new TrackerOpenTrips(tracker, store);
  const risk = wireRisk(store, auth, clock, audit, options.openTrips ?? trackerView, options);
  const queues = wireQueues(store, auth, clock, audit, trackerView);
  declarations.onChanged(async (id, status) => {
    if (status === 'accepted') await risk.assessments.assessAccepted(id);
  });
  declarations.onChanged((id) => queues.queue.declarationChanged(id));
  const obligations = new ObligationService(store, declarations, clock, once(() => readObligationRulesFile(options.obligationRules)));
  declarations.onChanged((id, status) => obligations.declarationChanged(id, status));
  declarations.guardStatus((declaration, to) => obligations.guardTransit(declaration, to));
  risk.assessments.onChannelRaised(queues.queue);
  const operator = options.operator === undefined ? undefined : wireOperator(store, auth, clock, audit, tracker, options.operator);
  const news = options.news;
  const consequences = [
    { group: 'tracking-consequences', handler: trackingConsequences(risk.assessments, queues.queue) },
    ...(operator === undefined ? [] : [{ group: 'operator-handover', handler: operatorHandover(operator.handover, { forwardOnNews: news !== undefined }) }]),
  ];
  if (news === undefined) {
    tracker.subscribe(feed.relay);
    const settle = settler(onError);
    for (const { handler } of consequences) tracker.subscribe(newsListener((tripId) => tracker.declarationOf(tripId), (item) => settle(handler(item))));
    if (operator !== undefined) tracker.subscribe(positionsForwarding(operator.handover, (tripId) => tracker.declarationOf(tripId), settle));
  }
  return {
    store,
    auth,
    declarations,
    imports: new DeclarationImport(store, auth, checks, clock, audit),
    nomenclature: new NomenclatureImport(store, auth, checks, audit),
    reference: new ReferenceService(store.reference, auth, checks, audit),
    positions: new PositionQueryService(store, auth, clock),
    risk,
    ...queues,
    tracker,
    feed,
    consequences,
    trips: new TripService(store, auth, tracker, clock, audit),
    alerts: new AlertService(store, auth, tracker, feed, clock, audit, news !== undefined),
    obligations,
    ...(operator === undefined ? {} : { operator }),
    close: async () => {
      await operator?.exchange.stop();
      await tracker.stop();
      await queues.queueTimers.stop();
      await store.close();
    },
  };
}

function wireRisk(store: Store, auth: AuthService, clock: Clock, audit: Audit, trips: OpenTrips, options: PlatformOptions): RiskServices {
  const key = selectionKeySource(options.riskSecret, store.risk, clock);
  const ruleSets = new RuleSetCatalogue(store, auth, clock, audit, () => readShippedRuleSets());
  const contexts = new RiskContextSource(store, trips, options.exchangeRates ?? readExchangeRatesFile());
  return {
    ruleSets,
    assessments: new AssessmentService(store, auth, clock, audit, ruleSets, contexts, key.key),
    inspections: new InspectionService(store, auth, clock, audit),
    reports: new RiskReports(store, auth, ruleSets, contexts),
    roadside: new RoadsideService(store, auth, clock, audit, trips),
    trips,
    selectionKeyConfigured: key.configured,
  };
}

function wireOperator(store: Store, auth: AuthService, clock: Clock, audit: Audit, tracker: Tracker, options: OperatorOptions) {
  const exchange = new ExchangeService(store, exchangeOperator(options.identity), options.transport ?? postMessage, clock, options.retry);
  const handover = new TransitHandover(store, auth, exchange, clock, audit, new TransitLegs(store, tracker, clock), options.handover);
  exchange.onReceived((message) => handover.apply(message));
  return { exchange, handover };
}

/** The value of `load`, loaded on first use and kept; a failed load is tried again next time. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
    return loaded;
  };
}
