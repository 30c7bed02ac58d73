/**
 * Risk targeting end to end through the API, on a real in-memory SQLite store, a clock of our own and open trips
 * held in memory: assessment on acceptance with its explanation, rule-set versions, roadside teams, proposals and
 * assignments, inspections feeding the next assessments, re-assessment on a trip alert, effectiveness, backtest.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryOpenTrips } from '../support/memory-open-trips.js';
import type { Api } from '../../src/adapters/http/server.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { wirePlatform, type Platform } from '../../src/apps/platform.js';
import type { StoredAssessment } from '../../src/ports/risk-store.js';
import type { ChannelRaised } from '../../src/services/risk/channel-raised.js';
import { KORDAY, SEAL, validDeclaration } from '../support/fixtures.js';
import { apiWorld, type Tokens } from '../support/api-world.js';

const SECRET = `test-key:${'ab'.repeat(32)}`;
const SHIPPED = new URL('../../rules/eaeu-transit.yaml', import.meta.url);
/** Along the 43rd parallel, past the team's post at 75° E. */
const ROUTE = { type: 'LineString' as const, coordinates: [[74, 43], [75, 43], [76, 43]] as Array<[number, number]> };

let now = Date.parse('2025-11-05T06:00:00.000Z');
const trips = new MemoryOpenTrips();
const raised: ChannelRaised[] = [];
let platform: Platform;
let api: Api;
let tokens: Tokens;
let shipped: string;

function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, user: keyof Tokens, payload?: object) {
  return api.inject({ method, url, headers: { authorization: `Bearer ${tokens[user]}` }, ...(payload ? { payload } : {}) });
}

async function declare(reference: string, goods = validDeclaration().goods): Promise<string> {
  const response = await call('POST', '/api/v1/declarations?submit=true', 'haulier-a', { ...validDeclaration(reference), goods });
  expect(response.json().declaration.status).toBe('accepted');
  return response.json().declaration.id as string;
}

async function assessments(id: string): Promise<StoredAssessment[]> {
  const response = await call('GET', `/api/v1/declarations/${id}/assessments`, 'admin');
  expect(response.statusCode).toBe(200);
  return response.json();
}

beforeAll(async () => {
  const store = openStore(':memory:');
  await store.migrate();
  platform = wirePlatform(store, { now: () => new Date(now) }, { riskSecret: SECRET, openTrips: trips });
  platform.risk.assessments.onChannelRaised({ channelRaised: async (event) => void raised.push(event) });
  ({ api, tokens } = await apiWorld(platform, [SEAL]));
  shipped = await readFile(SHIPPED, 'utf8');
});

afterAll(async () => {
  await api.close();
  await platform.close();
});

describe('risk targeting', () => {
  let first: string;
  let second: string;
  let teamId: string;

  it('assesses a declaration when it is accepted, under the shipped rule set, and explains it', async () => {
    first = await declare('RISK-1');
    const [assessment, ...more] = await assessments(first);
    expect(more).toEqual([]);
    expect(assessment).toMatchObject({ declarationId: first, trigger: 'accepted', by: 'system' });
    const decided = assessment!.assessment;
    expect(decided.ruleSet).toEqual({ id: 'eaeu-transit', version: 1 });
    // The consignee is seen for the first time, and receives clothing; nothing else is wrong with the declaration.
    expect(decided.fired.map((f) => f.ruleId)).toEqual(['consignee-new', 'new-consignee-backlog-goods']);
    expect(decided.fired[1]!.explanation).toMatch(/^A recipient first seen 0 days ago receives goods item 1 \(620342\)/);
    expect(decided.fired[1]!.inputs).toMatchObject({ consigneeDaysKnown: 0, hsCode: '620342' });
    expect(decided.score).toBe(35);
    expect(decided.targetedChannel).toBe('yellow');
    expect(decided.random).toMatchObject({ keyId: 'test-key', scheme: 'hmac-sha256:corridor/random-selection/v1' });

    // Assessing again on demand keeps the draw, so only the rules could change the decision.
    const again = await call('POST', `/api/v1/declarations/${first}/assessments`, 'admin');
    expect(again.statusCode).toBe(201);
    expect(again.json().trigger).toBe('on-demand');
    expect(again.json().assessment.random.draw).toBe(decided.random.draw);
    expect(await assessments(first)).toHaveLength(2);
  });

  it('keeps targeting from traders and from unknown declarations', async () => {
    expect((await call('GET', `/api/v1/declarations/${first}/assessments`, 'haulier-a')).statusCode).toBe(403);
    expect((await call('POST', `/api/v1/declarations/${first}/assessments`, 'inspector')).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/risk/effectiveness', 'haulier-a')).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/declarations/nope/assessments', 'admin')).statusCode).toBe(404);
  });

  it('lists rule sets, refuses a broken one with every issue located, and puts a new version in force', async () => {
    const listed = await call('GET', '/api/v1/risk/rule-sets', 'inspector');
    expect(listed.json().map((s: { ruleSetId: string; version: number; active: boolean }) => [s.ruleSetId, s.version, s.active])).toEqual([['eaeu-transit', 1, true]]);

    const broken = await call('POST', '/api/v1/risk/rule-sets', 'admin', { text: 'id: broken\nversion: 1\nchannels: { yellow: 30, red: 60 }\nrandom: { green: { yellow: 0, red: 0 }, yellow: { red: 0 } }\nrules:\n  - id: r\n    weight: 10\n    explanation: "x"\n    when: { hsPrefix: [24] }\n' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.issues).toEqual([expect.objectContaining({ code: 'RISK_HS_CODE', path: 'rules[0].when.hsPrefix[0]', line: 9, column: 24 })]);
    expect((await call('POST', '/api/v1/risk/rule-sets', 'admin', { text: 42 })).statusCode).toBe(400);
    expect((await call('POST', '/api/v1/risk/rule-sets', 'inspector', { text: shipped })).statusCode).toBe(403);

    // The same version again with the same text changes nothing; with other text it is refused.
    expect((await call('POST', '/api/v1/risk/rule-sets', 'admin', { text: shipped })).statusCode).toBe(201);
    const changed = shipped.replace(/- id: consignee-new\n {4}weight: 20/, '- id: consignee-new\n    weight: 21');
    expect(changed).not.toBe(shipped);
    expect((await call('POST', '/api/v1/risk/rule-sets', 'admin', { text: changed })).statusCode).toBe(409);

    const v2 = await call('POST', '/api/v1/risk/rule-sets', 'admin', { text: changed.replace(/^version: 1$/m, 'version: 2') });
    expect(v2.statusCode).toBe(201);
    expect(v2.json()).toMatchObject({ ruleSetId: 'eaeu-transit', version: 2, active: false, uploadedBy: 'admin' });
    const activated = await call('POST', '/api/v1/risk/rule-sets/eaeu-transit/2/activate', 'admin');
    expect(activated.json()).toMatchObject({ version: 2, active: true, activatedBy: 'admin' });
    expect((await call('POST', '/api/v1/risk/rule-sets/eaeu-transit/9/activate', 'admin')).statusCode).toBe(404);
    const audit = await call('GET', '/api/v1/audit?entity=rule-set', 'admin');
    expect(audit.json().entries.map((e: { action: string; entityId: string }) => `${e.action} ${e.entityId}`)).toContain('activate eaeu-transit@2');
  });

  it('keeps roadside teams, with their position and shift checked', async () => {
    const created = await call('POST', '/api/v1/teams', 'admin', { name: 'Korday mobile 1', position: { lat: 43.01, lon: 75 } });
    expect(created.statusCode).toBe(201);
    teamId = created.json().id;
    expect(created.json().position).toEqual({ lat: 43.01, lon: 75, at: new Date(now).toISOString() });
    expect((await call('POST', '/api/v1/teams', 'inspector', { name: 'x' })).statusCode).toBe(403);
    const badLat = await call('PATCH', `/api/v1/teams/${teamId}`, 'admin', { position: { lat: 91, lon: 75 } });
    expect(badLat.statusCode).toBe(400);
    expect(badLat.json().error.issues[0].path).toBe('position.lat');
    const backwards = await call('PATCH', `/api/v1/teams/${teamId}`, 'admin', { shift: { start: '2025-11-05T18:00:00Z', end: '2025-11-05T06:00:00Z' } });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error.issues[0].path).toBe('shift.end');
    const shifted = await call('PATCH', `/api/v1/teams/${teamId}`, 'admin', { shift: { start: '2025-11-05T06:00:00Z', end: '2025-11-05T18:00:00Z' } });
    expect(shifted.json()).toMatchObject({ name: 'Korday mobile 1', position: { lat: 43.01 }, shift: { start: '2025-11-05T06:00:00.000Z' } });
    expect((await call('GET', '/api/v1/teams', 'inspector')).json()).toHaveLength(1);
    expect((await call('GET', '/api/v1/teams/nope', 'inspector')).statusCode).toBe(404);
  });

  it('proposes the open trips passing the team soon, and assigns one team a truck', async () => {
    trips.put({ tripId: 'trip-1', declarationId: first, route: ROUTE, lastPosition: { lat: 43, lon: 74.9, at: new Date(now).toISOString() }, speedKmh: 60 });
    const proposals = await call('GET', `/api/v1/teams/${teamId}/proposals?withinMinutes=20`, 'inspector');
    expect(proposals.statusCode).toBe(200);
    expect(proposals.json()).toEqual([expect.objectContaining({ tripId: 'trip-1', declarationId: first, reference: 'RISK-1', risk: { channel: expect.any(String), score: 35 } })]);
    expect((await call('GET', `/api/v1/teams/${teamId}/proposals?withinMinutes=5`, 'inspector')).json()).toEqual([]);
    expect((await call('GET', `/api/v1/teams/${teamId}/proposals?withinMinutes=-1`, 'inspector')).statusCode).toBe(400);
    // A team is proposed trucks only within its shift: none it would meet after the shift ends, none off duty.
    const shift = async (start: string, end: string) => call('PATCH', `/api/v1/teams/${teamId}`, 'admin', { shift: { start, end } });
    await shift('2025-11-05T00:00:00Z', '2025-11-05T06:05:00Z');
    expect((await call('GET', `/api/v1/teams/${teamId}/proposals?withinMinutes=20`, 'inspector')).json()).toEqual([]);
    await shift('2025-11-04T18:00:00Z', '2025-11-05T06:00:00Z');
    const offDuty = await call('GET', `/api/v1/teams/${teamId}/proposals?withinMinutes=20`, 'inspector');
    expect([offDuty.statusCode, offDuty.json().error.issues[0].code]).toEqual([409, 'TEAM_OFF_DUTY']);
    await shift('2025-11-05T06:00:00Z', '2025-11-05T18:00:00Z');

    const assigned = await call('POST', `/api/v1/teams/${teamId}/assignments`, 'admin', { declarationId: first });
    expect(assigned.statusCode).toBe(201);
    expect(assigned.json()).toMatchObject({ teamId, declarationId: first, tripId: 'trip-1', score: 35 });
    expect((await call('POST', `/api/v1/teams/${teamId}/assignments`, 'admin', { declarationId: first })).statusCode).toBe(409);
    expect((await call('GET', `/api/v1/teams/${teamId}/proposals?withinMinutes=20`, 'inspector')).json()).toEqual([]);
    expect((await call('GET', `/api/v1/teams/${teamId}/assignments`, 'inspector')).json()).toHaveLength(1);
  });

  it('records inspections, refusing contradictory results and unknown places by field', async () => {
    const contradictory = await call('POST', '/api/v1/inspections', 'inspector', { declarationId: first, place: { kind: 'roadside', teamId }, results: ['compliant', 'goods_undeclared'] });
    expect(contradictory.statusCode).toBe(422);
    expect(contradictory.json().error.issues[0]).toMatchObject({ code: 'RESULTS_CONTRADICT', path: 'results' });
    const unknownTeam = await call('POST', '/api/v1/inspections', 'inspector', { declarationId: first, place: { kind: 'roadside', teamId: 'nope' }, results: ['compliant'] });
    expect(unknownTeam.json().error.issues[0]).toMatchObject({ code: 'TEAM_UNKNOWN', path: 'place.teamId' });
    expect((await call('POST', '/api/v1/inspections', 'inspector', { declarationId: first, place: { kind: 'crossing', crossing: KORDAY.code }, results: ['smuggling'] })).statusCode).toBe(400);
    expect((await call('POST', '/api/v1/inspections', 'haulier-a', { declarationId: first, place: { kind: 'crossing', crossing: KORDAY.code }, results: ['compliant'] })).statusCode).toBe(403);

    now += 60 * 60 * 1000;
    const recorded = await call('POST', '/api/v1/inspections', 'inspector', { declarationId: first, place: { kind: 'roadside', teamId }, results: ['goods_undeclared'], notes: 'двойное дно' });
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json()).toMatchObject({ declarationId: first, results: ['goods_undeclared'], by: 'inspector', notes: 'двойное дно' });
    expect(['targeted', 'random']).toContain(recorded.json().selection);
    const listed = await call('GET', `/api/v1/inspections?teamId=${teamId}`, 'admin');
    expect(listed.json().total).toBe(1);
  });

  it("feeds the finding into the consignee's history, so its next declaration is targeted", async () => {
    now += 60 * 60 * 1000;
    // Furniture this time, of no chapter the new-consignee rule watches.
    second = await declare('RISK-2', [{ hsCode: '940360', description: 'Wooden furniture', packages: 10, grossMassKg: 900, value: 36000, currency: 'USD' }]);
    const [assessment] = await assessments(second);
    expect(assessment!.assessment.ruleSet.version).toBe(2);
    expect(assessment!.assessment.fired.map((f) => f.ruleId)).toEqual(['consignee-new', 'consignee-past-findings']);
    expect(assessment!.assessment.score).toBe(46);
    expect(assessment!.assessment.targetedChannel).toBe('yellow');
    expect(assessment!.context.parties.consignee?.windows[365]).toEqual({ inspections: 1, withFindings: 1, findings: { goods_undeclared: 1 } });
  });

  it('re-assesses on an alert of consequence and tells the listeners when the channel rises', async () => {
    expect(await platform.risk.assessments.reassessOnAlert(second, 'geofence-entered')).toBeUndefined();
    trips.put({ tripId: 'trip-2', declarationId: second, route: ROUTE, lastPosition: { lat: 43, lon: 74.5, at: new Date(now).toISOString() }, speedKmh: 70 });
    trips.raise(second, 'seal-tamper');
    const result = await platform.risk.assessments.reassessOnAlert(second, 'seal-tamper');
    expect(result).toMatchObject({ raised: true, assessment: { trigger: 'alert:seal-tamper', assessment: { channel: 'red' } } });
    expect(result!.assessment.assessment.fired.map((f) => f.ruleId)).toContain('seal-alert');
    expect(raised).toEqual([expect.objectContaining({ declarationId: second, reference: 'RISK-2', borderCrossing: KORDAY.code, to: 'red', alertType: 'seal-tamper' })]);
    // Red already: another alert re-assesses but raises nothing.
    trips.raise(second, 'corridor-left');
    expect(await platform.risk.assessments.reassessOnAlert(second, 'corridor-left')).toMatchObject({ raised: false, previous: 'red' });
    expect(raised).toHaveLength(1);
  });

  it('reports effectiveness per rule and channel, and backtests a candidate on the past inspections', async () => {
    const report = (await call('GET', '/api/v1/risk/effectiveness', 'inspector')).json();
    expect(report.assessed).toBe(2);
    expect(report.overall).toMatchObject({ inspected: 1, withFindings: 1, hitRate: 1 });
    expect(report.byRule.find((r: { ruleId: string }) => r.ruleId === 'consignee-new')).toMatchObject({ fired: 2, stats: { inspected: 1, withFindings: 1 } });

    // A candidate that no longer cares for new consignees would have released the first declaration's finding.
    const lenient = shipped.replace(/^version: 1$/m, 'version: 3').replace(/- id: consignee-new\n {4}weight: 20/, '- id: consignee-new\n    weight: 0');
    const backtest = await call('POST', '/api/v1/risk/backtest', 'inspector', { text: lenient });
    expect(backtest.statusCode).toBe(200);
    const { candidate, current } = backtest.json();
    expect(candidate.ruleSet).toEqual({ id: 'eaeu-transit', version: 3 });
    expect(current.ruleSet).toEqual({ id: 'eaeu-transit', version: 2 });
    expect(candidate.cases).toBe(2);
    expect(candidate.all).toMatchObject({ known: 1, findings: 1 });
    expect((await call('POST', '/api/v1/risk/backtest', 'inspector', { text: 'version: [' })).statusCode).toBe(400);
  });

  it('deletes a team with its assignments', async () => {
    expect((await call('DELETE', `/api/v1/teams/${teamId}`, 'admin')).statusCode).toBe(204);
    expect((await call('DELETE', `/api/v1/teams/${teamId}`, 'admin')).statusCode).toBe(404);
  });

  it('values goods in other currencies through the installation\'s exchange rates, and says which rate it lacks', async () => {
    const invoicedIn = async (reference: string, currency: string): Promise<string> => {
      const input = validDeclaration(reference);
      const response = await call('POST', '/api/v1/declarations?submit=true', 'haulier-a', {
        ...input,
        goods: [{ hsCode: '610910', description: 'Cotton T-shirts', packages: 20, grossMassKg: 400, value: 3500, currency }],
        documents: input.documents.map((document) => (document.type === 'invoice' ? { ...document, amount: 3500, currency } : document)),
      });
      expect(response.json().declaration.status).toBe('accepted');
      return response.json().declaration.id as string;
    };
    const inEuro = await invoicedIn('RISK-EUR', 'EUR');
    const inYen = await invoicedIn('RISK-JPY', 'JPY');
    const missing = async (id: string) => (await platform.store.risk.assessments.latest(id))!.assessment.missing.map((issue) => issue.path);
    expect(await missing(inEuro)).not.toContain('valuation.exchangeRates.EUR');
    expect(await missing(inYen)).toContain('valuation.exchangeRates.JPY');
  });
});
