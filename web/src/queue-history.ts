/**
 * A crossing's last hours rebuilt from its queue's audited events: how many trucks were at the crossing (checked in,
 * not yet called) at each hour, and how many were called in each hour. The count now is known (the board); walking
 * the events back from the newest undoes each one's change to it.
 */
export interface QueueEventRow {
  /** Milliseconds since the epoch, as the queue's events carry it. */
  at: number;
  action: string;
}

export interface QueueHistory {
  /** Hours before now, oldest first, ending at 0. */
  hoursAgo: number[];
  /** Trucks at the crossing at each of those instants. */
  atCrossing: number[];
  /** Calls in the hour before each of those instants. */
  calls: number[];
}

const HOUR = 3_600_000;

/** What an event did to the trucks at the crossing. */
function change(action: string): number {
  if (action === 'checked_in' || action === 'rejoined') return 1;
  if (action === 'called' || action === 'dropped') return -1;
  return 0;
}

/** `events` newest first, as the API lists them; only those of the last `hours` matter. */
export function queueHistory(events: readonly QueueEventRow[], atCrossingNow: number, now: number, hours: number): QueueHistory {
  const history: QueueHistory = { hoursAgo: [], atCrossing: [], calls: [] };
  let count = atCrossingNow;
  let undone = 0;
  for (let ago = 0; ago <= hours; ago++) {
    const instant = now - ago * HOUR;
    // Every event after this instant is undone, so the count is the one at the instant.
    for (; undone < events.length && events[undone]!.at > instant; undone++) count -= change(events[undone]!.action);
    const calls = events.filter((event) => event.action === 'called' && event.at > instant - HOUR && event.at <= instant).length;
    history.hoursAgo.unshift(ago);
    history.atCrossing.unshift(Math.max(0, count));
    history.calls.unshift(calls);
  }
  return history;
}
