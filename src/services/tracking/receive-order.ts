/**
 * The order the tracker takes a trip's positions in, live, after a restart and in replay alike: receive time,
 * then device time, then sequence, then device. The core's step judges lateness by device time within it.
 */
import type { Position } from '../../core/model/index.js';
import type { PositionCursor } from '../../ports/tracking-store.js';

const NO_SEQUENCE = -1;

export function cursorOf(p: Position): PositionCursor {
  return { receivedTime: p.receivedTime, deviceTime: p.deviceTime, sequence: p.sequence ?? NO_SEQUENCE, deviceId: p.deviceId };
}

function compareCursors(a: PositionCursor, b: PositionCursor): number {
  return (
    a.receivedTime - b.receivedTime ||
    a.deviceTime - b.deviceTime ||
    a.sequence - b.sequence ||
    (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0)
  );
}

export function receiveOrder(a: Position, b: Position): number {
  return compareCursors(cursorOf(a), cursorOf(b));
}

/** Whether `p` comes after the cursor (everything does when there is none). */
export function afterCursor(p: Position, cursor: PositionCursor | null): boolean {
  return cursor === null || compareCursors(cursorOf(p), cursor) > 0;
}

/** Whether `p` is at or before the cursor: taken already. */
export function upToCursor(p: Position, cursor: PositionCursor | null): boolean {
  return cursor !== null && !afterCursor(p, cursor);
}
