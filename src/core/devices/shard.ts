/**
 * A device's shard: FNV-1a of its id, modulo the shard count. Fixed by the id alone, so every gateway sends a device
 * to the same shard and every tracker agrees on who follows it.
 */
export function shardOf(deviceId: string, shardCount: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < deviceId.length; i++) {
    hash ^= deviceId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shardCount;
}

/** Parses a shard range such as `0-7`, `3` or `0-3,8-11` into shard numbers below `shardCount`, ascending. */
export function parseShards(text: string, shardCount: number): number[] {
  const shards = new Set<number>();
  for (const part of text.split(',')) {
    const match = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(part);
    if (!match) throw new RangeError(`shards are numbers or ranges such as 0-7 or 0-3,8-11, not "${text}"`);
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (from > to || to >= shardCount) throw new RangeError(`shard range ${part.trim()} is outside 0-${shardCount - 1}`);
    for (let shard = from; shard <= to; shard++) shards.add(shard);
  }
  return [...shards].sort((a, b) => a - b);
}

/**
 * The shard whose holder follows a trip: its first seal's, in id order, so every tracker agrees. A trip whose seals
 * fall on different shards gets the other seals' positions only from the store (see the README, "Scaling out").
 */
export function tripShard(sealIds: readonly string[], shardCount: number): number {
  let first = sealIds[0] ?? '';
  for (const id of sealIds) if (id < first) first = id;
  return shardOf(first, shardCount);
}
