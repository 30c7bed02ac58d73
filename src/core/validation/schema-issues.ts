/**
 * JSON Schema validation errors (from TypeBox's compiler or from Ajv, which share the shape) turned into
 * the project's issues: one per problem, with a field path in the notation people read (`goods[2].hsCode`).
 */
import type { Issue } from '../model/issue.js';

export interface SchemaError {
  keyword: string;
  instancePath: string;
  message?: string | undefined;
  params: Record<string, unknown>;
}

/** `/goods/2/hsCode` → `goods[2].hsCode`; JSON Pointer escapes undone. */
export function fieldPath(instancePath: string, child?: string): string {
  const segments = instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (child !== undefined) segments.push(child);
  return segments.reduce((path, segment) => {
    if (/^\d+$/.test(segment)) return `${path}[${segment}]`;
    return path === '' ? segment : `${path}.${segment}`;
  }, '');
}

export function schemaIssues(errors: Iterable<SchemaError>): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  const add = (issue: Issue) => {
    const key = `${issue.code}|${issue.path}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  };
  for (const error of errors) {
    switch (error.keyword) {
      case 'required': {
        const missing = (error.params.requiredProperties ?? [error.params.missingProperty]) as string[];
        for (const name of missing) {
          add({ code: 'REQUIRED', path: fieldPath(error.instancePath, name), message: `${name} is required` });
        }
        break;
      }
      case 'additionalProperties': {
        const extra = (error.params.additionalProperties ?? [error.params.additionalProperty]) as string[];
        for (const name of extra) {
          add({ code: 'UNKNOWN_FIELD', path: fieldPath(error.instancePath, name), message: `${name} is not a known field` });
        }
        break;
      }
      // TypeBox reports each unknown field once more as a `false` schema; the case above has named it.
      case 'boolean':
        break;
      default:
        add({
          code: `SCHEMA_${error.keyword.toUpperCase()}`,
          path: fieldPath(error.instancePath),
          message: `${fieldPath(error.instancePath) || 'the document'} ${error.message ?? 'is not valid'}`,
        });
    }
  }
  return issues;
}
