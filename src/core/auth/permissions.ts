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
  /** Assessments with their explanation, effectiveness, backtests, teams and proposals. Never traders: targeting stays unseen. */
  'risk:read',
  /** Run an assessment on demand. */
  'risk:assess',
  /** Upload rule-set versions and put one in force. */
  'risk:rules',
  'inspections:write',
  /** Create, move and delete roadside teams, and assign trucks to them. */
  'teams:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  analyst: ['declarations:read', 'reference:read', 'audit:read', 'risk:read'],
  operator: [
    'declarations:read', 'declarations:write', 'declarations:import', 'reference:read', 'devices:write',
    'risk:read', 'risk:assess', 'inspections:write', 'teams:manage',
  ],
  inspector: ['declarations:read', 'reference:read', 'risk:read', 'inspections:write'],
  // A haulier reads and writes only its own declarations; the services narrow every query to its owner.
  haulier: ['declarations:read', 'declarations:write', 'reference:read'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** Roles that see only what they own. */
export function seesOnlyOwn(role: Role): boolean {
  return role === 'haulier';
}
