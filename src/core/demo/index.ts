export {
  DEMO_GAPS,
  generateDemoDeclarations,
  generateDemoSet,
  plannedRoute,
  type DemoContext,
  type DemoDeclaration,
  type DemoGap,
} from './declarations.js';
export { generateDemoFleet } from './fleet.js';
export { generateDemoParties, type DemoCarrier, type DemoParties } from './parties.js';
export { GOODS_CATALOGUE, catalogueFor, type CatalogueItem } from './goods-catalogue.js';
export { DEMO_ROUTES, type DemoRoute, type Waypoint } from './routes.js';
export { generateImei, isValidImei, luhnCheckDigit } from './imei.js';
export { generateTin, withWrongCheckDigit } from './taxpayer-numbers.js';
export { trailerPlate, truckPlate } from './plates.js';
