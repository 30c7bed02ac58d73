/** Every error the API answers with, in one place: JSON with a stable code, a message, and field issues. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { Issue } from '../../core/model/index.js';
import { schemaIssues, type SchemaError } from '../../core/validation/schema-issues.js';
import { ServiceError, type ServiceErrorCode } from '../../services/service-error.js';

export const ErrorSchema = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    issues: Type.Array(Type.Object({ code: Type.String(), path: Type.String(), message: Type.String() })),
  }),
});

const SERVICE_STATUS: Record<ServiceErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  VALIDATION: 422,
  INVALID_INPUT: 400,
};

export function sendError(reply: FastifyReply, status: number, code: string, message: string, issues: Issue[] = []) {
  return reply.status(status).send({ error: { code, message, issues } });
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof ServiceError) {
    return sendError(reply, SERVICE_STATUS[error.code], error.code, error.message, error.issues);
  }
  if (error.validation) {
    const issues = schemaIssues(error.validation as SchemaError[]).map((issue) => ({
      ...issue,
      path: error.validationContext === 'body' ? issue.path : `${error.validationContext}.${issue.path}`,
    }));
    return sendError(reply, 400, 'INVALID_REQUEST', `the request ${error.validationContext ?? ''} is not valid`, issues);
  }
  const status = error.statusCode ?? 500;
  if (status < 500) {
    // Fastify's own client errors: malformed JSON, body too large, unsupported media type, ...
    return sendError(reply, status, error.code ?? 'BAD_REQUEST', error.message);
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendError(reply, 500, 'INTERNAL', 'internal error; it has been logged');
}
