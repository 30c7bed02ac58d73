/**
 * Server-Sent Events read over fetch, because EventSource cannot send the bearer token. `readEvents` parses the
 * text/event-stream format as chunks arrive; `stream` keeps a connection open and reconnects after a drop.
 */
import { ApiError, type Api } from '../api.js';

export interface StreamEvent {
  event: string;
  data: string;
}

/** The complete events in `buffer`, and the unfinished rest to prepend to the next chunk. */
export function readEvents(buffer: string): { events: StreamEvent[]; rest: string } {
  const events: StreamEvent[] = [];
  const blocks = buffer.replace(/\r\n?/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0) events.push({ event, data: data.join('\n') });
  }
  return { events, rest };
}

export type Listeners = Record<string, (data: unknown) => void>;

const RETRY_MS = 3_000;

/**
 * Follows /stream until `signal` aborts. Resolves false at once when this server has no stream (404), so the
 * caller can poll instead; otherwise reconnects after every drop and resolves true when aborted. `connected` is
 * told each time the stream opens (from then on nothing is missed) and each time it drops.
 */
export async function follow(api: Api, listeners: Listeners, signal: AbortSignal, connected: (open: boolean) => void = () => undefined): Promise<boolean> {
  while (!signal.aborted) {
    try {
      const response = await api.open('/stream', signal);
      connected(true);
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const { events, rest } = readEvents(buffer + value);
        buffer = rest;
        for (const { event, data } of events) listeners[event]?.(JSON.parse(data));
      }
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 401 || error.status === 403)) return false;
      if (signal.aborted) break;
    }
    connected(false);
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
  return true;
}

/**
 * A `connected` listener for `follow` that also runs `reload` each time the stream opens again after a drop: the
 * stream tells only what happens after it opens, so a page reads afresh what it missed while it was down.
 */
export function reloadingWhenBack(reload: () => void, connected: (open: boolean) => void = () => undefined): (open: boolean) => void {
  let dropped = false;
  return (open) => {
    connected(open);
    if (open && dropped) reload();
    dropped = !open;
  };
}
