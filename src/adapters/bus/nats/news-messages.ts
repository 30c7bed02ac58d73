/**
 * The tracker's news as NATS messages: JSON, the positions of a `positions` item in the positions' own lossless
 * encoding (position-messages.ts), each kept item on a subject of its kind, so a consumer may take only some.
 */
import type { DurableNews, TrackingNews } from '../../../ports/tracking-news.js';
import { decodePositions, encodePositions } from './position-messages.js';

export const NEWS_STREAM = 'CORRIDOR_TRACKING';
const NEWS_PREFIX = 'corridor.tracking';
/** Every kept item's subject. */
export const NEWS_SUBJECTS = `${NEWS_PREFIX}.*`;
/** Positions taken go out live only, on a subject no stream keeps: the store has them. */
export const LIVE_POSITIONS_SUBJECT = 'corridor.live.positions';

export const newsSubject = (kind: DurableNews['kind']): string => `${NEWS_PREFIX}.${kind}`;

type WireNews = DurableNews | { kind: 'positions'; id: string; tripId: string; positions: string };

export function encodeNews(news: TrackingNews): Uint8Array {
  const wire: WireNews = news.kind === 'positions' ? { ...news, positions: Buffer.from(encodePositions(news.positions)).toString('utf8') } : news;
  return Buffer.from(JSON.stringify(wire));
}

export function decodeNews(data: Uint8Array): TrackingNews {
  const wire = JSON.parse(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8')) as WireNews | null;
  if (typeof wire?.kind !== 'string' || typeof wire.id !== 'string') throw new TypeError('a news message is a JSON object with a kind and an id');
  return wire.kind === 'positions' ? { ...wire, positions: decodePositions(Buffer.from(wire.positions, 'utf8')) } : wire;
}
