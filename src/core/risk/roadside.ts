/**
 * Roadside proposals: which trucks a mobile team can stop in the next minutes. A truck qualifies when its route
 * passes within reach of the team, the team stands ahead of it on that route, and at its speed it gets there within
 * the horizon; the trucks are ranked by risk (channel, then score), the soonest first among equals.
 */
import { CorridorIndex, emptyMatch } from '../geo/index.js';
import type { Channel } from '../model/channel.js';
import type { LatLon, LineString } from '../model/index.js';

export interface RoadsideCandidate {
  tripId: string;
  declarationId: string;
  route: LineString;
  position: LatLon;
  speedKmh: number;
  /** The declaration's latest assessment; null when it has none, which ranks it last. */
  risk: { channel: Channel; score: number } | null;
}

export interface StopProposal {
  tripId: string;
  declarationId: string;
  risk: RoadsideCandidate['risk'];
  /** Minutes until the truck passes the point of its route nearest the team. */
  etaMinutes: number;
  /** From the team to that point, metres. */
  reachM: number;
}

export interface ProposalOptions {
  /** The horizon, minutes. */
  withinMinutes: number;
  /** How far from the team a route may pass, metres. */
  reachM: number;
}

const RANK: Record<Channel, number> = { green: 0, yellow: 1, red: 2 };

export function proposeStops(team: LatLon, candidates: readonly RoadsideCandidate[], options: ProposalOptions): StopProposal[] {
  const proposals: StopProposal[] = [];
  for (const candidate of candidates) {
    if (!(candidate.speedKmh > 0) || candidate.route.coordinates.length < 2) continue;
    const route = CorridorIndex.fromLineString(candidate.route);
    const stop = route.nearest(team.lon, team.lat, emptyMatch());
    if (stop.distanceM > options.reachM) continue;
    const truck = route.nearest(candidate.position.lon, candidate.position.lat, emptyMatch());
    const aheadM = stop.alongM - truck.alongM;
    // A truck past the team is gone; one standing at the point is stopped now.
    if (aheadM < 0) continue;
    const etaMinutes = aheadM / ((candidate.speedKmh * 1000) / 60);
    if (etaMinutes > options.withinMinutes) continue;
    proposals.push({ tripId: candidate.tripId, declarationId: candidate.declarationId, risk: candidate.risk, etaMinutes, reachM: stop.distanceM });
  }
  const rank = (p: StopProposal) => (p.risk === null ? -1 : RANK[p.risk.channel]);
  return proposals.sort((a, b) => rank(b) - rank(a) || (b.risk?.score ?? 0) - (a.risk?.score ?? 0) || a.etaMinutes - b.etaMinutes);
}
