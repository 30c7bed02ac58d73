import { describe, expect, it } from 'vitest';
import type { TrackingEvent } from '../core/tracking/index.js';
import type { Alert } from '../ports/tracking-store.js';
import { ServiceError } from '../services/service-error.js';
import { alertRaisedNews, eventNews } from '../services/tracking/tracking-news.js';
import { trackingConsequences } from './tracking-consequences.js';

const TRIP = 'trip-1';
const DECLARATION = 'declaration-1';

function entered(placeId: string): TrackingEvent {
  return {
    id: `${TRIP}/geofence-entered/1/${placeId}`,
    type: 'geofence-entered',
    severity: 'info',
    tripId: TRIP,
    at: 1,
    position: { deviceId: 'seal-7', deviceTime: 1, lat: 43.2, lon: 74.9 },
    rule: { name: 'geofence', version: 1, params: {} },
    details: { placeId, kind: placeId.split(':')[0]! },
  };
}

function world(fail?: { reassess?: Error; checkIn?: Error }) {
  const reassessed: Array<[string, string]> = [];
  const checkedIn: object[] = [];
  const handle = trackingConsequences(
    {
      reassessOnAlert: async (declarationId, type) => {
        reassessed.push([declarationId, type]);
        if (fail?.reassess) throw fail.reassess;
        return undefined;
      },
    },
    {
      checkInFromSeal: async (event) => {
        checkedIn.push(event);
        if (fail?.checkIn) throw fail.checkIn;
        return undefined as never;
      },
    },
  );
  return { handle, reassessed, checkedIn };
}

describe('what the tracker sets off', () => {
  it('re-assesses the declaration of the trip an alert was raised on', async () => {
    const w = world();
    await w.handle(alertRaisedNews({ id: 'alert-1', tripId: TRIP, type: 'seal-opened' } as Alert, DECLARATION));
    expect(w.reassessed).toEqual([[DECLARATION, 'seal-opened']]);
  });

  it('checks the truck in when its seal enters a crossing, and for no other place', async () => {
    const w = world();
    for (const place of ['office:41713000', 'crossing:KORDAY', 'parking:km120']) await w.handle(eventNews(entered(place), DECLARATION));
    expect(w.checkedIn).toEqual([{ crossing: 'KORDAY', deviceId: 'seal-7', declarationId: DECLARATION }]);
  });

  it('takes the services\' refusals as answers, and fails on what else goes wrong, so the news is delivered again', async () => {
    const refused = world({ checkIn: new ServiceError('VALIDATION', 'the declaration names another crossing') });
    await expect(refused.handle(eventNews(entered('crossing:KORDAY'), DECLARATION))).resolves.toBeUndefined();

    const broken = new Error('database unavailable');
    const failing = world({ reassess: broken });
    await expect(failing.handle(alertRaisedNews({ id: 'alert-2', tripId: TRIP, type: 'corridor-left' } as Alert, DECLARATION))).rejects.toBe(broken);
  });
});
