/**
 * The order the tracker takes a trip's positions in, live, after a restart and in replay alike: a batch at a time,
 * each in receive order (receive time, then device time, then sequence, then device). The core's step judges
 * lateness by device time within it.
 *
 * Each seal has a cursor of its own (ports/tracking-store.ts, SealCursors): a position is taken once it comes after
 * its seal's cursor, whatever the trip took of its other seals meanwhile. Batch after batch is receive order, but for
 * a batch taken behind (a seal's positions stored by another tracker, read after the trip took newer ones of its
 * own seals): the tracker records where each such batch was taken, and replay takes it there (`inTakenOrder`).
 */
import type { Position } from '../../core/model/index.js';
import type { PositionCursor, SealCursors, TakenBehind } from '../../ports/tracking-store.js';

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

/** A cursor that every position received from `receivedTime` on comes after. */
export function receivedFrom(receivedTime: number): PositionCursor {
  return { receivedTime, deviceTime: Number.MIN_SAFE_INTEGER, sequence: NO_SEQUENCE, deviceId: '' };
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
  // From the last one back, each seal's first met is its last taken; a seal's cursor not yet replaced is the old one.
  for (let i = taken.length - 1; i >= 0; i--) {
    const p = taken[i]!;
    if (moved[p.deviceId] === cursors[p.deviceId]) moved[p.deviceId] = cursorOf(p);
  }
  return moved;
}

/** Whether a batch whose first position (in receive order) is `first` comes behind a position the trip took already. */
export function comesBehind(first: Position, cursors: SealCursors): boolean {
  for (const cursor of Object.values(cursors)) if (!afterCursor(first, cursor)) return true;
  return false;
}

/**
 * A trip's positions in the order it took them, from those it took (any order) and its batches taken behind, oldest
 * first. Between two such batches the trip took its positions in receive order; each batch comes right after what
 * the trip had taken before it (its `after` cursors), itself in receive order.
 */
export function inTakenOrder(positions: readonly Position[], behind: readonly TakenBehind[]): Position[] {
  const taken: Position[] = [];
  let rest = [...positions].sort(receiveOrder);
  const moveUpTo = (cursors: SealCursors) => {
    const later: Position[] = [];
    for (const p of rest) (notYetTaken(p, cursors) ? later : taken).push(p);
    rest = later;
  };
  for (const batch of behind) {
    moveUpTo(batch.after);
    moveUpTo(batch.through);
  }
  taken.push(...rest);
  return taken;
}
