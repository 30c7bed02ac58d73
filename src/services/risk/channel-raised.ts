/**
 * What re-assessment tells the rest of the platform when a trip's alert raises a declaration's channel: the border
 * crossing's queue (to call the truck to an inspection lane) and the nearest roadside team subscribe to it.
 */
import type { Channel } from '../../core/model/channel.js';
import type { StoredAssessment } from '../../ports/risk-store.js';

export interface ChannelRaised {
  declarationId: string;
  reference: string;
  /** The border crossing the declaration names. */
  borderCrossing: string;
  from: Channel;
  to: Channel;
  /** The tracker's alert type that caused the re-assessment. */
  alertType: string;
  /** The new assessment, with every rule that fired. */
  assessment: StoredAssessment;
}

export interface ChannelRaisedListener {
  channelRaised(event: ChannelRaised): Promise<void>;
}
