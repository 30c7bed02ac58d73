/**
 * The drivers' page: a truck looked up by plate and booking or check-in code, with no sign-in. Plain and large,
 * for a phone at the roadside. The server gives the same answer for an unknown plate as for a wrong code.
 */
import { ApiError, type Api } from '../api.js';
import { errorText, h, replace, when } from '../dom.js';
import type { Page, PageContext } from '../page.js';

/** The queue's public lookup answer. */
export interface Lookup {
  status: string;
  /** 1-based place in the order; null out of it. */
  position: number | null;
  estimatedCallAt: string | null;
}

const STATUS_TEXT: Record<string, string> = {
  booked: 'Booked: check in when you arrive at the crossing.',
  holding: 'Held: your papers or staff are holding the truck; wait for a call.',
  waiting: 'Waiting in the queue.',
  called: 'Called: drive to your lane now.',
  served: 'Through the crossing.',
  dropped: 'No longer in the queue: ask the staff.',
};

export function lookupAnswer(found: Lookup): HTMLElement {
  return h(
    'div',
    { class: `answer ${found.status}` },
    h('p', { class: 'big' }, STATUS_TEXT[found.status] ?? found.status),
    found.position === null ? null : h('p', {}, 'Place in the queue: ', h('strong', {}, String(found.position))),
    found.estimatedCallAt === null ? null : h('p', {}, 'Expected call: ', h('strong', {}, when(found.estimatedCallAt))),
  );
}

async function lookUp(api: Api, plate: string, code: string): Promise<HTMLElement> {
  try {
    return lookupAnswer(await api.get<Lookup>('/queue/lookup', { plate, code }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return h('p', { class: 'error' }, 'No truck with this plate and code. Check both and try again.');
    if (error instanceof ApiError && error.status === 429) return h('p', { class: 'error' }, 'Too many lookups from here: wait a minute.');
    return h('p', { class: 'error' }, errorText(error));
  }
}

export function driverPage({ api, query }: PageContext): Page {
  const plate = h('input', { name: 'plate', autocomplete: 'off', autocapitalize: 'characters', required: true, value: query.get('plate') ?? '' });
  const code = h('input', { name: 'code', autocomplete: 'off', inputmode: 'text', required: true, value: query.get('code') ?? '' });
  const answer = h('div', { class: 'lookup-answer', 'aria-live': 'polite' });
  const form = h('form', { class: 'driver' }, h('h1', {}, 'Where is my truck in the queue?'), h('label', {}, 'Plate', plate), h('label', {}, 'Booking or check-in code', code), h('button', { type: 'submit' }, 'Look up'), answer);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    replace(answer, 'Looking up…');
    void lookUp(api, plate.value.trim(), code.value.trim()).then((result) => replace(answer, result));
  });
  return { element: form };
}
