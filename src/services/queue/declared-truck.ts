/**
 * The truck a queue command is about, read from its declaration: the plate, the facts of its class and readiness,
 * and the owner. A declaration enters only the queue of the crossing it names, and only while it is on its way.
 */
import { declarationFacts, QUEUEABLE, type Channel, type TruckFacts } from '../../core/queue/index.js';
import { seesOnlyOwn } from '../../core/auth/permissions.js';
import type { Declaration, User } from '../../core/model/index.js';
import type { Store } from '../../ports/store.js';
import { ServiceError } from '../service-error.js';

/** A truck whose declaration has not been assessed counts as a document check (yellow). */
export const DEFAULT_CHANNEL: Channel = 'yellow';

export interface DeclaredTruck {
  declaration: Declaration;
  facts: TruckFacts;
}

/**
 * The declaration's truck. For an actor who sees only its own (a haulier), another's declaration is NOT_FOUND
 * before anything else is said about it, so its crossing or status cannot be probed.
 */
export async function declaredTruck(store: Store, declarationId: string, crossing: string, channel?: Channel, actor?: User): Promise<DeclaredTruck> {
  const declaration = await store.declarations.get(declarationId);
  if (declaration === undefined || (actor !== undefined && seesOnlyOwn(actor.role) && declaration.owner !== actor.username)) {
    throw new ServiceError('NOT_FOUND', `no declaration ${declarationId}`, [{ code: 'NOT_FOUND', path: 'declarationId', message: `no declaration ${declarationId}` }]);
  }
  return { declaration, facts: await truckFacts(store, declaration, crossing, channel ?? (await assessedChannel(store, declarationId))) };
}

/** The channel of the declaration's latest risk assessment: the lanes it may take. */
async function assessedChannel(store: Store, declarationId: string): Promise<Channel> {
  return (await store.risk.assessments.latest(declarationId))?.assessment.channel ?? DEFAULT_CHANNEL;
}

export async function truckFacts(store: Store, declaration: Declaration, crossing: string, channel: Channel): Promise<TruckFacts> {
  if (declaration.borderCrossing !== crossing) {
    throw new ServiceError('VALIDATION', `declaration ${declaration.id} crosses at ${declaration.borderCrossing}, not ${crossing}`, [
      { code: 'OTHER_CROSSING', path: 'declarationId', message: `the declaration names crossing ${declaration.borderCrossing}` },
    ]);
  }
  if (!QUEUEABLE.includes(declaration.status)) {
    throw new ServiceError('CONFLICT', `a ${declaration.status} declaration does not queue at a border`, [
      { code: 'NOT_QUEUEABLE', path: 'declarationId', message: `the declaration is ${declaration.status}; it queues once submitted and until released` },
    ]);
  }
  return {
    truck: { plate: declaration.vehicle.plate, country: declaration.vehicle.country },
    declarationId: declaration.id,
    channel,
    facts: declarationFacts(declaration, await store.declarations.lastCheck(declaration.id), await anySealArmed(store, declaration.seals)),
  };
}

async function anySealArmed(store: Store, seals: readonly string[]): Promise<boolean> {
  for (const id of seals) if ((await store.reference.getDevice(id))?.state === 'armed') return true;
  return false;
}
