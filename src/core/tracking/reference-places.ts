/** Trip places from the reference customs offices and border crossings, with the ids events name them by. */
import type { Polygon } from '../model/geo.js';
import type { BorderCrossing, CustomsOffice } from '../model/places.js';
import type { TripPlace } from './trip.js';

export function officePlace(office: CustomsOffice): TripPlace {
  return { id: `office:${office.code}`, kind: 'office', name: office.name, geofence: office.geofence };
}

export function crossingPlace(crossing: BorderCrossing): TripPlace {
  return { id: `crossing:${crossing.code}`, kind: 'crossing', name: crossing.name, geofence: crossing.geofence };
}

export function parkingPlace(id: string, geofence: Polygon, name?: string): TripPlace {
  return name === undefined ? { id: `parking:${id}`, kind: 'parking', geofence } : { id: `parking:${id}`, kind: 'parking', name, geofence };
}
