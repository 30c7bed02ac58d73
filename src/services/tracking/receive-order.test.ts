import { describe, expect, it } from 'vitest';
import type { Position } from '../../core/model/index.js';
import type { SealCursors } from '../../ports/tracking-store.js';
import { comesBehind, cursorOf, inTakenOrder, movedOn, notYetTaken } from './receive-order.js';

function at(deviceId: string, receivedTime: number): Position {
  return { deviceId, deviceTime: receivedTime - 500, receivedTime, lat: 43, lon: 75, speed: 60, course: 0, valid: true, attributes: {} };
}

describe('the order a trip takes its seals\' positions in', () => {
  const [a1, b1, a2, b2, a3] = [at('A', 1_000), at('B', 2_000), at('A', 3_000), at('B', 4_000), at('A', 5_000)];

  it('keeps a cursor for each seal, so one seal\'s older positions are still to take after another\'s newer ones', () => {
    const cursors = movedOn({}, [a1, a2]);
    expect(cursors).toEqual({ A: cursorOf(a2) });
    expect(movedOn(cursors, [b1, b2])).toEqual({ A: cursorOf(a2), B: cursorOf(b2) });
    expect(notYetTaken(b1, cursors)).toBe(true);
    expect(notYetTaken(a1, cursors)).toBe(false);
    expect(comesBehind(b1, cursors)).toBe(true);
    expect(comesBehind(a3, cursors)).toBe(false);
  });

  it('gives back the order the trip took them in: receive order, each batch taken behind where it was taken', () => {
    // Live: A1 A2, then B1 from the store (behind A2), then A3, then B2 (behind A3).
    const first: SealCursors = { A: cursorOf(a2) };
    const second: SealCursors = { A: cursorOf(a3), B: cursorOf(b1) };
    const behind = [
      { after: first, through: { ...first, B: cursorOf(b1) } },
      { after: second, through: { ...second, B: cursorOf(b2) } },
    ];
    expect(inTakenOrder([a3, b2, a2, b1, a1], behind)).toEqual([a1, a2, b1, a3, b2]);
    expect(inTakenOrder([a3, b2, a2, b1, a1], [])).toEqual([a1, b1, a2, b2, a3]);
  });
});
