/** The risk services as the platform wires them, for the API, the CLI and the tracker. */
import type { OpenTrips } from '../../ports/open-trips.js';
import type { AssessmentService } from './assessment-service.js';
import type { InspectionService } from './inspection-service.js';
import type { RiskReports } from './risk-reports.js';
import type { RoadsideService } from './roadside-service.js';
import type { RuleSetCatalogue } from './rule-set-catalogue.js';

export interface RiskServices {
  ruleSets: RuleSetCatalogue;
  assessments: AssessmentService;
  inspections: InspectionService;
  reports: RiskReports;
  roadside: RoadsideService;
  /** Where the open trips come from; the tracker's, once wired. */
  trips: OpenTrips;
  /** Random selection draws under a configured secret, or under the installation's own. */
  selectionKeyConfigured: boolean;
}
