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
  /** The border queues: see the order, the board and every entry. */
  'queue:read',
  /** Check trucks in, call them, record arrivals, hold, release, re-prioritise and remove, with a reason. */
  'queue:operate',
  /** Set a crossing's lanes, capacities, hours and backlog release rate. */
  'queue:configure',
  /** Book a slot for one's own trucks and see them in the queues. */
  'queue:book',
  'trips:read',
  'trips:write',
  'alerts:read',
  'alerts:act',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  analyst: ['declarations:read', 'reference:read', 'audit:read', 'risk:read', 'queue:read', 'trips:read', 'alerts:read'],
  // The monitoring centre arms and disarms seals, works the alerts, dispatches roadside teams and runs the queues.
  operator: [
    'declarations:read', 'declarations:write', 'declarations:import', 'reference:read', 'devices:write',
    'risk:read', 'risk:assess', 'inspections:write', 'teams:manage', 'queue:read', 'queue:operate', 'queue:configure',
    'trips:read', 'trips:write', 'alerts:read', 'alerts:act',
  ],
  inspector: ['declarations:read', 'reference:read', 'risk:read', 'inspections:write', 'queue:read', 'queue:operate', 'trips:read', 'alerts:read'],
  // A haulier reads and writes only its own declarations, books its own trucks and follows only their trips; the
  // services narrow every query to its owner. Alerts are the monitoring centre's work, not the haulier's.
  haulier: ['declarations:read', 'declarations:write', 'reference:read', 'queue:book', 'trips:read'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** Roles that see only what they own. */
export function seesOnlyOwn(role: Role): boolean {
  return role === 'haulier';
}
