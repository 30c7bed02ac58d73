/** What the routes are given: the services, and the authenticated user of a request. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawServerDefault } from 'fastify';
import type { User } from '../../core/model/index.js';
import type { Store } from '../../ports/store.js';
import type { AuthService } from '../../services/auth-service.js';
import type { DeclarationImport } from '../../services/declaration-import.js';
import type { DeclarationService } from '../../services/declaration-service.js';
import type { ExchangeService } from '../../services/operators/exchange-service.js';
import type { ObligationService } from '../../services/operators/obligation-service.js';
import type { TransitHandover } from '../../services/operators/transit-handover.js';
import type { PositionQueryService } from '../../services/position-query.js';
import type { QueueService, QueueViews } from '../../services/queue/index.js';
import type { ReferenceService } from '../../services/reference-service.js';
import type { RiskServices } from '../../services/risk/risk-services.js';
import { ServiceError } from '../../services/service-error.js';
import type { AlertService } from '../../services/tracking/alert-service.js';
import type { Tracker } from '../../services/tracking/tracker.js';
import type { TripService } from '../../services/tracking/trip-service.js';

export interface ApiServices {
  store: Store;
  auth: AuthService;
  declarations: DeclarationService;
  imports: DeclarationImport;
  reference: ReferenceService;
  positions: PositionQueryService;
  risk: RiskServices;
  queue: QueueService;
  queueViews: QueueViews;
  trips: TripService;
  alerts: AlertService;
  obligations: ObligationService;
  /** The exchange with other countries' operators, when this instance is one. */
  operator?: { exchange: ExchangeService; handover: TransitHandover };
  /** For the live stream's subscription. */
  tracker: Tracker;
}

declare module 'fastify' {
  interface FastifyRequest {
    user?: User;
  }
  interface FastifyContextConfig {
    /** Reachable without a bearer token. */
    public?: boolean;
  }
}

/** The authenticated user; every non-public route has one (the auth hook made sure). */
export function userOf(request: FastifyRequest): User {
  if (!request.user) throw new ServiceError('UNAUTHENTICATED', 'a bearer token is required');
  return request.user;
}

/** A Fastify instance whose route schemas type the handlers' requests. */
export type ApiInstance = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;
