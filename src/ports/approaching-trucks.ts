/**
 * What the border queue reads of the tracker: the sealed trucks on their way to a crossing and when each is expected
 * there, from its trip's ETA (remaining route and recent speed).
 */
export interface ApproachingTruck {
  tripId: string;
  declarationId: string;
  /** Estimated arrival at the crossing, ms since the epoch. */
  etaAt: number;
}

export interface ApproachingTrucks {
  /** The trucks whose open trip declares `crossing` and has not passed it yet, soonest first. */
  toCrossing(crossing: string): ApproachingTruck[];
}
