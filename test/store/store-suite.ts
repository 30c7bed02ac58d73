/**
 * The store's contract as one suite, run unchanged against every backend: whatever passes here on SQLite
 * must pass on PostgreSQL, so the services above never learn which one they talk to.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BorderCrossing, CustomsOffice, Declaration, Position } from '../../src/core/model/index.js';
import type { NewDeclaration, Store, StoredUser } from '../../src/ports/store.js';
import {
  HOSTILE,
  T0,
  T0_MS,
  at,
  created,
  fullInput,
  hostileInput,
  minimalInput,
  newDeclaration,
  position,
} from './fixtures.js';
import { describeTrackingStore } from './tracking-suite.js';

/** A fresh, migrated, empty store, and how to throw it away. */
export interface OpenedStore {
  store: Store;
  dispose(): Promise<void>;
}
export type StoreFactory = () => Promise<OpenedStore>;

function expected(declaration: NewDeclaration): Declaration {
  return {
    ...declaration.input,
    id: declaration.id,
    status: declaration.status,
    owner: declaration.owner,
    createdAt: declaration.at,
    updatedAt: declaration.at,
  };
}

const polygon = {
  type: 'Polygon' as const,
  coordinates: [[[74.5, 42.8], [74.6, 42.8], [74.6, 42.9], [74.5, 42.8]] as Array<[number, number]>],
};

export function describeStoreSuite(name: string, factory: StoreFactory): void {
  describe(name, () => {
    let opened: OpenedStore;
    let store: Store;

    beforeEach(async () => {
      opened = await factory();
      store = opened.store;
    });
    afterEach(async () => {
      await opened.dispose();
    });

    describeTrackingStore(() => store);

    describe('migrations', () => {
      it('are a no-op when run again, and keep the data', async () => {
        const declaration = newDeclaration('d1', fullInput());
        expect(await store.declarations.insert(declaration)).toBe(true);
        await store.migrate();
        await store.migrate();
        expect(await store.declarations.get('d1')).toStrictEqual(expected(declaration));
      });
    });

    describe('shard leases', () => {
      it('go to one owner at a time, are renewed by it keeping their epoch, and are free again once run out or released', async () => {
        const leases = store.shardLeases;
        // A lease's epoch is when its holder took it; renewals keep it.
        expect(await leases.take(3, 'a', 1_000, 16_000)).toBe(1_000);
        expect(await leases.take(3, 'b', 2_000, 17_000)).toBeUndefined();
        expect(await leases.take(3, 'a', 5_000, 20_000)).toBe(1_000);
        expect(await leases.list()).toEqual([{ shard: 3, owner: 'a', expiresMs: 20_000, wantedBy: null, epoch: 1_000 }]);
        // Asked back: the holder keeps it (and the request) while it renews; a taker clears the request.
        await leases.want(3, 'b');
        await leases.want(3, 'a');
        expect(await leases.take(3, 'a', 6_000, 21_000)).toBe(1_000);
        expect((await leases.list())[0]).toMatchObject({ owner: 'a', wantedBy: 'b' });
        expect(await leases.take(3, 'b', 20_999, 40_000)).toBeUndefined();
        expect(await leases.take(3, 'b', 21_001, 40_000)).toBe(21_001);
        expect((await leases.list())[0]).toEqual({ shard: 3, owner: 'b', expiresMs: 40_000, wantedBy: null, epoch: 21_001 });
        await leases.release(3, 'a');
        expect(await leases.list()).toHaveLength(1);
        await leases.release(3, 'b');
        expect(await leases.take(3, 'a', 22_000, 37_000)).toBe(22_000);
      });
    });

    describe('declarations', () => {
      it('round-trip a full declaration exactly: Unicode, decimals, goods order, optional fields', async () => {
        const declaration = newDeclaration('d1', fullInput(), { owner: 'хозяин', status: 'submitted' });
        expect(await store.declarations.insert(declaration)).toBe(true);
        expect(await store.declarations.get('d1')).toStrictEqual(expected(declaration));
        expect(await store.declarations.getByReference('KZ-2025-000001')).toStrictEqual(expected(declaration));
        expect(await store.declarations.history('d1')).toStrictEqual(declaration.history);
      });

      it('round-trip a declaration with no optional field, leaving the fields absent', async () => {
        const declaration = newDeclaration('d2', minimalInput('MIN-1'));
        await store.declarations.insert(declaration);
        const stored = await store.declarations.get('d2');
        expect(stored).toStrictEqual(expected(declaration));
        expect(stored && 'driver' in stored).toBe(false);
        expect(stored && 'tin' in stored.consignor).toBe(false);
      });

      it('answer undefined for what does not exist', async () => {
        expect(await store.declarations.get('nope')).toBeUndefined();
        expect(await store.declarations.getByReference('nope')).toBeUndefined();
        expect(await store.declarations.history('nope')).toStrictEqual([]);
        expect(await store.declarations.lastCheck('nope')).toBeUndefined();
      });

      it('bring timestamps to one canonical UTC form', async () => {
        const declaration = newDeclaration('d1', minimalInput('TZ-1'), { at: '2025-03-01T10:00:00+05:00' });
        await store.declarations.insert(declaration);
        const stored = await store.declarations.get('d1');
        expect(stored?.createdAt).toBe('2025-03-01T05:00:00.000Z');
        expect((await store.declarations.history('d1'))[0]?.at).toBe('2025-03-01T05:00:00.000Z');
      });

      it('refuse a second declaration with the same reference and keep the first', async () => {
        const first = newDeclaration('d1', fullInput('SAME'));
        expect(await store.declarations.insert(first)).toBe(true);
        expect(await store.declarations.insert(newDeclaration('d2', minimalInput('SAME')))).toBe(false);
        expect(await store.declarations.get('d2')).toBeUndefined();
        expect(await store.declarations.getByReference('SAME')).toStrictEqual(expected(first));
      });

      it('store the check given at insertion', async () => {
        const check = { complete: false, issues: [{ code: 'TIN_CHECK_DIGIT', path: 'consignee.tin', message: 'bad' }], checkedAt: at(1) };
        await store.declarations.insert(newDeclaration('d1', minimalInput('C-1'), { check }));
        expect(await store.declarations.lastCheck('d1')).toStrictEqual(check);
      });

      it('insert many in chunks, skipping existing references and repeats within the batch', async () => {
        await store.declarations.insert(newDeclaration('old', minimalInput('R-00003')));
        const batch: NewDeclaration[] = [];
        for (let i = 0; i < 2_500; i++) {
          const input = fullInput(`R-${String(i).padStart(5, '0')}`);
          batch.push(newDeclaration(`n${i}`, input, { at: at(i) }));
        }
        batch.push(newDeclaration('repeat', minimalInput('R-00010')));
        const inserted = await store.declarations.insertMany(batch);
        expect(inserted.size).toBe(2_499);
        expect(inserted.has('R-00003')).toBe(false);
        expect(inserted.has('R-02499')).toBe(true);
        expect(await store.declarations.get('n3')).toBeUndefined();
        expect(await store.declarations.get('repeat')).toBeUndefined();
        expect((await store.declarations.get('old'))?.reference).toBe('R-00003');
        const last = batch[2_499];
        expect(last && (await store.declarations.get('n2499'))).toStrictEqual(last && expected(last));
        expect(await store.declarations.history('n10')).toStrictEqual([created('haulier1', at(10))]);
        const page = await store.declarations.list({ limit: 1, offset: 0 });
        expect(page.total).toBe(2_500);
        expect(await store.declarations.insertMany([])).toStrictEqual(new Set());
        expect(await store.declarations.insertMany(batch.slice(0, 10))).toStrictEqual(new Set());
      });

      it('roll back a whole batch when one row fails', async () => {
        await store.declarations.insert(newDeclaration('taken', minimalInput('T-0')));
        // A new reference but an id already in use: a real conflict, not a skip.
        const batch = [newDeclaration('fresh', minimalInput('T-1')), newDeclaration('taken', minimalInput('T-2'))];
        await expect(store.declarations.insertMany(batch)).rejects.toThrow();
        expect(await store.declarations.getByReference('T-1')).toBeUndefined();
      });

      it('replace the content on update, goods included, and keep status and creation', async () => {
        const original = newDeclaration('d1', fullInput('U-1'));
        await store.declarations.insert(original);
        const input = { ...minimalInput('U-1b'), goods: [fullInput().goods[2]!, fullInput().goods[0]!] };
        expect(await store.declarations.update('d1', input, at(5))).toBe(true);
        expect(await store.declarations.get('d1')).toStrictEqual({
          ...expected(newDeclaration('d1', input)),
          updatedAt: at(5),
        });
        expect(await store.declarations.getByReference('U-1')).toBeUndefined();
        expect(await store.declarations.update('nope', input, at(6))).toBe(false);
      });

      it('update only while in one of the given statuses', async () => {
        await store.declarations.insert(newDeclaration('d1', minimalInput('U-2'), { status: 'submitted' }));
        const input = minimalInput('U-2');
        expect(await store.declarations.update('d1', { ...input, seals: ['x'] }, at(1), ['draft', 'incomplete'])).toBe(false);
        expect((await store.declarations.get('d1'))?.seals).toStrictEqual([]);
        expect(await store.declarations.update('d1', { ...input, seals: ['y'] }, at(1), ['submitted'])).toBe(true);
        expect((await store.declarations.get('d1'))?.seals).toStrictEqual(['y']);
        expect(await store.declarations.update('d1', input, at(1), [])).toBe(false);
      });
    });

    describe('status changes', () => {
      it('apply only from the expected status, append history in order, and store the check', async () => {
        await store.declarations.insert(newDeclaration('d1', minimalInput('S-1')));
        const submit = { from: 'draft' as const, to: 'submitted' as const, by: 'haulier1', at: at(1) };
        expect(await store.declarations.changeStatus('d1', submit)).toBe(true);
        expect(await store.declarations.changeStatus('d1', submit)).toBe(false);
        const check = { complete: true, issues: [], checkedAt: at(2) };
        const accept = { from: 'submitted' as const, to: 'accepted' as const, by: 'system', at: at(2), reason: 'checks passed' };
        expect(await store.declarations.changeStatus('d1', accept, check)).toBe(true);
        expect(await store.declarations.changeStatus('nope', accept)).toBe(false);
        expect(await store.declarations.changeStatus('d1', { ...accept, from: null })).toBe(false);

        const stored = await store.declarations.get('d1');
        expect(stored?.status).toBe('accepted');
        expect(stored?.updatedAt).toBe(at(2));
        expect(stored?.createdAt).toBe(T0);
        expect(await store.declarations.history('d1')).toStrictEqual([created('haulier1', T0), submit, accept]);
        expect(await store.declarations.lastCheck('d1')).toStrictEqual(check);
      });

      it('apply a chain of changes in one step, or none of it', async () => {
        await store.declarations.insert(newDeclaration('d1', minimalInput('S-3')));
        const submit = { from: 'draft' as const, to: 'submitted' as const, by: 'haulier1', at: at(1) };
        const incomplete = { from: 'submitted' as const, to: 'incomplete' as const, by: 'system', at: at(1), reason: '2 issues' };
        const check = { complete: false, issues: [{ code: 'DOCUMENT_MISSING', path: 'documents', message: 'no CMR' }], checkedAt: at(1) };
        expect(await store.declarations.changeStatus('d1', [submit, incomplete], check)).toBe(true);
        expect(await store.declarations.changeStatus('d1', [submit, incomplete], check)).toBe(false);
        expect((await store.declarations.get('d1'))?.status).toBe('incomplete');
        expect(await store.declarations.history('d1')).toStrictEqual([created('haulier1', T0), submit, incomplete]);
        expect(await store.declarations.lastCheck('d1')).toStrictEqual(check);
        const broken = { from: 'accepted' as const, to: 'in_transit' as const, by: 'x', at: at(2) };
        await expect(store.declarations.changeStatus('d1', [{ ...submit, from: 'incomplete' as const }, broken])).rejects.toThrow(/chain/);
        expect((await store.declarations.get('d1'))?.status).toBe('incomplete');
      });

      it('let only one of two concurrent changes from the same status apply', async () => {
        await store.declarations.insert(newDeclaration('d1', minimalInput('S-2'), { status: 'at_border' }));
        for (let round = 0; round < 5; round++) {
          const release = { from: 'at_border' as const, to: 'released' as const, by: 'inspector1', at: at(round) };
          const hold = { from: 'at_border' as const, to: 'held' as const, by: 'inspector2', at: at(round) };
          const results = await Promise.all([
            store.declarations.changeStatus('d1', release),
            store.declarations.changeStatus('d1', hold),
          ]);
          expect(results.filter(Boolean)).toHaveLength(1);
          const now = (await store.declarations.get('d1'))?.status;
          expect(now).toBe(results[0] ? 'released' : 'held');
          expect(await store.declarations.changeStatus('d1', { from: now!, to: 'at_border', by: 'reset', at: at(round) })).toBe(true);
        }
        const history = await store.declarations.history('d1');
        expect(history).toHaveLength(11);
        expect(history.map((change) => change.to).slice(1).filter((to) => to === 'at_border')).toHaveLength(5);
      });
    });

    describe('list', () => {
      async function seed(): Promise<void> {
        const rows: Array<[string, Partial<NewDeclaration>, Partial<ReturnType<typeof fullInput>>]> = [
          ['a1', { owner: 'alpha', status: 'draft', at: at(1) }, { borderCrossing: 'X1' }],
          ['a2', { owner: 'alpha', status: 'submitted', at: at(2) }, { borderCrossing: 'X2' }],
          ['a3', { owner: 'alpha', status: 'draft', at: at(3) }, { borderCrossing: 'X1' }],
          ['b1', { owner: 'beta', status: 'draft', at: at(3) }, { borderCrossing: 'X2' }],
          ['b2', { owner: 'beta', status: 'accepted', at: at(5) }, { borderCrossing: 'X1' }],
          ['b3', { owner: 'beta', status: 'draft', at: at(6) }, { borderCrossing: 'X1' }],
          ['b4', { owner: 'beta', status: 'draft', at: at(7) }, { borderCrossing: 'X1' }],
        ];
        for (const [id, options, overrides] of rows) {
          const input = { ...minimalInput(`L-${id}`), ...overrides };
          input.consignee = { name: `Consignee ${id}`, country: 'KZ', tin: id.startsWith('a') ? '111' : '222' };
          input.vehicle = { plate: id === 'b2' ? 'PLATE-B2' : 'PLATE', country: 'KZ' };
          await store.declarations.insert(newDeclaration(id, input, options));
        }
      }

      const ids = (page: { items: Declaration[] }) => page.items.map((item) => item.id);

      it('order newest first, then by id, and page with a total', async () => {
        await seed();
        const all = await store.declarations.list({ limit: 100, offset: 0 });
        expect(ids(all)).toStrictEqual(['b4', 'b3', 'b2', 'b1', 'a3', 'a2', 'a1']);
        expect(all.total).toBe(7);
        expect(all.items[0]?.goods).toStrictEqual([]);
        const second = await store.declarations.list({ limit: 3, offset: 3 });
        expect(ids(second)).toStrictEqual(['b1', 'a3', 'a2']);
        expect(second.total).toBe(7);
        const beyond = await store.declarations.list({ limit: 3, offset: 30 });
        expect(beyond).toStrictEqual({ items: [], total: 7 });
      });

      it('filter by status, owner, crossing, consignee TIN and plate, alone and together', async () => {
        await seed();
        const list = (filter: object) => store.declarations.list({ limit: 100, offset: 0, ...filter });
        expect(ids(await list({ status: 'draft' }))).toStrictEqual(['b4', 'b3', 'b1', 'a3', 'a1']);
        expect(ids(await list({ owner: 'alpha' }))).toStrictEqual(['a3', 'a2', 'a1']);
        expect(ids(await list({ borderCrossing: 'X2' }))).toStrictEqual(['b1', 'a2']);
        expect(ids(await list({ consigneeTin: '111' }))).toStrictEqual(['a3', 'a2', 'a1']);
        expect(ids(await list({ vehiclePlate: 'PLATE-B2' }))).toStrictEqual(['b2']);
        const combined = await store.declarations.list({ limit: 1, offset: 1, owner: 'beta', status: 'draft', borderCrossing: 'X1' });
        expect(combined).toMatchObject({ total: 2 });
        expect(ids(combined)).toStrictEqual(['b3']);
        expect(await list({ owner: 'nobody' })).toStrictEqual({ items: [], total: 0 });
      });

      it('return full declarations with their goods in order', async () => {
        const declaration = newDeclaration('d1', fullInput());
        await store.declarations.insert(declaration);
        await store.declarations.insert(newDeclaration('d2', minimalInput('M-2'), { at: at(-1) }));
        const page = await store.declarations.list({ limit: 10, offset: 0 });
        expect(page.items[0]).toStrictEqual(expected(declaration));
      });

      it('search text case-insensitively, in Cyrillic too, with % _ and \\ taken literally', async () => {
        const inputs = {
          t1: { ...fullInput('REF-100%-A') },
          t2: { ...minimalInput('REF-1000'), consignor: { name: 'Acme_Trading', country: 'RU' } },
          t3: { ...minimalInput('REF-3'), consignor: { name: 'AcmeXTrading', country: 'RU' } },
          t4: { ...minimalInput('REF-4'), vehicle: { plate: 'A\\B777', country: 'KZ' } },
          t5: { ...minimalInput('REF-5'), carrier: { name: 'Only the carrier is Ақ Жол', country: 'KZ' } },
        };
        for (const [id, input] of Object.entries(inputs)) await store.declarations.insert(newDeclaration(id, input));
        const search = async (text: string) =>
          ids(await store.declarations.list({ limit: 10, offset: 0, text })).sort();
        expect(await search('ақ жол')).toStrictEqual(['t1']);
        expect(await search('АҚ ЖОЛ')).toStrictEqual(['t1']);
        expect(await search('сибирский')).toStrictEqual(['t1']);
        expect(await search('100%')).toStrictEqual(['t1']);
        expect(await search('%')).toStrictEqual(['t1']);
        expect(await search('e_t')).toStrictEqual(['t2']);
        expect(await search('a\\b')).toStrictEqual(['t4']);
        expect(await search('ref-')).toStrictEqual(['t1', 't2', 't3', 't4', 't5']);
        expect(await search('123abc')).toStrictEqual(['t1']);
        // Fields are searched one by one: the end of one and the start of the next do not make a match.
        expect(await search('-a ооо')).toStrictEqual([]);
        expect(await search(HOSTILE)).toStrictEqual([]);
        const page = await store.declarations.list({ limit: 1, offset: 0, text: 'ref', owner: 'haulier1' });
        expect(page.total).toBe(5);
      });
    });

    describe('reference data', () => {
      const office: CustomsOffice = {
        code: 'KZ551000',
        name: 'Алматинская таможня',
        country: 'KZ',
        location: { lat: 43.2567, lon: 76.9286 },
        geofence: polygon,
      };
      const crossing: BorderCrossing = {
        code: 'KZ-KG-AKZHOL',
        name: 'Ак-Жол / Корday',
        countries: ['KZ', 'KG'],
        location: { lat: 42.8746, lon: 74.6122 },
        geofence: polygon,
        lanes: [{ id: 'L1', capacityPerHour: 12.5 }, { id: 'L2', capacityPerHour: 8 }],
        operatingHours: { open: '06:00', close: '22:00', timeZone: 'Asia/Almaty' },
      };

      it('upsert and read offices and crossings', async () => {
        await store.reference.putOffice(office);
        await store.reference.putOffice({ ...office, name: 'renamed' });
        await store.reference.putOffice({ ...office, code: 'A0' });
        expect(await store.reference.getOffice('KZ551000')).toStrictEqual({ ...office, name: 'renamed' });
        expect((await store.reference.listOffices()).map((item) => item.code)).toStrictEqual(['A0', 'KZ551000']);
        expect(await store.reference.getOffice('none')).toBeUndefined();

        await store.reference.putCrossing(crossing);
        expect(await store.reference.getCrossing(crossing.code)).toStrictEqual(crossing);
        const { operatingHours: _hours, ...aroundTheClock } = crossing;
        await store.reference.putCrossing(aroundTheClock);
        expect(await store.reference.getCrossing(crossing.code)).toStrictEqual(aroundTheClock);
        expect(await store.reference.listCrossings()).toStrictEqual([aroundTheClock]);
        expect(await store.reference.getCrossing('none')).toBeUndefined();
      });

      it('upsert and read carriers, vehicles, drivers and devices', async () => {
        await store.reference.putCarrier({ id: 'c1', name: 'Carrier', country: 'KZ', tin: '060240001818', address: 'Astana' });
        await store.reference.putCarrier({ id: 'c1', name: 'Carrier 2', country: 'KZ' });
        expect(await store.reference.getCarrier('c1')).toStrictEqual({ id: 'c1', name: 'Carrier 2', country: 'KZ' });
        expect(await store.reference.listCarriers()).toHaveLength(1);

        await store.reference.putVehicle({ id: 'v1', plate: '123ABC02', country: 'KZ', carrierId: 'c1', trailerPlate: 'T1' });
        await store.reference.putVehicle({ id: 'v2', plate: '777AAA01', country: 'KZ' });
        await store.reference.putVehicle({ id: 'v3', plate: '001BBB01', country: 'KZ', carrierId: 'c2' });
        expect(await store.reference.getVehicle('v2')).toStrictEqual({ id: 'v2', plate: '777AAA01', country: 'KZ' });
        expect((await store.reference.listVehicles()).map((item) => item.id)).toStrictEqual(['v1', 'v2', 'v3']);
        expect(await store.reference.listVehicles({ carrierId: 'c1' })).toStrictEqual([
          { id: 'v1', plate: '123ABC02', country: 'KZ', carrierId: 'c1', trailerPlate: 'T1' },
        ]);
        await store.reference.putVehicle({ id: 'v1', plate: '123ABC02', country: 'KZ' });
        expect(await store.reference.listVehicles({ carrierId: 'c1' })).toStrictEqual([]);

        await store.reference.putDriver({ id: 'dr1', name: 'Водитель', country: 'KZ', phone: '+7 701' });
        await store.reference.putDriver({ id: 'dr1', name: 'Водитель', country: 'KZ', licenceNumber: 'L1' });
        expect(await store.reference.listDrivers()).toStrictEqual([{ id: 'dr1', name: 'Водитель', country: 'KZ', licenceNumber: 'L1' }]);

        await store.reference.putDevice({ id: '356307042441013', protocol: 'teltonika', model: 'FMB920', state: 'available' });
        await store.reference.putDevice({ id: '356307042441013', protocol: 'teltonika', state: 'armed' });
        expect(await store.reference.getDevice('356307042441013')).toStrictEqual({ id: '356307042441013', protocol: 'teltonika', state: 'armed' });
        expect(await store.reference.listDevices()).toHaveLength(1);
        expect(await store.reference.getDevice('none')).toBeUndefined();
      });
    });

    describe('users and tokens', () => {
      const alice: StoredUser = { username: 'alice', role: 'haulier', carrierId: 'c1', createdAt: T0, passwordHash: 'scrypt$salt$hash' };
      const bob: StoredUser = { username: 'bob', role: 'admin', createdAt: at(1), passwordHash: 'h2' };

      it('create once, then read, list without hashes, and count', async () => {
        expect(await store.users.count()).toBe(0);
        expect(await store.users.create(alice)).toBe(true);
        expect(await store.users.create({ ...alice, role: 'admin' })).toBe(false);
        expect(await store.users.create(bob)).toBe(true);
        expect(await store.users.get('alice')).toStrictEqual(alice);
        expect(await store.users.get('nobody')).toBeUndefined();
        const { passwordHash: _a, ...publicAlice } = alice;
        const { passwordHash: _b, ...publicBob } = bob;
        expect(await store.users.list()).toStrictEqual([publicAlice, publicBob]);
        expect(await store.users.count()).toBe(2);
      });

      it('find the user of a token until it expires', async () => {
        await store.users.create(alice);
        await store.users.putToken('hash-1', 'alice', '2025-03-01T12:00:00.000Z');
        expect(await store.users.userForToken('hash-1', '2025-03-01T11:59:59.999Z')).toStrictEqual(alice);
        expect(await store.users.userForToken('hash-1', '2025-03-01T12:00:00.000Z')).toBeUndefined();
        // Offsets are instants like any other: 16:59 at +05:00 is before noon UTC.
        expect(await store.users.userForToken('hash-1', '2025-03-01T16:59:00+05:00')).toStrictEqual(alice);
        expect(await store.users.userForToken('hash-2', '2025-03-01T00:00:00.000Z')).toBeUndefined();
        await store.users.putToken('hash-1', 'alice', '2025-03-02T12:00:00.000Z');
        expect(await store.users.userForToken('hash-1', '2025-03-02T11:00:00.000Z')).toStrictEqual(alice);
      });
    });

    describe('audit log', () => {
      it('append and list newest first, filtered and paged, with the detail as written', async () => {
        const entries = [
          { at: at(1), actor: 'alice', action: 'create', entity: 'declaration', entityId: 'd1', detail: { reference: 'Ақ Жол', n: 1.5 } },
          { at: at(2), actor: 'bob', action: 'submit', entity: 'declaration', entityId: 'd1' },
          { at: at(3), actor: 'bob', action: 'put', entity: 'office', entityId: 'o1', detail: [1, 'two', null] },
          { at: at(4), actor: 'system', action: 'note', entity: 'declaration', entityId: 'd2', detail: null },
        ];
        for (const entry of entries) await store.audit.append(entry);
        const [e1, e2, e3, e4] = entries;
        expect(await store.audit.list({ limit: 10, offset: 0 })).toStrictEqual([e4, e3, e2, e1]);
        expect(await store.audit.list({ entity: 'declaration', limit: 10, offset: 0 })).toStrictEqual([e4, e2, e1]);
        expect(await store.audit.list({ entity: 'declaration', entityId: 'd1', limit: 1, offset: 1 })).toStrictEqual([e1]);
        expect(await store.audit.list({ entityId: 'o1', limit: 10, offset: 0 })).toStrictEqual([e3]);
      });
    });

    describe('nomenclature', () => {
      it('upsert many and read every code', async () => {
        expect(await store.nomenclature.putMany([])).toBe(0);
        expect(
          await store.nomenclature.putMany([
            { code: '8471300000', description: 'Portable computers', validFrom: '2022-01-01' },
            { code: '4407', description: 'Wood sawn' },
            { code: '4407', description: 'Wood sawn lengthwise', validTo: '2030-12-31' },
          ]),
        ).toBe(2);
        expect(await store.nomenclature.putMany([{ code: '4407', description: 'again' }, { code: '9403', description: 'Furniture' }])).toBe(2);
        expect(await store.nomenclature.allCodes()).toStrictEqual(['4407', '8471300000', '9403']);
        expect(await store.nomenclature.count()).toBe(3);
      });

      it('load a large table in one call', async () => {
        const entries = Array.from({ length: 20_000 }, (_, i) => ({ code: String(1_000_000 + i), description: `line ${i}` }));
        expect(await store.nomenclature.putMany(entries)).toBe(20_000);
        expect(await store.nomenclature.count()).toBe(20_000);
      });
    });

    describe('positions', () => {
      const track = (deviceId: string, limit = 100_000) => store.positions.list({ deviceId, limit });
      const times = (positions: Position[]) => positions.map((item) => [(item.deviceTime - T0_MS) / 1000, item.sequence ?? null]);

      it('round-trip exactly: 64-bit integers, bytes, flags, text, seal state, and absent fields left absent', async () => {
        const full = position('356307042441013', 0, {
          deviceTime: 4_102_444_800_123, // 2100: beyond 32 bits, as every time of this century is
          receivedTime: 4_102_444_801_999,
          lat: Math.fround(-33.86882), // every digit of a double counts
          lon: 151.20929,
          altitude: -27.5,
          speed: 0.1 + 0.2,
          course: 359,
          satellites: 0,
          valid: false,
          sequence: 4_294_967_295,
          attributes: {
            io240: 1,
            io78: 18_446_744_073_709_551_615n,
            io11: -9_007_199_254_740_993n,
            io385: new Uint8Array([0x00, 0xde, 0xad, 0xbe, 0xef, 0xff]),
            'param:lock': true,
            'param:door': false,
            'egts:din': 'Ақ Жол; DROP TABLE positions; --',
            text: 'NUL \u0000 inside, and a lone \uD800',
            volts: 12.625,
            nan: Number.NaN,
          },
          seal: { locked: true, tamper: false, cableCut: false, batteryPercent: 87, batteryVolts: 3.95 },
        });
        const minimal = position('356307042441014', 1);
        expect(await store.positions.insertMany([full, minimal])).toBe(2);
        const [stored] = await track(full.deviceId);
        expect(stored).toStrictEqual(full);
        expect(stored?.attributes.io385).toBeInstanceOf(Uint8Array);
        expect(await store.positions.latestOf(full.deviceId)).toStrictEqual(full);
        const [bare] = await track(minimal.deviceId);
        expect(bare).toStrictEqual(minimal);
        for (const field of ['altitude', 'satellites', 'sequence', 'seal']) expect(bare && field in bare).toBe(false);
        expect(await store.positions.latest()).toStrictEqual([full, minimal]);
      });

      it('take a large batch (by COPY on PostgreSQL) exactly as a small one: awkward text, repeats in and across batches, latest per device', async () => {
        const awkward = { note: 'a "quoted", comma\nnew line\t tab \\ backslash, Ақ Жол', big: 18_446_744_073_709_551_615n, raw: new Uint8Array([0, 255]), nul: 'x\u0000y' };
        const batch = Array.from({ length: 1_500 }, (_, i) =>
          position(`bulk-${i % 7}`, Math.floor(i / 7), { ...(i % 3 === 0 ? {} : { sequence: i }), attributes: i % 5 === 0 ? awkward : { io1: i }, ...(i % 2 === 0 ? {} : { altitude: i / 3 }) }),
        );
        const repeated = [...batch, ...batch.slice(0, 300)];
        expect(await store.positions.insertMany(repeated)).toBe(batch.length);
        const later = Array.from({ length: 400 }, (_, i) => position(`bulk-${i % 7}`, 1_000 + i));
        expect(await store.positions.insertMany([...batch.slice(500, 900), ...later])).toBe(later.length);
        for (let d = 0; d < 7; d++) {
          const expected = [...batch, ...later].filter((p) => p.deviceId === `bulk-${d}`).sort((a, b) => a.deviceTime - b.deviceTime || (a.sequence ?? -1) - (b.sequence ?? -1));
          expect(await track(`bulk-${d}`)).toStrictEqual(expected);
          expect(await store.positions.latestOf(`bulk-${d}`)).toStrictEqual(expected.at(-1));
        }
      });

      it('skip a resent position (same device, time and sequence), count only the new, and keep the first', async () => {
        const batch = [position('d1', 0, { sequence: 1 }), position('d1', 1, { sequence: 2 }), position('d2', 0, { sequence: 1 })];
        expect(await store.positions.insertMany(batch)).toBe(3);
        expect(await store.positions.insertMany(batch)).toBe(0);
        const changed = batch.map((item) => ({ ...item, speed: 99, attributes: { resent: true } }));
        expect(await store.positions.insertMany([...changed, position('d1', 2, { sequence: 3 })])).toBe(1);
        expect(await track('d1')).toStrictEqual([batch[0], batch[1], position('d1', 2, { sequence: 3 })]);
        // Repeats within one batch count once; the same time with another sequence is another position.
        const again = position('d3', 5, { sequence: 7 });
        expect(await store.positions.insertMany([again, again, { ...again, sequence: 8 }, { ...again, speed: 1 }])).toBe(2);
        expect(await track('d3')).toStrictEqual([again, { ...again, sequence: 8 }]);
        expect(await store.positions.insertMany([])).toBe(0);
      });

      it('skip a resent position without a sequence too, and keep it apart from sequence 0', async () => {
        const unnumbered = position('d1', 10);
        expect(await store.positions.insertMany([unnumbered, unnumbered])).toBe(1);
        expect(await store.positions.insertMany([{ ...unnumbered, lat: 0 }])).toBe(0);
        expect(await store.positions.insertMany([{ ...unnumbered, sequence: 0 }])).toBe(1);
        expect(times(await track('d1'))).toStrictEqual([[10, null], [10, 0]]);
      });

      it('keep each device\'s latest at its greatest device time, whatever order positions arrive in', async () => {
        expect(await store.positions.insertMany([position('a', 10), position('b', 3)])).toBe(2);
        // Late data: older than what is stored, and out of order within the batch.
        await store.positions.insertMany([position('a', 5), position('a', 7), position('b', 1)]);
        expect(await store.positions.latestOf('a')).toStrictEqual(position('a', 10));
        expect(await store.positions.latestOf('b')).toStrictEqual(position('b', 3));
        await store.positions.insertMany([position('a', 3), position('a', 20), position('a', 11), position('c', 1)]);
        expect(await store.positions.latestOf('a')).toStrictEqual(position('a', 20));
        // A tie on time goes to the higher sequence, the last of the track, in either order of arrival.
        await store.positions.insertMany([position('a', 20, { sequence: 9 }), position('a', 20, { sequence: 4 })]);
        expect((await store.positions.latestOf('a'))?.sequence).toBe(9);
        await store.positions.insertMany([position('a', 20, { sequence: 5 })]);
        expect((await store.positions.latestOf('a'))?.sequence).toBe(9);
        const lastOfTrack = (await track('a')).at(-1);
        expect(await store.positions.latestOf('a')).toStrictEqual(lastOfTrack);
        expect((await store.positions.latest()).map((item) => [item.deviceId, (item.deviceTime - T0_MS) / 1000])).toStrictEqual([
          ['a', 20],
          ['b', 3],
          ['c', 1],
        ]);
        expect(await store.positions.latestOf('none')).toBeUndefined();
      });

      it('list one device in device-time then sequence order, within inclusive bounds and a limit', async () => {
        const shuffled = [
          position('d1', 30, { sequence: 2 }),
          position('d1', 10),
          position('d2', 15),
          position('d1', 30, { sequence: 1 }),
          position('d1', 20),
          position('d1', 40),
        ];
        await store.positions.insertMany(shuffled);
        expect(times(await track('d1'))).toStrictEqual([[10, null], [20, null], [30, 1], [30, 2], [40, null]]);
        const window = await store.positions.list({ deviceId: 'd1', from: T0_MS + 20_000, to: T0_MS + 30_000, limit: 10 });
        expect(times(window)).toStrictEqual([[20, null], [30, 1], [30, 2]]);
        expect(times(await store.positions.list({ deviceId: 'd1', from: T0_MS + 25_000, limit: 2 }))).toStrictEqual([[30, 1], [30, 2]]);
        expect(times(await store.positions.list({ deviceId: 'd1', to: T0_MS + 10_000, limit: 10 }))).toStrictEqual([[10, null]]);
        expect(await store.positions.list({ deviceId: 'd1', from: T0_MS + 41_000, limit: 10 })).toStrictEqual([]);
        expect(await track('nobody')).toStrictEqual([]);
      });

      it('insert a large batch across statements, counting exactly, and roll all of it back on a bad position', async () => {
        const batch = Array.from({ length: 2_503 }, (_, i) =>
          position(`dev-${i % 97}`, i, { sequence: i, attributes: { io1: BigInt(i) << 40n, i } }),
        );
        expect(await store.positions.insertMany(batch)).toBe(2_503);
        expect(await store.positions.insertMany([...batch.slice(0, 1_000), position('dev-new', 0)])).toBe(1);
        expect(await track('dev-5')).toStrictEqual(batch.filter((item) => item.deviceId === 'dev-5'));
        expect(await store.positions.latest()).toHaveLength(98);
        expect(await store.positions.latestOf('dev-5')).toStrictEqual(batch.filter((item) => item.deviceId === 'dev-5').at(-1));

        const bad = [position('fresh', 1), position('fresh', 2, { deviceTime: T0_MS + 0.5 })];
        await expect(store.positions.insertMany(bad)).rejects.toThrow(RangeError);
        await expect(store.positions.insertMany([position('fresh', 1, { sequence: -1 })])).rejects.toThrow(RangeError);
        await expect(store.positions.insertMany([position('fresh', 1, { attributes: { x: null as never } })])).rejects.toThrow(TypeError);
        expect(await track('fresh')).toStrictEqual([]);
        expect(await store.positions.latestOf('fresh')).toBeUndefined();
      });
    });

    describe('SQL metacharacters', () => {
      it('round-trip in every text field and never run as SQL', async () => {
        const declaration = newDeclaration(`${HOSTILE} id`, hostileInput(), {
          owner: HOSTILE,
          history: [{ from: null, to: 'draft', by: HOSTILE, at: T0, reason: HOSTILE }],
          check: { complete: false, issues: [{ code: HOSTILE, path: HOSTILE, message: HOSTILE }], checkedAt: T0 },
        });
        expect(await store.declarations.insert(declaration)).toBe(true);
        expect(await store.declarations.insertMany([declaration])).toStrictEqual(new Set());
        expect(await store.declarations.get(declaration.id)).toStrictEqual(expected(declaration));
        expect(await store.declarations.getByReference(declaration.input.reference)).toStrictEqual(expected(declaration));
        expect(await store.declarations.history(declaration.id)).toStrictEqual(declaration.history);
        expect(await store.declarations.lastCheck(declaration.id)).toStrictEqual(declaration.check);
        const filtered = await store.declarations.list({
          limit: 10,
          offset: 0,
          owner: HOSTILE,
          borderCrossing: HOSTILE,
          consigneeTin: HOSTILE,
          vehiclePlate: HOSTILE,
          text: HOSTILE,
        });
        expect(filtered.total).toBe(1);
        expect(
          await store.declarations.changeStatus(declaration.id, { from: 'draft', to: 'submitted', by: HOSTILE, at: at(1), reason: HOSTILE }),
        ).toBe(true);

        const office = { code: HOSTILE, name: HOSTILE, country: 'KZ', location: { lat: 1, lon: 2 }, geofence: polygon };
        await store.reference.putOffice(office);
        expect(await store.reference.getOffice(HOSTILE)).toStrictEqual(office);
        const carrier = { id: HOSTILE, name: HOSTILE, country: 'KZ', tin: HOSTILE, address: HOSTILE };
        await store.reference.putCarrier(carrier);
        expect(await store.reference.getCarrier(HOSTILE)).toStrictEqual(carrier);
        const vehicle = { id: HOSTILE, plate: HOSTILE, country: 'KZ', carrierId: HOSTILE, trailerPlate: HOSTILE };
        await store.reference.putVehicle(vehicle);
        expect(await store.reference.listVehicles({ carrierId: HOSTILE })).toStrictEqual([vehicle]);
        const device = { id: HOSTILE, protocol: 'mqtt' as const, model: HOSTILE, state: 'available' as const };
        await store.reference.putDevice(device);
        expect(await store.reference.getDevice(HOSTILE)).toStrictEqual(device);

        const user = { username: HOSTILE, role: 'operator' as const, carrierId: HOSTILE, createdAt: T0, passwordHash: HOSTILE };
        expect(await store.users.create(user)).toBe(true);
        await store.users.putToken(HOSTILE, HOSTILE, at(60));
        expect(await store.users.userForToken(HOSTILE, at(1))).toStrictEqual(user);

        const entry = { at: T0, actor: HOSTILE, action: HOSTILE, entity: HOSTILE, entityId: HOSTILE, detail: { [HOSTILE]: HOSTILE } };
        await store.audit.append(entry);
        expect(await store.audit.list({ entity: HOSTILE, entityId: HOSTILE, limit: 5, offset: 0 })).toStrictEqual([entry]);

        await store.nomenclature.putMany([{ code: HOSTILE, description: HOSTILE, validFrom: HOSTILE }]);
        expect(await store.nomenclature.allCodes()).toStrictEqual([HOSTILE]);

        const fix = position(HOSTILE, 0, { sequence: 1, attributes: { [HOSTILE]: HOSTILE } });
        const wildcard = position('%', 1);
        expect(await store.positions.insertMany([fix, wildcard, position('_', 2)])).toBe(3);
        expect(await store.positions.insertMany([fix])).toBe(0);
        expect(await store.positions.list({ deviceId: HOSTILE, limit: 10 })).toStrictEqual([fix]);
        expect(await store.positions.list({ deviceId: '%', limit: 10 })).toStrictEqual([wildcard]);
        expect(await store.positions.latestOf(HOSTILE)).toStrictEqual(fix);
        expect(await store.positions.latest()).toHaveLength(3);

        // Every table is still there and holds what it should.
        expect((await store.declarations.list({ limit: 10, offset: 0 })).total).toBe(1);
        expect(await store.users.count()).toBe(1);
      });
    });
  });
}
