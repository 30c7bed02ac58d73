/**
 * The order the tracker takes a trip's positions in, live, after a restart and in replay alike: receive time,
 * then device time, then sequence, then device. The core's step judges lateness by device time within it.
 *
 * Each seal has a cursor of its own (ports/tracking-store.ts, SealCursors): a position is taken once it comes after
 * its seal's cursor, whatever the trip took of its other seals meanwhile.
 */
import type { Position } from '../../core/model/index.js';
import type { PositionCursor, SealCursors } from '../../ports/tracking-store.js';

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

/** Whether the trip has yet to take `p`: it comes after its seal's cursor. */
export function notYetTaken(p: Position, cursors: SealCursors): boolean {
  return afterCursor(p, cursors[p.deviceId] ?? null);
}

/** The cursors moved on to the positions just taken, given in receive order: each seal's to its last one. */
export function movedOn(cursors: SealCursors, taken: readonly Position[]): SealCursors {
  if (taken.length === 0) return cursors;
  const moved: Record<string, PositionCursor> = { ...cursors };
  for (const p of taken) moved[p.deviceId] = cursorOf(p);
  return moved;
}
