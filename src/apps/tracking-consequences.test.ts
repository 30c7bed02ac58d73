import { describe, expect, it } from 'vitest';
import type { TrackingEvent } from '../core/tracking/index.js';
import type { Alert } from '../ports/tracking-store.js';
import { ServiceError } from '../services/service-error.js';
import { trackingConsequences } from './tracking-consequences.js';

const TRIP = 'trip-1';
const DECLARATION = 'declaration-1';

function entered(placeId: string, tripId = TRIP): TrackingEvent {
  return {
    id: `${tripId}/geofence-entered/1/${placeId}`,
    type: 'geofence-entered',
    severity: 'info',
    tripId,
    at: 1,
    position: { deviceId: 'seal-7', deviceTime: 1, lat: 43.2, lon: 74.9 },
    rule: { name: 'geofence', version: 1, params: {} },
    details: { placeId, kind: placeId.split(':')[0]! },
  };
}

function world(fail?: { reassess?: Error; checkIn?: Error }) {
  const reassessed: Array<[string, string]> = [];
  const checkedIn: object[] = [];
  const errors: unknown[] = [];
  const listener = trackingConsequences(
    { declarationOf: (tripId) => (tripId === TRIP ? DECLARATION : undefined) },
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
    (error) => errors.push(error),
  );
  const settled = () => new Promise((resolve) => setImmediate(resolve));
  return { listener, reassessed, checkedIn, errors, settled };
}

describe('what the tracker sets off', () => {
  it('re-assesses the declaration of the trip an alert was raised on', async () => {
    const w = world();
    w.listener.alertRaised!({ tripId: TRIP, type: 'seal-opened' } as Alert);
    w.listener.alertRaised!({ tripId: 'not-followed', type: 'seal-opened' } as Alert);
    await w.settled();
    expect(w.reassessed).toEqual([[DECLARATION, 'seal-opened']]);
  });

  it('checks the truck in when its seal enters a crossing, and for no other place', async () => {
    const w = world();
    w.listener.events!([entered('office:41713000'), entered('crossing:KORDAY'), entered('parking:km120'), entered('crossing:KORDAY', 'not-followed')]);
    await w.settled();
    expect(w.checkedIn).toEqual([{ crossing: 'KORDAY', deviceId: 'seal-7', declarationId: DECLARATION }]);
  });

  it('takes the services\' refusals as answers and reports what else goes wrong', async () => {
    const refused = world({ checkIn: new ServiceError('VALIDATION', 'the declaration names another crossing') });
    refused.listener.events!([entered('crossing:KORDAY')]);
    await refused.settled();
    expect(refused.errors).toEqual([]);

    const broken = new Error('database unavailable');
    const failing = world({ reassess: broken });
    failing.listener.alertRaised!({ tripId: TRIP, type: 'corridor-left' } as Alert);
    await failing.settled();
    expect(failing.errors).toEqual([broken]);
  });
});
