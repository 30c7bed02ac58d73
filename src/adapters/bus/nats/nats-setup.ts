/**
 * The JetStream stream and durable consumers of the positions, created or verified at start-up: one stream over
 * `<prefix>.<shard>` subjects, one durable pull consumer per shard. The shard count is written into the stream's
 * description, and a process configured with another count refuses to start: devices would change shards.
 */
import {
  AckPolicy, DeliverPolicy, DiscardPolicy, JetStreamApiCodes, JetStreamApiError, RetentionPolicy, StorageType,
  type ConsumerConfig, type ConsumerInfo, type JetStreamManager,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';

export interface StreamSettings {
  stream: string;
  subjectPrefix: string;
  shardCount: number;
  /** Copies of the stream in a NATS cluster (1, or 3 for a cluster that survives one server's loss). */
  replicas: number;
  /** How long positions stay in the stream, consumed or not. */
  maxAgeMs: number;
  /** How long JetStream remembers message ids to drop a repeat. */
  duplicateWindowMs: number;
  /** How long a delivered, unacknowledged message waits before it is delivered again. */
  ackWaitMs: number;
  /** Most unacknowledged messages of a shard out at once: the bound on a consumer's backlog in memory. */
  maxAckPending: number;
}

export const subjectOf = (settings: StreamSettings, shard: number): string => `${settings.subjectPrefix}.${shard}`;
export const consumerOf = (settings: StreamSettings, shard: number): string => `${settings.stream}_shard_${shard}`;

const description = (settings: StreamSettings) => `corridor positions: ${settings.shardCount} shards`;

export function isNotFound(error: unknown): boolean {
  return error instanceof JetStreamApiError && (error.code === JetStreamApiCodes.ConsumerNotFound || error.code === JetStreamApiCodes.StreamNotFound);
}

export async function ensureStream(jsm: JetStreamManager, settings: StreamSettings): Promise<void> {
  const wanted = {
    subjects: [`${settings.subjectPrefix}.*`],
    description: description(settings),
    max_age: nanos(settings.maxAgeMs),
    duplicate_window: nanos(settings.duplicateWindowMs),
  };
  let existing;
  try {
    existing = await jsm.streams.info(settings.stream);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await jsm.streams.add({
      name: settings.stream, ...wanted, storage: StorageType.File, retention: RetentionPolicy.Limits,
      discard: DiscardPolicy.Old, num_replicas: settings.replicas,
    });
    return;
  }
  const config = existing.config;
  if (config.description !== wanted.description) {
    throw new Error(`JetStream stream ${settings.stream} is "${config.description ?? ''}", not "${wanted.description}": the shard count must stay as the stream was made`);
  }
  if (config.subjects.join() !== wanted.subjects.join()) {
    throw new Error(`JetStream stream ${settings.stream} holds ${config.subjects.join(', ')}, not ${wanted.subjects.join(', ')}`);
  }
  if (config.max_age !== wanted.max_age || config.duplicate_window !== wanted.duplicate_window) {
    await jsm.streams.update(settings.stream, { ...config, max_age: wanted.max_age, duplicate_window: wanted.duplicate_window });
  }
}

function consumerConfig(settings: StreamSettings, shard: number): Partial<ConsumerConfig> {
  return {
    durable_name: consumerOf(settings, shard),
    filter_subject: subjectOf(settings, shard),
    ack_policy: AckPolicy.Explicit,
    ack_wait: nanos(settings.ackWaitMs),
    max_ack_pending: settings.maxAckPending,
    max_deliver: -1,
  };
}

/** The shard's durable consumer, made when missing (from the stream's first message), its limits brought up to date. */
export async function ensureConsumer(jsm: JetStreamManager, settings: StreamSettings, shard: number): Promise<ConsumerInfo> {
  const name = consumerOf(settings, shard);
  const wanted = consumerConfig(settings, shard);
  try {
    const info = await jsm.consumers.info(settings.stream, name);
    if (info.config.filter_subject !== wanted.filter_subject || info.config.ack_policy !== AckPolicy.Explicit) {
      throw new Error(`JetStream consumer ${name} takes ${info.config.filter_subject ?? 'everything'}, not ${wanted.filter_subject}`);
    }
    if (info.config.ack_wait !== wanted.ack_wait || info.config.max_ack_pending !== wanted.max_ack_pending) {
      return await jsm.consumers.update(settings.stream, name, { ack_wait: wanted.ack_wait!, max_ack_pending: wanted.max_ack_pending! });
    }
    return info;
  } catch (error) {
    if (!isNotFound(error)) throw error;
    return jsm.consumers.add(settings.stream, { ...wanted, deliver_policy: DeliverPolicy.All });
  }
}

/**
 * Makes the shard's consumer deliver again from its first unacknowledged message, in stream order. A consumer whose
 * previous owner died holds messages delivered and never acknowledged; JetStream would deliver them only once their
 * ack wait ran out, after later ones, and a device's positions must reach the tracker in order. Only the holder of
 * the shard's lease calls this, so no one else is consuming.
 */
export async function rewindConsumer(jsm: JetStreamManager, settings: StreamSettings, shard: number): Promise<void> {
  const info = await ensureConsumer(jsm, settings, shard);
  if (info.delivered.stream_seq <= info.ack_floor.stream_seq) return;
  const name = consumerOf(settings, shard);
  await jsm.consumers.delete(settings.stream, name);
  const from = info.ack_floor.stream_seq + 1;
  await jsm.consumers.add(settings.stream, { ...consumerConfig(settings, shard), deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: from });
}
