import { describe, expect, it } from 'vitest';
import { queueHistory } from './queue-history.js';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 4, 1, 12);
const at = (hoursAgo: number) => NOW - hoursAgo * HOUR;

describe('queueHistory', () => {
  it('walks back from the count now, undoing check-ins and calls, and counts the calls of each hour', () => {
    const events = [
      { at: at(0.5), action: 'called' },
      { at: at(0.7), action: 'checked_in' },
      { at: at(1.5), action: 'called' },
      { at: at(1.6), action: 'held' },
      { at: at(2.5), action: 'checked_in' },
      { at: at(2.6), action: 'checked_in' },
    ];
    const history = queueHistory(events, 5, NOW, 3);
    expect(history.hoursAgo).toEqual([3, 2, 1, 0]);
    // Now 5; an hour ago 5 (a check-in and a call undone); two hours ago 6 (a call undone); three hours ago 4.
    expect(history.atCrossing).toEqual([4, 6, 5, 5]);
    expect(history.calls).toEqual([0, 0, 1, 1]);
  });
});
