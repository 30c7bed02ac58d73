/**
 * Reading the positions the seals reported: one device's track, every device's latest position, and the
 * positions of a declaration's seals while it was in transit.
 *
 * Hauliers see positions only through their own declarations, and only for the transit of those: a seal is
 * reused from truck to truck, so a device's whole track would show them other hauliers' cargo.
 */
import { seesOnlyOwn } from '../core/auth/permissions.js';
import type { Position, StatusChange, User } from '../core/model/index.js';
import type { Clock } from '../ports/clock.js';
import type { Store } from '../ports/store.js';
import type { AuthService } from './auth-service.js';
import { ServiceError } from './service-error.js';

export const DEFAULT_TRACK_LIMIT = 10_000;
export const MAX_TRACK_LIMIT = 100_000;
/** The window of a track asked for without bounds: the last day. */
export const DEFAULT_TRACK_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Device-time bounds in milliseconds since the epoch, both inclusive. */
export interface TimeWindow {
  from: number;
  to: number;
}

export interface TrackRequest {
  from?: number;
  to?: number;
  limit?: number;
}

export interface Track {
  deviceId: string;
  window: TimeWindow;
  /** In device-time order, then sequence; at most the limit, the earliest first. */
  positions: Position[];
}

export interface DeclarationTrack {
  declarationId: string;
  /** From entering transit to arrival (or closure, or now); absent when the declaration never went in transit. */
  window?: TimeWindow;
  /** Seal by seal in the declaration's order, each in device-time order; at most the limit in all. */
  positions: Position[];
}

/**
 * The transit of a declaration in its history: from the first change into `in_transit` to the first change
 * after it into `arrived` or `closed`, or `now` while neither has happened. A stop at the border
 * (`at_border`, `held`, `released`, back to `in_transit`) stays inside the one window.
 */
export function transitWindow(history: readonly StatusChange[], now: number): TimeWindow | undefined {
  const start = history.findIndex((change) => change.to === 'in_transit');
  if (start < 0) return undefined;
  const end = history.slice(start + 1).find((change) => change.to === 'arrived' || change.to === 'closed');
  return { from: Date.parse(history[start]!.at), to: end === undefined ? now : Date.parse(end.at) };
}

function limitOf(limit: number | undefined): number {
  return Math.min(Math.max(1, Math.floor(limit ?? DEFAULT_TRACK_LIMIT)), MAX_TRACK_LIMIT);
}

export class PositionQueryService {
  constructor(
    private readonly store: Store,
    private readonly auth: AuthService,
    private readonly clock: Clock,
  ) {}

  /**
   * A device's positions between `from` and `to`; without bounds the last day, with only `from` up to now,
   * with only `to` the day before it.
   */
  async track(actor: User, deviceId: string, request: TrackRequest = {}): Promise<Track> {
    this.requireFleetView(actor);
    const now = this.clock.now().getTime();
    const to = request.to ?? (request.from === undefined ? now : Math.max(now, request.from));
    const from = request.from ?? to - DEFAULT_TRACK_WINDOW_MS;
    if (from > to) {
      throw new ServiceError('VALIDATION', 'the window ends before it starts', [
        { code: 'WINDOW_REVERSED', path: 'to', message: 'to is before from' },
      ]);
    }
    if (!(await this.known(deviceId))) throw new ServiceError('NOT_FOUND', `no device ${deviceId}`);
    const positions = await this.store.positions.list({ deviceId, from, to, limit: limitOf(request.limit) });
    return { deviceId, window: { from, to }, positions };
  }

  /** The latest position of every device that has reported, by device id. */
  async latest(actor: User): Promise<Position[]> {
    this.requireFleetView(actor);
    return this.store.positions.latest();
  }

  async ofDeclaration(actor: User, declarationId: string, limit?: number): Promise<DeclarationTrack> {
    this.auth.require(actor, 'declarations:read');
    const declaration = await this.store.declarations.get(declarationId);
    // Another haulier's declaration looks like a missing one, as everywhere else.
    if (!declaration || (seesOnlyOwn(actor.role) && declaration.owner !== actor.username)) {
      throw new ServiceError('NOT_FOUND', `no declaration ${declarationId}`);
    }
    const window = transitWindow(await this.store.declarations.history(declarationId), this.clock.now().getTime());
    if (window === undefined) return { declarationId, positions: [] };
    const positions: Position[] = [];
    let left = limitOf(limit);
    for (const deviceId of new Set(declaration.seals)) {
      if (left === 0) break;
      const track = await this.store.positions.list({ deviceId, ...window, limit: left });
      for (const position of track) positions.push(position);
      left -= track.length;
    }
    return { declarationId, window, positions };
  }

  private requireFleetView(actor: User): void {
    this.auth.require(actor, 'declarations:read');
    if (seesOnlyOwn(actor.role)) {
      throw new ServiceError('FORBIDDEN', `role ${actor.role} sees positions only through its own declarations`);
    }
  }

  /** Registered, or heard from: a device may report before anyone registers it. */
  private async known(deviceId: string): Promise<boolean> {
    return (await this.store.reference.getDevice(deviceId)) !== undefined || (await this.store.positions.latestOf(deviceId)) !== undefined;
  }
}
