/**
 * The risk side of the demo: every accepted demo declaration assessed, two roadside teams on the corridor, and a
 * few inspection results (findings more often where the rules pointed), so the console's explanations, proposals
 * and effectiveness report have something to show. Seeded, and seeding again adds nothing twice.
 */
import { createRng } from '../../core/random/index.js';
import { FINDING_RESULTS, type InspectionResult } from '../../core/risk/index.js';
import { BORDER_CROSSINGS } from '../../core/reference/index.js';
import { CONSOLE_USER, type Platform } from '../platform.js';

const INSPECTED = 24;

export interface DemoRiskSummary {
  assessed: number;
  teams: number;
  inspections: number;
}

export async function seedDemoRisk(platform: Platform, referencePrefix = 'DEMO'): Promise<DemoRiskSummary> {
  const rng = createRng('corridor-demo-risk');
  const assessed = await platform.risk.assessments.assessUnassessed({ text: referencePrefix.toLowerCase() });
  const accepted = await platform.store.declarations.list({ status: 'accepted', text: referencePrefix.toLowerCase(), limit: 10_000, offset: 0 });
  const demo = accepted.items.filter((declaration) => declaration.reference.startsWith(referencePrefix));
  const latest = await platform.store.risk.assessments.latestOf(demo.map((declaration) => declaration.id));

  if ((await platform.store.risk.teams.list()).length > 0) return { assessed, teams: 0, inspections: 0 };
  const teams = [];
  for (const [index, crossing] of BORDER_CROSSINGS.slice(0, 2).entries()) {
    // Some kilometres inside the territory, on the approach to the crossing.
    const position = { lat: crossing.location.lat + 0.05, lon: crossing.location.lon + 0.05 };
    teams.push(await platform.risk.roadside.create(CONSOLE_USER, { name: `Mobile team ${index + 1} (${crossing.name})`, position }));
  }

  // The targeted ones first, then some the rules released, as inspections go in practice.
  const chosen = [...demo].sort((a, b) => (latest.get(b.id)?.assessment.score ?? 0) - (latest.get(a.id)?.assessment.score ?? 0)).slice(0, INSPECTED);
  let inspections = 0;
  for (const [index, declaration] of chosen.entries()) {
    const targeted = latest.get(declaration.id)?.assessment.channel !== 'green';
    const results: InspectionResult[] = rng.chance(targeted ? 0.4 : 0.08) ? [rng.pick(FINDING_RESULTS)] : ['compliant'];
    await platform.risk.inspections.record(CONSOLE_USER, {
      declarationId: declaration.id,
      place: { kind: 'roadside', teamId: teams[index % teams.length]!.id },
      results,
    });
    inspections++;
  }
  return { assessed, teams: teams.length, inspections };
}
