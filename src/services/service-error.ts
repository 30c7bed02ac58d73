/**
 * The errors the services report, each with a stable code. The HTTP layer and the CLI turn them into a
 * status or an exit code in one place each.
 */
import type { Issue } from '../core/model/index.js';

export type ServiceErrorCode =
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'INVALID_TRANSITION'
  | 'VALIDATION'
  /** The request itself is malformed, such as a rule set that does not parse: a 400 with every issue located. */
  | 'INVALID_INPUT';

export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
