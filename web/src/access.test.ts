import { describe, expect, it } from 'vitest';
import { can } from '../../src/core/auth/permissions.js';
import { holds, pagesFor, seesExchange } from './access.js';

const ids = (role: Parameters<typeof pagesFor>[0]) => pagesFor(role).map((page) => page.id);

describe('the pages a role sees', () => {
  it('follows the platform grant table', () => {
    expect(holds('inspector', 'declarations:read')).toBe(can('inspector', 'declarations:read'));
    expect(holds('analyst', 'declarations:import')).toBe(false);
  });

  it('gives the fleet map to staff and not to a haulier, who sees only its own', () => {
    expect(ids('operator')).toContain('map');
    expect(ids('haulier')).not.toContain('map');
    expect(ids('haulier')).toContain('declarations');
  });

  it('gives everyone the public driver lookup', () => {
    for (const role of ['admin', 'analyst', 'operator', 'inspector', 'haulier'] as const) expect(ids(role)).toContain('driver');
  });

  it("shows the operators' exchange about a transit to the staff who follow trips, not to a haulier", () => {
    expect(['admin', 'analyst', 'operator', 'inspector'].filter((role) => seesExchange(role as 'admin'))).toEqual(['admin', 'analyst', 'operator', 'inspector']);
    expect(seesExchange('haulier')).toBe(false);
  });

  it('hides a page whose permission the platform does not grant anyone', () => {
    expect(holds('admin', 'no-such:permission')).toBe(false);
  });
});
