/**
 * The risk repositories' contract, run unchanged on SQLite and on PostgreSQL (when CORRIDOR_TEST_PG names one; each
 * store in a throwaway schema of its own).
 */
import { describe, expect, it } from 'vitest';
import type { DeclarationInput } from '../../src/core/model/index.js';
import type { Assessment, InspectionResult } from '../../src/core/risk/index.js';
import type { StoredAssessment } from '../../src/ports/risk-store.js';
import type { Store } from '../../src/ports/store.js';
import { freshStoreEachTest, storeBackends, type OpenFreshStore } from '../support/store-backends.js';
import { fullInput, minimalInput, newDeclaration } from './fixtures.js';

const DAY = 86_400_000;
const TODAY = '2025-06-30';
/** `days` before noon of TODAY. */
const daysAgo = (days: number) => new Date(Date.parse(`${TODAY}T12:00:00.000Z`) - days * DAY).toISOString();

function assessment(reference: string, score: number, overrides: Partial<Assessment> = {}): Assessment {
  return {
    reference,
    ruleSet: { id: 'eaeu-transit', version: 1 },
    today: TODAY,
    fired: score > 0 ? [{ ruleId: 'consignee-new', weight: score, explanation: 'Первый раз: "new"', inputs: { consigneeDaysKnown: 3, withinDays: 30 } }] : [],
    score,
    targetedChannel: score >= 30 ? 'yellow' : 'green',
    channel: score >= 30 ? 'yellow' : 'green',
    randomlySelected: false,
    random: { draw: 0.123456789, keyId: 'k-2025', scheme: 'hmac-sha256:corridor/random-selection/v1', rates: { yellow: 0.03, red: 0.01 } },
    missing: [],
    ...overrides,
  };
}

function stored(id: string, declarationId: string, at: string, a: Assessment): StoredAssessment {
  return { id, declarationId, trigger: 'accepted', by: 'system', at, assessment: a, context: { today: TODAY, checkIssues: [], parties: {}, trip: { alerts: { 'seal-tamper': 1 } } } };
}

/** A declaration of the given consignee TIN and plate, created `days` ago. */
function partyInput(reference: string, consigneeTin: string | undefined, plate: string): DeclarationInput {
  const input = fullInput(reference);
  const { tin: _tin, ...consignee } = input.consignee;
  return { ...input, consignee: consigneeTin === undefined ? consignee : { ...consignee, tin: consigneeTin }, vehicle: { plate, country: 'KZ' } };
}

function describeRiskStore(name: string, open: OpenFreshStore) {
  describe(name, () => {
    let store: Store;
    freshStoreEachTest(open, (opened) => (store = opened));

    it('keeps rule-set versions, one in force at a time, with who put each in force and when', async () => {
      const sets = store.risk.ruleSets;
      const v1 = { ruleSetId: 'eaeu-transit', version: 1, text: 'id: eaeu-transit\n# «v1»', uploadedBy: 'admin', uploadedAt: '2025-06-01T10:00:00+05:00' };
      expect(await sets.insert(v1)).toBe(true);
      expect(await sets.insert({ ...v1, text: 'other' })).toBe(false);
      await sets.insert({ ...v1, version: 2, text: 'v2' });
      await sets.insert({ ...v1, ruleSetId: 'another', text: 'a' });
      expect(await sets.active()).toBeUndefined();
      expect(await sets.activate('eaeu-transit', 9, 'admin', daysAgo(2))).toBe(false);

      expect(await sets.activate('eaeu-transit', 1, 'admin', daysAgo(2))).toBe(true);
      expect(await sets.activate('eaeu-transit', 2, 'analyst', daysAgo(1))).toBe(true);
      expect(await sets.active()).toMatchObject({ ruleSetId: 'eaeu-transit', version: 2, active: true, activatedBy: 'analyst', activatedAt: daysAgo(1) });
      expect(await sets.get('eaeu-transit', 1)).toStrictEqual({
        ...v1, uploadedAt: '2025-06-01T05:00:00.000Z', active: false, activatedBy: 'admin', activatedAt: daysAgo(2),
      });
      expect((await sets.list()).map((s) => [s.ruleSetId, s.version, s.active])).toEqual([
        ['another', 1, false], ['eaeu-transit', 2, true], ['eaeu-transit', 1, false],
      ]);
      expect(await sets.activate('another', 1, 'admin', daysAgo(0))).toBe(true);
      expect((await sets.list()).filter((s) => s.active).map((s) => s.ruleSetId)).toEqual(['another']);
    });

    it('keeps every assessment of a declaration whole, and finds the latest', async () => {
      await store.declarations.insert(newDeclaration('d1', fullInput('A-1')));
      await store.declarations.insert(newDeclaration('d2', minimalInput('A-2')));
      const first = stored('a1', 'd1', daysAgo(3), assessment('A-1', 0));
      const second = stored('a2', 'd1', daysAgo(1), assessment('A-1', 45));
      const other = stored('a3', 'd2', daysAgo(2), assessment('A-2', 10, { randomlySelected: true, channel: 'red' }));
      for (const a of [second, other, first]) await store.risk.assessments.insert(a);

      expect(await store.risk.assessments.history('d1')).toStrictEqual([first, second]);
      expect(await store.risk.assessments.latest('d1')).toStrictEqual(second);
      expect(await store.risk.assessments.latest('nope')).toBeUndefined();
      const latest = await store.risk.assessments.latestOf(['d1', 'd2', 'nope', 'd1']);
      expect([...latest.keys()].sort()).toEqual(['d1', 'd2']);
      expect(latest.get('d1')).toStrictEqual(second);
      expect(latest.get('d2')).toStrictEqual(other);
      const channels = await store.risk.assessments.latestChannelsOf(['d1', 'd2', 'nope']);
      expect(Object.fromEntries(channels)).toStrictEqual({
        d1: { channel: second.assessment.channel, trigger: 'accepted', at: second.at },
        d2: { channel: 'red', trigger: 'accepted', at: other.at },
      });
      expect((await store.risk.assessments.all()).map((a) => a.id)).toEqual(['a1', 'a3', 'a2']);
    });

    it('records inspections roadside and at crossings, and lists them newest first', async () => {
      await store.declarations.insert(newDeclaration('d1', fullInput('I-1')));
      await store.declarations.insert(newDeclaration('d2', minimalInput('I-2')));
      const roadside = { id: 'i1', declarationId: 'd1', place: { kind: 'roadside' as const, teamId: 't1' }, selection: 'random' as const, results: ['goods_undeclared' as const, 'seal_tampered' as const], notes: "'; drop table x; -- «»", by: 'inspector', at: daysAgo(5) };
      const crossing = { id: 'i2', declarationId: 'd1', place: { kind: 'crossing' as const, crossing: 'KZ-KG-KORDAY' }, selection: 'targeted' as const, results: ['compliant' as const], by: 'inspector', at: daysAgo(1) };
      const otherDeclaration = { ...crossing, id: 'i3', declarationId: 'd2', at: daysAgo(3) };
      for (const i of [roadside, crossing, otherDeclaration]) await store.risk.inspections.insert(i);

      expect(await store.risk.inspections.get('i1')).toStrictEqual(roadside);
      expect(await store.risk.inspections.get('nope')).toBeUndefined();
      // Listed with the reference people know the declaration by.
      const listed = (inspection: typeof crossing | typeof roadside) => ({ ...inspection, reference: inspection.declarationId === 'd1' ? 'I-1' : 'I-2' });
      expect(await store.risk.inspections.list({ limit: 10, offset: 0 })).toStrictEqual({ items: [crossing, otherDeclaration, roadside].map(listed), total: 3 });
      expect(await store.risk.inspections.list({ declarationId: 'd1', limit: 1, offset: 1 })).toStrictEqual({ items: [listed(roadside)], total: 2 });
      expect(await store.risk.inspections.list({ teamId: 't1', limit: 10, offset: 0 })).toStrictEqual({ items: [listed(roadside)], total: 1 });
      expect((await store.risk.inspections.all()).map((i) => i.id)).toEqual(['i1', 'i3', 'i2']);
    });

    it("reads a party's history from the inspections of its other declarations, over windows ending today", async () => {
      // The consignee 990140000385 and the plate 123ABC02 on four declarations; the last is being assessed.
      const declarations = [
        newDeclaration('old', partyInput('P-1', '990140000385', '123ABC02'), { at: daysAgo(400) }),
        newDeclaration('mid', partyInput('P-2', '990140000385', '777ZZZ02'), { at: daysAgo(200) }),
        newDeclaration('recent', partyInput('P-3', '990140000385', '123ABC02'), { at: daysAgo(20) }),
        newDeclaration('now', partyInput('P-4', '990140000385', '123ABC02'), { at: daysAgo(0) }),
        newDeclaration('stranger', partyInput('P-5', '111111111111', '123ABC02'), { at: daysAgo(30) }),
      ];
      for (const d of declarations) await store.declarations.insert(d);
      const inspect = (id: string, declarationId: string, days: number, results: InspectionResult[]) =>
        store.risk.inspections.insert({ id, declarationId, place: { kind: 'crossing', crossing: 'X' }, selection: 'targeted', results, by: 'i', at: daysAgo(days) });
      await inspect('i-old', 'old', 390, ['goods_undeclared']);
      // Inspected twice: counted once, with what both found.
      await inspect('i-mid-1', 'mid', 190, ['documents_missing']);
      await inspect('i-mid-2', 'mid', 189, ['quantity_or_value_mismatch', 'documents_missing']);
      await inspect('i-recent', 'recent', 15, ['compliant']);
      // Its own inspection, and one learnt after the assessment, never count.
      await inspect('i-own', 'now', 0.1, ['seal_tampered']);
      await inspect('i-stranger', 'stranger', 10, ['goods_undeclared']);

      const [now] = declarations.slice(3);
      const declaration = { ...now!.input, id: 'now', createdAt: now!.at };
      const histories = await store.risk.parties.histories({
        declaration,
        today: TODAY,
        before: daysAgo(0),
        windows: { consignee: [30, 365, 730], vehicle: [365] },
        firstSeen: ['consignee', 'carrier'],
      });
      expect(histories.consignee).toStrictEqual({
        firstSeen: daysAgo(400).slice(0, 10),
        windows: {
          30: { inspections: 1, withFindings: 0, findings: {} },
          365: { inspections: 2, withFindings: 1, findings: { documents_missing: 1, quantity_or_value_mismatch: 1 } },
          730: { inspections: 3, withFindings: 2, findings: { documents_missing: 1, quantity_or_value_mismatch: 1, goods_undeclared: 1 } },
        },
      });
      // The vehicle was on the stranger's declaration too.
      expect(histories.vehicle).toStrictEqual({
        firstSeen: daysAgo(400).slice(0, 10),
        windows: { 365: { inspections: 2, withFindings: 1, findings: { goods_undeclared: 1 } } },
      });
      expect(histories.carrier).toStrictEqual({ firstSeen: daysAgo(400).slice(0, 10), windows: {} });

      // The middle declaration as it was assessed: the later inspections not known yet, and its own never counted.
      const before = await store.risk.parties.histories({ declaration: { ...declaration, id: 'mid', createdAt: daysAgo(200) }, today: daysAgo(200).slice(0, 10), before: daysAgo(200), windows: { consignee: [365] }, firstSeen: [] });
      expect(before.consignee).toStrictEqual({ firstSeen: daysAgo(400).slice(0, 10), windows: { 365: { inspections: 1, withFindings: 1, findings: { goods_undeclared: 1 } } } });

      // A consignee without a number cannot be known: left out, so that its rules are unknown rather than clean.
      const unnamed = { ...declaration, consignee: { name: 'B', country: 'KZ' } };
      const none = await store.risk.parties.histories({ declaration: unnamed, today: TODAY, before: daysAgo(0), windows: { consignee: [30] }, firstSeen: ['consignee'] });
      expect(none).toStrictEqual({});
    });

    it('makes the installation key once: the first one stored stays', async () => {
      const first = { keyId: 'install-1', secret: 'c2VjcmV0LW9uZQ==', createdAt: daysAgo(1) };
      expect(await store.risk.installationKey.getOrCreate(first)).toStrictEqual(first);
      expect(await store.risk.installationKey.getOrCreate({ keyId: 'install-2', secret: 'dHdv', createdAt: daysAgo(0) })).toStrictEqual(first);
    });

    it('keeps roadside teams and their assignments, one team a truck', async () => {
      await store.declarations.insert(newDeclaration('d1', fullInput('T-1')));
      await store.declarations.insert(newDeclaration('d2', minimalInput('T-2')));
      const team = { id: 't1', name: 'Мобильная группа 1', createdAt: daysAgo(2), updatedAt: daysAgo(2) };
      await store.risk.teams.put(team);
      expect(await store.risk.teams.get('t1')).toStrictEqual(team);
      const moved = { ...team, position: { lat: 43.1, lon: 74.9, at: daysAgo(1) }, shift: { start: daysAgo(1), end: daysAgo(0) }, updatedAt: daysAgo(1) };
      await store.risk.teams.put(moved);
      await store.risk.teams.put({ id: 't0', name: 'A team', createdAt: daysAgo(1), updatedAt: daysAgo(1) });
      expect(await store.risk.teams.get('t1')).toStrictEqual(moved);
      expect((await store.risk.teams.list()).map((t) => t.id)).toEqual(['t0', 't1']);

      const assignment = { id: 'as1', teamId: 't1', declarationId: 'd1', tripId: 'trip-1', channel: 'red' as const, score: 65.5, by: 'operator', at: daysAgo(0) };
      expect(await store.risk.teams.assign(assignment)).toBe(true);
      expect(await store.risk.teams.assign({ ...assignment, id: 'as2', teamId: 't0' })).toBe(false);
      expect(await store.risk.teams.assignments('t1')).toStrictEqual([assignment]);
      expect(await store.risk.teams.assignedAmong(['d1', 'd2'])).toEqual(new Set(['d1']));

      expect(await store.risk.teams.delete('t1')).toBe(true);
      expect(await store.risk.teams.delete('t1')).toBe(false);
      expect(await store.risk.teams.assignedAmong(['d1'])).toEqual(new Set());
    });
  });
}

for (const [backend, open] of storeBackends('risk')) describeRiskStore(`risk store on ${backend}`, open);
