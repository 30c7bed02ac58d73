import { describe, expect, it } from 'vitest';
import { applyCommand } from './commands.js';
import { publicLookup } from './public-lookup.js';
import { cloneQueue, entryForDeclaration } from './state.js';
import { apply, call, checkInCommand, HOUR, T0, testQueue } from './test-support.js';

describe('archive', () => {
  it('hands back finished entries older than the limit and forgets them', () => {
    const state = testQueue();
    apply(state, checkInCommand(1, T0));
    apply(state, checkInCommand(2, T0));
    call(state, 'L1', T0);
    apply(state, { kind: 'arrive', at: T0, by: 'camera', entryId: 'TEST-1' });
    const nothing = apply(state, { kind: 'archive', at: T0 + HOUR, by: 'store', before: T0 });
    expect(nothing.changed).toBe(false);
    const result = apply(state, { kind: 'archive', at: T0 + HOUR, by: 'store', before: T0 + 1 });
    expect((result as unknown as { archived: { id: string }[] }).archived.map((e) => e.id)).toEqual(['TEST-1']);
    expect(state.entries.has('TEST-1')).toBe(false);
    expect(entryForDeclaration(state, 'D1')).toBeUndefined();
    expect(entryForDeclaration(state, 'D2')?.id).toBe('TEST-2');
    expect(publicLookup(state, '001ABC', 'code-1')).toEqual({ found: false });
  });
});

describe('cloneQueue', () => {
  it('gives an independent copy that goes its own way', () => {
    const state = testQueue();
    apply(state, checkInCommand(1, T0));
    apply(state, checkInCommand(2, T0));
    const copy = cloneQueue(state);
    call(copy, 'L1', T0);
    expect(copy.entries.get('TEST-1')!.status).toBe('called');
    expect(state.entries.get('TEST-1')!.status).toBe('waiting');
    // The copy's order holds its own entries, not the original's.
    const result = applyCommand(state, { kind: 'call_next', lane: 'L1', at: T0, by: 'officer', expectedVersion: state.version });
    expect(result.ok).toBe(true);
    expect(copy.version).toBe(state.version);
    expect(copy.order.flatMap((l) => l.chunks.flatMap((c) => c.items))).toContain(copy.entries.get('TEST-2'));
  });
});
