/** The declaration lifecycle as a transition table, so every move is checked in one place. */
import type { DeclarationStatus, StatusChange } from './declaration.js';

const NEXT: Record<DeclarationStatus, readonly DeclarationStatus[]> = {
  draft: ['submitted'],
  // Submission runs the document checks, which decide between the two.
  submitted: ['accepted', 'incomplete'],
  // An incomplete declaration is corrected and submitted again.
  incomplete: ['submitted'],
  accepted: ['in_transit'],
  in_transit: ['at_border', 'arrived'],
  at_border: ['released', 'held'],
  held: ['released'],
  released: ['in_transit', 'arrived'],
  arrived: ['closed'],
  closed: [],
};

export function allowedTransitions(from: DeclarationStatus): readonly DeclarationStatus[] {
  return NEXT[from];
}

export function canTransition(from: DeclarationStatus, to: DeclarationStatus): boolean {
  return NEXT[from].includes(to);
}

export type TransitionResult =
  | { ok: true; change: StatusChange }
  | { ok: false; code: 'INVALID_TRANSITION'; message: string };

/** Decides a status change; the caller records it. `at` comes from the caller's clock. */
export function transition(
  from: DeclarationStatus,
  to: DeclarationStatus,
  by: string,
  at: string,
  reason?: string,
): TransitionResult {
  if (!canTransition(from, to)) {
    const allowed = NEXT[from].length > 0 ? NEXT[from].join(', ') : 'none (final state)';
    return {
      ok: false,
      code: 'INVALID_TRANSITION',
      message: `a declaration cannot go from ${from} to ${to}; allowed from ${from}: ${allowed}`,
    };
  }
  return { ok: true, change: { from, to, by, at, ...(reason === undefined ? {} : { reason }) } };
}
