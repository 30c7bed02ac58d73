import { describe, expect, it } from 'vitest';
import { applyCommand } from './commands.js';
import { checkInCommand, HOUR, MINUTE, must, READY, T0, testQueue } from './test-support.js';
import type { QueueEntry } from './entry.js';
import { toArray } from './sorted-list.js';

const entryOf = (result: unknown) => (result as { entry: QueueEntry }).entry;

describe('checking in', () => {
  it('puts a truck with complete papers in the order, with its history', () => {
    const state = testQueue();
    const result = must(state, applyCommand(state, checkInCommand(1, T0, { route: 'geofence' })));
    const entry = entryOf(result);
    expect(entry.status).toBe('waiting');
    expect(entry.priorityClass).toBe('standard');
    expect(entry.queuedAt).toBe(T0);
    expect(entry.history.map((h) => h.action)).toEqual(['checked_in', 'joined_order']);
    expect(result.version).toBe(1);
    expect(result.events.every((e) => e.version === 1 && e.crossing === 'TEST')).toBe(true);
  });

  it('is one entry per truck whatever the route: the second check-in returns the first entry with the reason', () => {
    const state = testQueue();
    const first = entryOf(must(state, applyCommand(state, checkInCommand(1, T0, { route: 'geofence' }))));
    const again = must(state, applyCommand(state, { ...checkInCommand(1, T0 + MINUTE, { route: 'staff' }), lookupCode: undefined }));
    expect(again.changed).toBe(false);
    expect(again.version).toBe(1);
    expect(entryOf(again).id).toBe(first.id);
    expect(again.reasons[0]!.code).toBe('ALREADY_CHECKED_IN');
    // The same truck under another declaration, its plate written differently.
    const other = must(state, applyCommand(state, { ...checkInCommand(2, T0 + MINUTE), truck: { plate: '001 abc', country: 'kz' }, lookupCode: undefined }));
    expect(entryOf(other).id).toBe(first.id);
    expect(other.reasons[0]!.code).toBe('TRUCK_QUEUED_UNDER_ANOTHER_DECLARATION');
    expect(state.entries.size).toBe(1);
  });

  it('holds a truck with incomplete papers and lets it join at its arrival time when they are complete', () => {
    const state = testQueue();
    const held = entryOf(must(state, applyCommand(state, checkInCommand(1, T0, { facts: { recipientIdentified: false } }))));
    must(state, applyCommand(state, checkInCommand(2, T0 + HOUR)));
    expect(held.status).toBe('holding');
    const updated = must(state, applyCommand(state, { kind: 'update_declaration', at: T0 + 2 * HOUR, by: 'declarant', entryId: held.id, facts: { recipientIdentified: true } }));
    expect(entryOf(updated).status).toBe('waiting');
    expect(held.queuedAt).toBe(T0);
    // It arrived first, so it stands first.
    expect(state.order.flatMap((l) => toArray(l)).sort((a, b) => a.orderKey - b.orderKey)[0]!.id).toBe(held.id);
  });

  it('turns a booking into an arrival: the slot start counts when on time, the arrival when late', () => {
    const state = testQueue();
    const slot = { slotStart: T0 + HOUR, slotEnd: T0 + 2 * HOUR };
    const booked = entryOf(
      must(state, applyCommand(state, { kind: 'book', at: T0, by: 'haulier', truck: { plate: 'B1', country: 'RU' }, declarationId: 'DB1', channel: 'green', facts: READY, booking: { code: 'BK1', ...slot } })),
    );
    expect(booked.status).toBe('booked');
    const arrived = must(state, applyCommand(state, { ...checkInCommand(9, T0 + 90 * MINUTE, { route: 'geofence' }), truck: { plate: 'B1', country: 'RU' }, declarationId: 'DB1', lookupCode: undefined }));
    expect(entryOf(arrived).id).toBe(booked.id);
    expect(booked.status).toBe('waiting');
    expect(booked.stream).toBe('booked');
    expect(booked.queuedAt).toBe(T0 + HOUR);

    must(state, applyCommand(state, { kind: 'book', at: T0, by: 'haulier', truck: { plate: 'B2', country: 'RU' }, declarationId: 'DB2', channel: 'green', facts: READY, booking: { code: 'BK2', ...slot } }));
    const late = entryOf(must(state, applyCommand(state, { ...checkInCommand(8, T0 + 3 * HOUR), truck: { plate: 'B2', country: 'RU' }, declarationId: 'DB2', lookupCode: undefined })));
    expect(late.stream).toBe('backlog');
    expect(late.queuedAt).toBe(T0 + 3 * HOUR);
    expect(late.history.find((h) => h.action === 'checked_in')!.reason).toMatch(/after its slot/);
  });

  it('refuses a booking code or lookup code that is taken, and bad input, without changing anything', () => {
    const state = testQueue();
    must(state, applyCommand(state, checkInCommand(1, T0)));
    const taken = applyCommand(state, { ...checkInCommand(2, T0), lookupCode: 'code-1' });
    expect(taken.ok).toBe(false);
    const bad = applyCommand(state, { ...checkInCommand(3, T0), channel: 'blue' as never });
    expect(bad.ok ? null : bad.error).toMatchObject({ code: 'BAD_CHANNEL', path: 'channel' });
    const noFacts = applyCommand(state, { ...checkInCommand(3, T0), facts: { ...READY, eSealed: undefined as never } });
    expect(noFacts.ok ? null : noFacts.error.path).toBe('facts.eSealed');
    expect(state.version).toBe(1);
    expect(state.entries.size).toBe(1);
  });

  it('classifies by the facts, and a declaration update can move a truck to a better class', () => {
    const state = testQueue();
    const entry = entryOf(must(state, applyCommand(state, checkInCommand(1, T0, { facts: { eSealed: true } }))));
    expect(entry.priorityClass).toBe('esealed_complete');
    must(state, applyCommand(state, { kind: 'update_declaration', at: T0 + 1, by: 'risk', entryId: entry.id, facts: { perishable: true } }));
    expect(entry.priorityClass).toBe('perishable');
    expect(entry.orderKey).toBe(T0 - 72 * HOUR);
    const same = must(state, applyCommand(state, { kind: 'update_declaration', at: T0 + 2, by: 'risk', entryId: entry.id, facts: { perishable: true } }));
    expect(same.changed).toBe(false);
  });
});
