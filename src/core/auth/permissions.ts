/** What each role may do. One table, so a reviewer can see every grant at a glance. */
import type { Role } from '../model/index.js';

export const PERMISSIONS = [
  'declarations:read',
  'declarations:write',
  'declarations:import',
  'reference:read',
  'reference:write',
  'devices:write',
  'users:manage',
  'audit:read',
  'trips:read',
  'trips:write',
  'alerts:read',
  'alerts:act',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  analyst: ['declarations:read', 'reference:read', 'audit:read', 'trips:read', 'alerts:read'],
  // The monitoring centre arms and disarms seals and works the alerts.
  operator: ['declarations:read', 'declarations:write', 'declarations:import', 'reference:read', 'devices:write', 'trips:read', 'trips:write', 'alerts:read', 'alerts:act'],
  inspector: ['declarations:read', 'reference:read', 'trips:read', 'alerts:read'],
  // A haulier reads and writes only its own declarations, and follows only their trips; the services narrow every
  // query to its owner. Alerts are the monitoring centre's work, not the haulier's.
  haulier: ['declarations:read', 'declarations:write', 'reference:read', 'trips:read'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** Roles that see only what they own. */
export function seesOnlyOwn(role: Role): boolean {
  return role === 'haulier';
}
