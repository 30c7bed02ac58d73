/**
 * When a crossing is open, as UTC instants: its daily hours in its own time zone turned into one window a local
 * day, so that calls and estimates can ask "open at t?", "next opening after t?" and "t plus so many open hours?"
 * in a few map look-ups.
 *
 * The zone's offsets come from the runtime's time-zone database (Intl), which is data, not a clock: the same
 * instant always gives the same answer for a given tzdata. Windows are computed per local day on first use and
 * memoised per (hours, zone), since the estimate refresh asks about the same days a hundred thousand times.
 *
 * Hours with `close` before `open` run overnight (20:00–08:00 is one window from 20:00 to 08:00 the next day);
 * `open` equal to `close` means open around the clock, as does no hours at all.
 */
import type { OperatingHours } from '../model/places.js';

const DAY = 86_400_000;
const MINUTE = 60_000;

export interface OpeningSchedule {
  readonly alwaysOpen: boolean;
  isOpen(t: number): boolean;
  /** `t` when open, otherwise the start of the next open window. */
  nextOpen(t: number): number;
  /** The open windows overlapping [from, to), clipped to it, in order. */
  openIntervals(from: number, to: number): Array<[number, number]>;
  /** Milliseconds of open time in [from, to). */
  openMsBetween(from: number, to: number): number;
  /** The instant by which `ms` of open time has passed after `t`. */
  addOpenTime(t: number, ms: number): number;
}

const ALWAYS_OPEN: OpeningSchedule = Object.freeze({
  alwaysOpen: true,
  isOpen: () => true,
  nextOpen: (t: number) => t,
  openIntervals: (from: number, to: number): Array<[number, number]> => (to > from ? [[from, to]] : []),
  openMsBetween: (from: number, to: number) => Math.max(0, to - from),
  addOpenTime: (t: number, ms: number) => t + ms,
});

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':');
  return Number(h) * 60 + Number(m);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The zone's offset from UTC at instant `t`, ms (local = UTC + offset). */
export function zoneOffset(timeZone: string, t: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(t)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const local = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return local - Math.floor(t / 1000) * 1000;
}

/** The UTC instant of a local wall-clock time (ms since the epoch as if the zone were UTC). */
function utcOfWall(timeZone: string, wall: number): number {
  // Two passes settle the offset on either side of a change; a wall time inside a gap lands just after it.
  const first = wall - zoneOffset(timeZone, wall);
  return wall - zoneOffset(timeZone, first);
}

class DailySchedule implements OpeningSchedule {
  readonly alwaysOpen = false;
  private readonly days = new Map<number, readonly [number, number]>();

  constructor(
    private readonly timeZone: string,
    private readonly openMinute: number,
    private readonly closeMinute: number,
  ) {}

  /** The window that opens on local day `d` (days since 1970-01-01 in the zone's calendar). */
  private window(d: number): readonly [number, number] {
    let w = this.days.get(d);
    if (w === undefined) {
      const start = utcOfWall(this.timeZone, d * DAY + this.openMinute * MINUTE);
      const closeDay = this.closeMinute > this.openMinute ? d : d + 1;
      const end = utcOfWall(this.timeZone, closeDay * DAY + this.closeMinute * MINUTE);
      w = [start, end] as const;
      this.days.set(d, w);
    }
    return w;
  }

  /** Local days whose windows may contain or follow `t`: offsets stay within ±14 h, windows within 2 days. */
  private firstDay(t: number): number {
    return Math.floor(t / DAY) - 2;
  }

  isOpen(t: number): boolean {
    const d0 = this.firstDay(t);
    for (let d = d0; d <= d0 + 3; d++) {
      const [start, end] = this.window(d);
      if (t >= start && t < end) return true;
      if (start > t) return false;
    }
    return false;
  }

  nextOpen(t: number): number {
    if (!Number.isFinite(t)) return t;
    for (let d = this.firstDay(t); ; d++) {
      const [start, end] = this.window(d);
      if (t < end) return Math.max(t, start);
    }
  }

  openIntervals(from: number, to: number): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    if (!(to > from)) return out;
    for (let d = this.firstDay(from); ; d++) {
      const [start, end] = this.window(d);
      if (start >= to) break;
      const a = Math.max(start, from);
      const b = Math.min(end, to);
      if (b > a) out.push([a, b]);
    }
    return out;
  }

  openMsBetween(from: number, to: number): number {
    let total = 0;
    for (const [a, b] of this.openIntervals(from, to)) total += b - a;
    return total;
  }

  addOpenTime(t: number, ms: number): number {
    if (!Number.isFinite(ms)) return ms > 0 ? Infinity : t;
    let rest = ms;
    let at = t;
    for (let d = this.firstDay(t); ; d++) {
      const [start, end] = this.window(d);
      if (end <= at) continue;
      const from = Math.max(at, start);
      if (from + rest <= end) return from + rest;
      rest -= end - from;
      at = end;
    }
  }
}

const schedules = new Map<string, OpeningSchedule>();
/**
 * The schedule of each hours object already asked about: a queue asks for its crossing's schedule in every command,
 * and the key above is text to parse and build. Hours are values, never changed in place (a queue's are replaced
 * whole when it is reconfigured), so the object stands for its hours.
 */
const byHours = new WeakMap<OperatingHours, OpeningSchedule>();

/** The schedule of a crossing's hours; absent hours mean open around the clock. */
export function openingSchedule(hours: OperatingHours | null | undefined): OpeningSchedule {
  if (hours === null || hours === undefined) return ALWAYS_OPEN;
  let schedule = byHours.get(hours);
  if (schedule === undefined) {
    schedule = scheduleOfHours(hours);
    byHours.set(hours, schedule);
  }
  return schedule;
}

function scheduleOfHours(hours: OperatingHours): OpeningSchedule {
  const open = minutesOf(hours.open);
  const close = minutesOf(hours.close);
  if (open === close) return ALWAYS_OPEN;
  const key = `${hours.timeZone} ${open} ${close}`;
  let schedule = schedules.get(key);
  if (schedule === undefined) {
    schedule = new DailySchedule(hours.timeZone, open, close);
    schedules.set(key, schedule);
  }
  return schedule;
}

/** Whether a time zone name is one the runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}
