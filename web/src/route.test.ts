import { describe, expect, it } from 'vitest';
import { href, parseRoute } from './route.js';

describe('hash routes', () => {
  it('read the page, the rest and the query', () => {
    const route = parseRoute('#/declarations/abc%2F1?status=incomplete');
    expect(route.page).toBe('declarations');
    expect(route.rest).toBe('abc/1');
    expect(route.query.get('status')).toBe('incomplete');
    expect(parseRoute('').page).toBe('');
  });

  it('round-trip through href', () => {
    const route = parseRoute(href('map', undefined, { lon: '74.5', lat: '42.8' }));
    expect(route).toMatchObject({ page: 'map', rest: '' });
    expect(Object.fromEntries(route.query)).toEqual({ lon: '74.5', lat: '42.8' });
    expect(parseRoute(href('declarations', 'a b')).rest).toBe('a b');
  });
});
