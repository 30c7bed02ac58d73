import { describe, expect, it } from 'vitest';
import { Compile } from 'typebox/compile';
import { DeclarationInputSchema } from '../model/index.js';
import { fieldPath, schemaIssues } from './schema-issues.js';

describe('fieldPath', () => {
  it('writes indexes in brackets and unescapes JSON Pointer', () => {
    expect(fieldPath('/goods/2/hsCode')).toBe('goods[2].hsCode');
    expect(fieldPath('', 'reference')).toBe('reference');
    expect(fieldPath('/a~1b/c~0d')).toBe('a/b.c~d');
  });
});

describe('schemaIssues', () => {
  const validator = Compile(DeclarationInputSchema);

  it('names every missing field, every unknown field and every wrong type', () => {
    const value = { reference: 5, goods: [{ hsCode: 1 }], documents: [], extra: true };
    const issues = schemaIssues(validator.Errors(value));
    const byPath = new Map(issues.map((issue) => [issue.path, issue.code]));
    expect(byPath.get('reference')).toBe('SCHEMA_TYPE');
    expect(byPath.get('extra')).toBe('UNKNOWN_FIELD');
    expect(byPath.get('consignee')).toBe('REQUIRED');
    expect(byPath.get('goods[0].currency')).toBe('REQUIRED');
    expect(byPath.get('goods[0].hsCode')).toBe('SCHEMA_TYPE');
    expect(issues.filter((issue) => issue.path === 'extra')).toHaveLength(1);
  });
});
