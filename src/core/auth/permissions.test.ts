import { describe, expect, it } from 'vitest';
import { ROLES } from '../model/index.js';
import { can, PERMISSIONS, seesOnlyOwn } from './permissions.js';

describe('permissions', () => {
  it('gives the administrator everything', () => {
    for (const permission of PERMISSIONS) expect(can('admin', permission)).toBe(true);
  });

  it('keeps user management to administrators', () => {
    for (const role of ROLES) expect(can(role, 'users:manage')).toBe(role === 'admin');
  });

  it('lets no one but admin change reference data, and hauliers see only their own', () => {
    expect(ROLES.filter((role) => can(role, 'reference:write'))).toEqual(['admin']);
    expect(ROLES.filter(seesOnlyOwn)).toEqual(['haulier']);
    expect(can('inspector', 'declarations:write')).toBe(false);
    expect(can('analyst', 'declarations:import')).toBe(false);
  });
});
