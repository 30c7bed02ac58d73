/** A refusal of the queue's core as the services' error: the field and the reason kept, the kind mapped. */
import type { Refusal } from '../../core/queue/index.js';
import { ServiceError } from '../service-error.js';

/** Refusals about the queue's state at the moment, not the request's content: the same request may pass later. */
const STATE_CODES = new Set([
  'STALE_VERSION',
  'LANE_BUSY',
  'LANE_CLOSED',
  'LANE_AWAITING_TRUCK',
  'CROSSING_CLOSED',
  'NOTHING_TO_CALL',
  'WAITING_FOR_RELEASE',
  'NOT_DUE',
  'NOT_CALLED',
  'WRONG_STATUS',
  'ENTRY_CLOSED',
  'ENTRY_DROPPED',
  'BOOKING_CODE_TAKEN',
  'CODE_TAKEN',
  'TRUCK_MISMATCH',
]);

export function refusalError(refusal: Refusal & { retryAt?: number }): ServiceError {
  const { error } = refusal;
  const retry = refusal.retryAt !== undefined && Number.isFinite(refusal.retryAt) ? ` (again from ${new Date(refusal.retryAt).toISOString()})` : '';
  const kind = error.code === 'NOT_FOUND' ? 'NOT_FOUND' : STATE_CODES.has(error.code) ? 'CONFLICT' : 'VALIDATION';
  return new ServiceError(kind, `${error.message}${retry}`, [error]);
}
