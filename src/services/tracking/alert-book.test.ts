import { describe, expect, it } from 'vitest';
import type { TrackingEvent, TrackingEventType } from '../../core/tracking/index.js';
import { EVENT_SEVERITY } from '../../core/tracking/index.js';
import { AlertBook } from './alert-book.js';

const NOW = '2026-03-02T06:00:00.000Z';

function event(type: TrackingEventType, at: number, deviceId = 'S1', tripId = 'trip-1'): TrackingEvent {
  return {
    id: `${tripId}/${type}/${at}/${deviceId}`,
    type,
    severity: EVENT_SEVERITY[type],
    tripId,
    at,
    position: { deviceId, deviceTime: at, lat: 43, lon: 76 },
    rule: { name: type, version: 1, params: {} },
    details: {},
  };
}

function book(): AlertBook {
  let n = 0;
  return new AlertBook(() => `alert-${++n}`);
}

describe('AlertBook', () => {
  it('folds repeats of a condition into its unresolved alert, and marks the condition ended and current again', () => {
    const alerts = book();
    const first = alerts.apply([event('corridor-left', 1), event('corridor-returned', 2), event('corridor-left', 3)], NOW);
    // Raised and folded within one batch: one new alert with its final values, nothing to fold in the store.
    expect(first.created).toMatchObject([{ id: 'alert-1', occurrences: 2, firstSeen: 1, lastSeen: 3, endedAt: null, firstEventId: 'trip-1/corridor-left/1/S1' }]);
    expect(first.folds).toEqual([]);

    const second = alerts.apply([event('corridor-returned', 4)], NOW);
    expect(second.created).toEqual([]);
    expect(second.folds).toEqual([{ id: 'alert-1', lastSeen: 3, occurrences: 2, endedAt: 4, position: event('corridor-left', 3).position, lastEventId: 'trip-1/corridor-left/3/S1', updatedAt: NOW }]);
    expect(second.folded).toMatchObject([{ id: 'alert-1', endedAt: 4 }]);
  });

  it('keeps seals apart, trips apart, and info events out', () => {
    const alerts = book();
    const changes = alerts.apply(
      [event('seal-opened', 1, 'S1'), event('seal-opened', 2, 'S2'), event('seal-opened', 3, 'S1', 'trip-2'), event('geofence-left', 4), event('seal-closed', 5, 'S2')],
      NOW,
    );
    expect(changes.created.map((a) => [a.tripId, a.foldKey, a.endedAt])).toEqual([
      ['trip-1', 'seal-opened:S1', null],
      ['trip-1', 'seal-opened:S2', 5],
      ['trip-2', 'seal-opened:S1', null],
    ]);
  });

  it('opens a new alert after the last was resolved, and forgets a closed trip\'s', () => {
    const alerts = book();
    const [raised] = alerts.apply([event('long-stop', 1)], NOW).created;
    alerts.resolved(raised!);
    expect(alerts.apply([event('long-stop', 2)], NOW).created.map((a) => a.id)).toEqual(['alert-2']);
    alerts.forgetTrip('trip-1');
    expect(alerts.apply([event('long-stop', 3)], NOW).created.map((a) => a.id)).toEqual(['alert-3']);
  });
});
