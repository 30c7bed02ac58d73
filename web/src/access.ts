/**
 * Which pages a role sees: each page names the permission it needs, read from the platform's own grant table
 * (src/core/auth), so the console and the API never disagree. A page whose permission this build of the
 * platform does not know yet (its API is not there) is shown to nobody.
 */
import { can, PERMISSIONS, seesOnlyOwn, type Permission } from '../../src/core/auth/permissions.js';
import type { Role } from '../../src/core/model/users.js';

export type PageId = 'map' | 'alerts' | 'crossings' | 'declarations' | 'inspections' | 'simulator' | 'driver';

export interface PageEntry {
  id: PageId;
  title: string;
  /** The permission the page's API needs; none for the public page. */
  needs?: string;
  /** The fleet-wide views (every seal's position) are not for roles that see only their own records. */
  fleetWide?: boolean;
}

export const PAGES: readonly PageEntry[] = [
  { id: 'map', title: 'Map', needs: 'declarations:read', fleetWide: true },
  { id: 'alerts', title: 'Alerts', needs: 'alerts:read', fleetWide: true },
  { id: 'crossings', title: 'Crossings', needs: 'queue:read' },
  { id: 'declarations', title: 'Declarations', needs: 'declarations:read' },
  { id: 'inspections', title: 'Inspections', needs: 'risk:read' },
  { id: 'simulator', title: 'Simulator', needs: 'risk:read' },
  { id: 'driver', title: 'Driver lookup' },
];

function isPermission(name: string): name is Permission {
  return (PERMISSIONS as readonly string[]).includes(name);
}

/** Whether a role holds a permission, false for one this build does not have. */
export function holds(role: Role, permission: string): boolean {
  return isPermission(permission) && can(role, permission);
}

/**
 * The exchange between operators about a transit, where a declaration or a truck is shown: for the roles that
 * follow trips across the fleet, not for one that sees only its own, since the messages carry other parties' trips.
 */
export function seesExchange(role: Role): boolean {
  return holds(role, 'trips:read') && !seesOnlyOwn(role);
}

export function pagesFor(role: Role): PageEntry[] {
  return PAGES.filter((page) => (!page.needs || holds(role, page.needs)) && !(page.fleetWide && seesOnlyOwn(role)));
}
