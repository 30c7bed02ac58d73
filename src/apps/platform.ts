/** The composition root: the store chosen by configuration, and the services wired to it. */
import { createScryptCredentials } from '../adapters/auth/scrypt-credentials.js';
import { openStore } from '../adapters/store/open-store.js';
import type { User } from '../core/model/index.js';
import { systemClock, type Clock } from '../ports/clock.js';
import type { Store } from '../ports/store.js';
import { createAudit } from '../services/audit.js';
import { AuthService } from '../services/auth-service.js';
import { CheckContextSource } from '../services/check-context.js';
import { DeclarationImport } from '../services/declaration-import.js';
import { DeclarationService } from '../services/declaration-service.js';
import { NomenclatureImport } from '../services/nomenclature-import.js';
import { PositionQueryService } from '../services/position-query.js';
import { ReferenceService } from '../services/reference-service.js';
import { AlertService } from '../services/tracking/alert-service.js';
import { Tracker, type TrackerOptions } from '../services/tracking/tracker.js';
import { TripService } from '../services/tracking/trip-service.js';

export interface Platform {
  store: Store;
  auth: AuthService;
  declarations: DeclarationService;
  imports: DeclarationImport;
  nomenclature: NomenclatureImport;
  reference: ReferenceService;
  positions: PositionQueryService;
  /** Follows the open trips; `serve` starts it and feeds it the gateways' positions. */
  tracker: Tracker;
  trips: TripService;
  alerts: AlertService;
  close(): Promise<void>;
}

/** The actor of commands run on the server itself by whoever holds its database: trusted as an administrator. */
export const CONSOLE_USER: User = { username: 'console', role: 'admin', createdAt: '1970-01-01T00:00:00.000Z' };

export async function openPlatform(db: string, clock: Clock = systemClock, tracking: TrackerOptions = {}): Promise<Platform> {
  const store = await openStore(db);
  await store.migrate();
  return wirePlatform(store, clock, tracking);
}

export function wirePlatform(store: Store, clock: Clock = systemClock, tracking: TrackerOptions = {}): Platform {
  const audit = createAudit(store.audit, clock);
  const auth = new AuthService(store, createScryptCredentials(), clock, audit);
  const checks = new CheckContextSource(store, clock);
  const tracker = new Tracker(store, clock, tracking);
  return {
    store,
    auth,
    declarations: new DeclarationService(store, auth, checks, clock, audit),
    imports: new DeclarationImport(store, auth, checks, clock, audit),
    nomenclature: new NomenclatureImport(store, auth, checks, audit),
    reference: new ReferenceService(store.reference, auth, checks, audit),
    positions: new PositionQueryService(store, auth, clock),
    tracker,
    trips: new TripService(store, auth, tracker, clock, audit),
    alerts: new AlertService(store, auth, tracker, clock, audit),
    close: async () => {
      await tracker.stop();
      await store.close();
    },
  };
}
