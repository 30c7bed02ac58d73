/**
 * The customs channel a truck's declaration was routed to by risk assessment. It matters to the queue because a
 * lane clears a green truck (release) faster than a yellow one (document check), and a red one (physical
 * inspection) slowest, and some lanes may not take every channel.
 */
import type { Channel } from '../model/channel.js';

export { CHANNELS, type Channel } from '../model/channel.js';

/** Position of a channel in CHANNELS, from green up to red: for the order's list index, and to tell a raise. */
export function channelIndex(channel: Channel): number {
  return channel === 'green' ? 0 : channel === 'yellow' ? 1 : 2;
}

/** Trucks per hour a lane clears, by channel; 0 means the lane does not take that channel. */
export type ChannelCapacity = Record<Channel, number>;

export function isChannel(value: unknown): value is Channel {
  return value === 'green' || value === 'yellow' || value === 'red';
}
