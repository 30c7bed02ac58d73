import { describe, expect, it } from 'vitest';
import { explainOrder, explainPosition } from './explain.js';
import { apply, checkInCommand, HOUR, T0, testQueue } from './test-support.js';

const codes = (reasons: { code: string }[]) => reasons.map((r) => r.code);

describe('explainOrder', () => {
  it('explains a better class, ageing, and first come first served', () => {
    const state = testQueue();
    apply(state, checkInCommand(1, T0)); // standard
    apply(state, checkInCommand(2, T0 + 10 * HOUR, { facts: { perishable: true } })); // 72 h head start
    apply(state, checkInCommand(3, T0 + 80 * HOUR, { facts: { perishable: true } }));
    apply(state, checkInCommand(4, T0 + 81 * HOUR));

    const classWins = explainOrder(state, 'TEST-1', 'TEST-2', T0 + 81 * HOUR);
    expect(classWins.ahead).toBe('TEST-2');
    expect(codes(classWins.reasons)).toContain('CLASS_HEAD_START');

    // TEST-1 has waited 80 h longer than TEST-3, more than the 72 h head start of perishables.
    const aged = explainOrder(state, 'TEST-3', 'TEST-1', T0 + 81 * HOUR);
    expect(aged.ahead).toBe('TEST-1');
    expect(codes(aged.reasons)).toContain('AGEING');
    expect(aged.reasons.find((r) => r.code === 'AGEING')!.message).toMatch(/80 h 00 min longer.*72 h 00 min/);

    const fifo = explainOrder(state, 'TEST-4', 'TEST-1');
    expect(fifo.ahead).toBe('TEST-1');
    expect(codes(fifo.reasons)).toEqual(['FIRST_COME_FIRST_SERVED', 'EFFECTIVE_PRIORITY']);
  });

  it('puts a truck in the order ahead of one holding, and says why the other is holding', () => {
    const state = testQueue();
    apply(state, checkInCommand(1, T0, { facts: { declarationComplete: false } }));
    apply(state, checkInCommand(2, T0 + HOUR));
    const explained = explainOrder(state, 'TEST-1', 'TEST-2');
    expect(explained.ahead).toBe('TEST-2');
    expect(codes(explained.reasons)).toEqual(['NOT_IN_ORDER', 'HOLDING', 'DECLARATION_INCOMPLETE']);
    expect(explainOrder(state, 'TEST-1', 'NOPE').ahead).toBeNull();
  });
});

describe('explainPosition', () => {
  it('counts the trucks ahead by class, with what puts each ahead', () => {
    const state = testQueue();
    apply(state, checkInCommand(1, T0));
    apply(state, checkInCommand(2, T0 + HOUR, { facts: { trustedTrader: true } }));
    apply(state, checkInCommand(3, T0 + 2 * HOUR));
    const position = explainPosition(state, 'TEST-3')!;
    expect(position.position).toBe(3);
    expect(position.aheadByClass).toMatchObject({ standard: 1, trusted_trader: 1, perishable: 0 });
    expect(codes(position.reasons)).toEqual(['POSITION', 'BETTER_CLASS', 'SAME_CLASS']);
    expect(explainPosition(state, 'NOPE')).toBeNull();
  });
});
