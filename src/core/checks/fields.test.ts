import { describe, it, expect } from 'vitest';
import { isBlank, itemOwners, kindOf, requiredText, type Owner } from './fields.js';
import type { Issue } from '../model/issue.js';

describe('fields', () => {
  it('tells blank text from text', () => {
    expect(isBlank('')).toBe(true);
    expect(isBlank(' \t\n\u00a0\u2003')).toBe(true);
    expect(isBlank('a')).toBe(false);
    expect(isBlank(' a')).toBe(false);
    expect(isBlank('Ж')).toBe(false);
  });

  it('names the kind of a value without ever throwing', () => {
    expect([null, [], {}, 1, 'x', true, 1n, Symbol('s'), () => 1].map(kindOf)).toEqual([
      'null', 'an array', 'an object', 'a number', 'a string', 'a boolean', 'a bigint', 'a symbol', 'a function',
    ]);
  });

  it('reuses the owners of the first items and builds the rest on demand', () => {
    const owners = itemOwners('goods', 'goods item');
    expect(owners(0)).toBe(owners(0));
    expect(owners(2)).toEqual({ path: 'goods[2]', label: 'goods item 3' });
    expect(owners(500)).toEqual({ path: 'goods[500]', label: 'goods item 501' });
  });

  it('reads required text under its owner', () => {
    const owner: Owner = { path: 'consignee', label: 'the consignee' };
    const issues: Issue[] = [];
    expect(requiredText({ name: 'Recipient' }, owner, 'name', 'name', issues)).toBe('Recipient');
    expect(requiredText({ name: ' ' }, owner, 'name', 'name', issues)).toBeUndefined();
    expect(requiredText({ name: ['x'] }, owner, 'name', 'name', issues)).toBeUndefined();
    expect(issues).toEqual([
      { code: 'FIELD_REQUIRED', path: 'consignee.name', message: 'The name of the consignee is required.' },
      { code: 'FIELD_TYPE', path: 'consignee.name', message: 'The name of the consignee must be text; an array was given.' },
    ]);
  });
});
