/**
 * The electronic border queue's core: a deterministic state machine per crossing (state.ts), driven by commands
 * with their times as inputs (commands.ts); ordering by class head starts with ageing (ageing.ts), calling with
 * compare-and-set versions (calling.ts), no-shows (no-show.ts), estimates (estimates.ts) and their accuracy
 * (accuracy.ts), the board (board.ts) and the public lookup (public-lookup.ts).
 */
export { DEFAULT_HEAD_STARTS, effectivePriority, orderKeyOf, type HeadStarts } from './ageing.js';
export { archive, type ArchiveCommand } from './archive.js';
export { summariseAccuracy, summariseErrors, HORIZONS, type AccuracyRecord, type AccuracySummary, type ErrorSummary, type EstimateKind, type HorizonSummary } from './accuracy.js';
export { boardFigures, liveCounts, type BacklogFigures, type BoardFigures, type StateCounts } from './board.js';
export {
  arrive,
  callNext,
  dueNoShows,
  laneFreed,
  nextCallOpportunity,
  noShow,
  type ArriveCommand,
  type CallNextCommand,
  type CallOpportunity,
  type CallResult,
  type LaneFreedCommand,
  type NoShowCommand,
} from './calling.js';
export { CHANNELS, channelIndex, type Channel, type ChannelCapacity } from './channel.js';
export { applyCommand, type CommandResult, type QueueCommand } from './commands.js';
export { book, checkIn, updateDeclaration, type BookCommand, type CheckInCommand, type EntryResult, type TruckFacts, type UpdateDeclarationCommand } from './entering.js';
export {
  isActive,
  normalisePlate,
  truckKeyOf,
  type Booking,
  type CallInfo,
  type EntryRoute,
  type EntryStatus,
  type HistoryAction,
  type HistoryItem,
  type QueueEntry,
  type StaffNote,
  type Stream,
  type TruckRef,
} from './entry.js';
export { declarationFacts, QUEUEABLE } from './declaration-facts.js';
export { estimateOf, firstEstimateOf, type EntryEstimate } from './estimate-columns.js';
export { currentPace, refreshEstimates, type EstimateRefresh } from './estimates.js';
export { explainOrder, explainPosition, type OrderExplanation, type PositionExplanation } from './explain.js';
export type { Pace } from './flow.js';
export { noShowOutcome, type NoShowOutcome } from './no-show.js';
export { openingSchedule, type OpeningSchedule } from './opening-schedule.js';
export { chooseCall, NOTHING, WAIT_FOR_TOKEN } from './order.js';
export { classify, PRIORITY_CLASSES, readiness, type Classification, type PriorityClass, type PriorityFacts, type Readiness } from './priority-class.js';
export { orderedEntries } from './order-listing.js';
export { publicLookup, type PublicLookup, type PublicStatus } from './public-lookup.js';
export {
  DEFAULT_CHANNEL_FACTORS,
  DEFAULT_NO_SHOW,
  queueConfigFor,
  serviceMs,
  validateQueueConfig,
  type LaneConfig,
  type NoShowRule,
  type QueueConfig,
  type QueueConfigOptions,
} from './queue-config.js';
export type { Reason } from './reason.js';
export { reconfigure, type ReconfigureCommand } from './reconfigure.js';
export { replayRecord, type QueueLogRecord, type RefreshRecord } from './replay.js';
export {
  hold,
  release,
  removeEntry,
  reprioritise,
  setBacklogRate,
  setLaneOpen,
  type HoldCommand,
  type ReleaseCommand,
  type RemoveCommand,
  type ReprioritiseCommand,
  type SetBacklogRateCommand,
  type SetLaneOpenCommand,
} from './staff-actions.js';
export { cloneQueue, createQueue, entryForDeclaration, type CallRecord, type CreateQueueOptions, type CreateQueueResult, type LaneState, type QueueState } from './state.js';
export { spreadOf, type Spread } from './stats.js';
export type { Accepted, CommandBase, QueueEvent, QueueResult, Refusal } from './transaction.js';
