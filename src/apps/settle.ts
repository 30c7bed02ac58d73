/**
 * Work a tracker's news sets off. A refusal a service gives on purpose (a ServiceError: a declaration that does not
 * queue, a crossing other than the declared one, a message already sent) is the answer, not a fault. In one process
 * the tracker calls its listeners synchronously and carries on, so the work runs after and what goes wrong with it
 * is reported, not thrown (`settler`).
 */
import { ServiceError } from '../services/service-error.js';

/** Resolves once `work` is done or refused on purpose; rejects on a fault. */
export async function answered(work: Promise<unknown>): Promise<void> {
  try {
    await work;
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
  }
}

export function settler(onError: (error: unknown) => void): (work: Promise<unknown>) => void {
  return (work) => {
    answered(work).catch(onError);
  };
}
