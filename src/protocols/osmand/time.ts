/**
 * The times an OsmAnd client may send in `timestamp`: Unix seconds (OsmAnd itself, possibly with a fraction),
 * Unix milliseconds (some trackers and scripts), or ISO 8601 date and time (Traccar Client and gateways),
 * where a time without a zone is read as UTC, which is what such clients send.
 */
import { MAX_DATE_MS } from '../../core/model/index.js';
import { parseIsoDateTime } from '../iso-time.js';

const DIGITS = /^\d+(\.\d+)?$/;

/** Values at or above this read as milliseconds: as seconds they would be past the year 5000. */
const MILLISECONDS_FROM = 100_000_000_000;


/** Milliseconds since the epoch, or undefined when `text` is none of the accepted forms. */
export function parseOsmandTime(text: string): number | undefined {
  if (DIGITS.test(text)) {
    const value = Number(text);
    if (!Number.isFinite(value)) return undefined;
    const ms = value >= MILLISECONDS_FROM ? Math.floor(value) : Math.round(value * 1000);
    return ms <= MAX_DATE_MS ? ms : undefined;
  }
  return parseIsoDateTime(text);
}
