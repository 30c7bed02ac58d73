/**
 * A position taken as the trip's location, with what the pipeline measured of it once for all the detectors that
 * judge the location: where it stands against the route. One object per position, shared by those detectors.
 */
import type { Position } from '../model/position.js';

export interface Fix {
  position: Position;
  /** The position's device time in the state's terms: ms since the trip opened. */
  ms: number;
  /** Nearest route segment. */
  segment: number;
  /** Progress along the route, metres. */
  alongM: number;
  /** Distance from the route, metres. */
  distanceM: number;
  /** Route left to the destination from the nearest point, metres. */
  remainingM: number;
  /** The trip's first accepted location. */
  first: boolean;
}
