/** Platform users, their roles, and the audit trail of every write. */

export const ROLES = ['admin', 'analyst', 'operator', 'inspector', 'haulier'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  username: string;
  role: Role;
  /** For hauliers: the carrier they act for. */
  carrierId?: string;
  createdAt: string;
}

/** One write, recorded append-only. */
export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  /** The kind and id of what was written, such as `declaration` and its id. */
  entity: string;
  entityId: string;
  detail?: unknown;
}
