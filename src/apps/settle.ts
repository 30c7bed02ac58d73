/**
 * Work a tracker listener sets off: the tracker calls listeners synchronously and carries on, so the work runs after
 * and what goes wrong with it is reported, not thrown. A refusal a service gives on purpose (a ServiceError: a
 * declaration that does not queue, a crossing other than the declared one, a message already sent) is the answer,
 * not a fault.
 */
import { ServiceError } from '../services/service-error.js';

export function settler(onError: (error: unknown) => void): (work: Promise<unknown>) => void {
  return (work) => {
    work.catch((error: unknown) => {
      if (!(error instanceof ServiceError)) onError(error);
    });
  };
}
