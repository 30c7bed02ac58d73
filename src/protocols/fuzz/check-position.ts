/**
 * The fuzz tests' check of each decoded position: the rules every stored position keeps
 * (core/model/position-fault.ts), and a received time equal to the time the frame was fed.
 */
import { positionFault as storableFault, type Position } from '../../core/model/index.js';

export { MAX_DATE_MS } from '../../core/model/index.js';

export function positionFault(p: Position, receivedAt: number): string | undefined {
  if (p.receivedTime !== receivedAt) return `receivedTime ${p.receivedTime} is not the time of receipt`;
  return storableFault(p);
}
