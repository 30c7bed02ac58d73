/** The vehicle (plates and country of registration) and, when named, its driver. */
import type { Issue } from '../model/issue.js';
import { checkCountry } from './country.js';
import {
  DECLARATION,
  fieldName,
  isFields,
  issue,
  mistyped,
  optionalText,
  pathOf,
  requiredFields,
  requiredText,
  sentence,
  type Fields,
  type Owner,
} from './fields.js';
import { PLATE_INVALID } from './issue-codes.js';

const VEHICLE: Owner = { path: 'vehicle', label: 'the vehicle' };
const DRIVER: Owner = { path: 'driver', label: 'the driver' };

const PLATE_SEPARATORS = /[ -]/g;
// Letters of any script: plates are written in Cyrillic as often as in Latin.
const PLATE = /^[\p{L}0-9]{2,12}$/u;

export function isPlausiblePlate(plate: string): boolean {
  return PLATE.test(plate.replace(PLATE_SEPARATORS, ''));
}

function checkPlate(plate: string | undefined, key: string, field: string, issues: Issue[]): void {
  if (plate === undefined || isPlausiblePlate(plate)) return;
  issues.push(
    issue(
      PLATE_INVALID,
      pathOf(VEHICLE, key),
      `${sentence(fieldName(VEHICLE, field))} must be 2 to 12 letters and digits, spaces and dashes aside; ${JSON.stringify(plate)} is not.`,
    ),
  );
}

function checkDriver(declaration: Fields, issues: Issue[]): void {
  const driver = declaration.driver;
  if (driver === undefined || driver === null) return;
  if (!isFields(driver)) {
    mistyped('driver', 'the driver', 'an object', driver, issues);
    return;
  }
  requiredText(driver, DRIVER, 'name', 'name', issues);
  checkCountry(driver, DRIVER, 'country', issues);
  optionalText(driver, DRIVER, 'licenceNumber', 'licence number', issues);
  optionalText(driver, DRIVER, 'phone', 'phone number', issues);
}

export function checkVehicle(declaration: Fields, issues: Issue[]): void {
  const vehicle = requiredFields(declaration, DECLARATION, 'vehicle', 'vehicle', issues);
  if (vehicle !== undefined) {
    checkPlate(requiredText(vehicle, VEHICLE, 'plate', 'plate', issues), 'plate', 'plate', issues);
    checkCountry(vehicle, VEHICLE, 'country', issues);
    checkPlate(optionalText(vehicle, VEHICLE, 'trailerPlate', 'trailer plate', issues), 'trailerPlate', 'trailer plate', issues);
  }
  checkDriver(declaration, issues);
}
