/** Every write is recorded append-only: who, when, what, and on which entity. */
import type { User } from '../core/model/index.js';
import type { Clock } from '../ports/clock.js';
import type { AuditLog } from '../ports/store.js';

export type Audit = (actor: Pick<User, 'username'>, action: string, entity: string, entityId: string, detail?: unknown) => Promise<void>;

export function createAudit(log: AuditLog, clock: Clock): Audit {
  return (actor, action, entity, entityId, detail) =>
    log.append({ at: clock.now().toISOString(), actor: actor.username, action, entity, entityId, detail });
}
