/** Where the transit goes: the offices of departure and destination, the border crossing, the planned route. */
import type { Issue } from '../model/issue.js';
import type { CheckContext } from './check-context.js';
import { DECLARATION, isFields, issue, mistyped, requiredText, shown, type Fields } from './fields.js';
import { CROSSING_UNKNOWN, OFFICE_UNKNOWN, OFFICES_SAME, ROUTE_COORDINATE_INVALID, ROUTE_INVALID } from './issue-codes.js';

/** A route of many bad points (say, latitude and longitude swapped) is one mistake: name the first few, count the rest. */
const MAX_COORDINATE_ISSUES = 20;

function checkOffice(declaration: Fields, key: string, field: string, context: CheckContext, issues: Issue[]): string | undefined {
  const code = requiredText(declaration, DECLARATION, key, field, issues);
  if (code === undefined) return undefined;
  if (!context.offices.has(code)) {
    issues.push(issue(OFFICE_UNKNOWN, key, `The ${field} ${JSON.stringify(code)} is not a known customs office.`));
  }
  return code;
}

function isCoordinate(point: unknown): boolean {
  if (!Array.isArray(point) || point.length < 2 || point.length > 3) return false;
  const lon: unknown = point[0];
  const lat: unknown = point[1];
  const alt: unknown = point[2];
  return (
    typeof lon === 'number' && lon >= -180 && lon <= 180 &&
    typeof lat === 'number' && lat >= -90 && lat <= 90 &&
    (point.length === 2 || (typeof alt === 'number' && Number.isFinite(alt)))
  );
}

function checkPlannedRoute(route: unknown, issues: Issue[]): void {
  if (route === undefined || route === null) return;
  if (!isFields(route)) {
    mistyped('plannedRoute', 'the planned route', 'a GeoJSON LineString object', route, issues);
    return;
  }
  if (route.type !== 'LineString') {
    issues.push(
      issue(ROUTE_INVALID, 'plannedRoute.type', `The planned route must be a GeoJSON LineString; its type is ${route.type === undefined ? 'missing' : shown(route.type)}.`),
    );
  }
  const coordinates = route.coordinates;
  if (!Array.isArray(coordinates)) {
    mistyped('plannedRoute.coordinates', 'the coordinates of the planned route', 'a list of [longitude, latitude] pairs', coordinates, issues);
    return;
  }
  if (coordinates.length < 2) {
    issues.push(
      issue(ROUTE_INVALID, 'plannedRoute.coordinates', `The planned route needs at least 2 points; ${coordinates.length} given.`),
    );
  }
  let bad = 0;
  for (let i = 0; i < coordinates.length; i++) {
    if (isCoordinate(coordinates[i])) continue;
    bad++;
    if (bad <= MAX_COORDINATE_ISSUES) {
      issues.push(
        issue(
          ROUTE_COORDINATE_INVALID,
          `plannedRoute.coordinates[${i}]`,
          `Point ${i + 1} of the planned route must be [longitude, latitude] in degrees, longitude −180 to 180 and latitude −90 to 90.`,
        ),
      );
    }
  }
  if (bad > MAX_COORDINATE_ISSUES) {
    issues.push(
      issue(
        ROUTE_COORDINATE_INVALID,
        'plannedRoute.coordinates',
        `${bad - MAX_COORDINATE_ISSUES} more points of the planned route are invalid (${bad} in all); are longitude and latitude swapped?`,
      ),
    );
  }
}

export function checkRoute(declaration: Fields, context: CheckContext, issues: Issue[]): void {
  const departure = checkOffice(declaration, 'officeOfDeparture', 'office of departure', context, issues);
  const crossing = requiredText(declaration, DECLARATION, 'borderCrossing', 'border crossing', issues);
  if (crossing !== undefined && !context.crossings.has(crossing)) {
    issues.push(issue(CROSSING_UNKNOWN, 'borderCrossing', `The border crossing ${JSON.stringify(crossing)} is not a known crossing.`));
  }
  const destination = checkOffice(declaration, 'officeOfDestination', 'office of destination', context, issues);
  if (departure !== undefined && departure === destination) {
    issues.push(
      issue(OFFICES_SAME, 'officeOfDestination', `The office of destination must differ from the office of departure; both are ${JSON.stringify(departure)}.`),
    );
  }
  checkPlannedRoute(declaration.plannedRoute, issues);
}
