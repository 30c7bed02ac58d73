import { describe, expect, it } from 'vitest';
import { readEvents, reloadingWhenBack } from './sse.js';

describe('reading Server-Sent Events', () => {
  it('parses complete events and keeps the unfinished rest', () => {
    const { events, rest } = readEvents(': connected\n\nevent: alert\ndata: {"a":1}\n\nevent: position\ndata: {"b"');
    expect(events).toEqual([{ event: 'alert', data: '{"a":1}' }]);
    expect(rest).toBe('event: position\ndata: {"b"');
    expect(readEvents(`${rest}:2}\n\n`).events).toEqual([{ event: 'position', data: '{"b":2}' }]);
  });

  it('joins data lines, defaults the event name, and accepts CRLF', () => {
    expect(readEvents('data: one\r\ndata:two\r\n\r\n').events).toEqual([{ event: 'message', data: 'one\ntwo' }]);
  });

  it('skips comments and events without data', () => {
    expect(readEvents(': keep-alive\n\nevent: empty\n\n').events).toEqual([]);
  });
});

describe('reloading when the stream is back', () => {
  it('reloads each time the stream opens after a drop, not when it first opens, and passes every change on', () => {
    const told: boolean[] = [];
    let reloads = 0;
    const connected = reloadingWhenBack(() => (reloads += 1), (open) => told.push(open));
    connected(true);
    expect(reloads).toBe(0);
    connected(false);
    connected(false);
    expect(reloads).toBe(0);
    connected(true);
    expect(reloads).toBe(1);
    connected(false);
    connected(true);
    expect(reloads).toBe(2);
    expect(told).toEqual([true, false, false, true, false, true]);
  });
});
