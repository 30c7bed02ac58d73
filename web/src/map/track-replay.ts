/**
 * A track replayed: a marker moved along the track's line over a few seconds, at an even pace along its length,
 * so a driver's stops and detours show where they were.
 */
type Coordinate = readonly [number, number] | readonly number[];

/** The point `fraction` (0–1) of the way along the line, by length in degrees, which is enough for a replay. */
export function pointAlong(line: readonly Coordinate[], fraction: number): [number, number] {
  if (line.length === 0) throw new RangeError('an empty line has no points');
  const lengths = line.slice(1).map((point, i) => Math.hypot(point[0]! - line[i]![0]!, point[1]! - line[i]![1]!));
  let left = Math.min(1, Math.max(0, fraction)) * lengths.reduce((sum, length) => sum + length, 0);
  for (const [i, length] of lengths.entries()) {
    if (left <= length && length > 0) {
      const [from, to] = [line[i]!, line[i + 1]!];
      const t = left / length;
      return [from[0]! + (to[0]! - from[0]!) * t, from[1]! + (to[1]! - from[1]!) * t];
    }
    left -= length;
  }
  const last = line[line.length - 1]!;
  return [last[0]!, last[1]!];
}

/** Moves `draw` along `line` over `durationMs`; returns a function that stops the replay early. */
export function replayTrack(line: readonly Coordinate[], draw: (point: [number, number], fraction: number) => void, durationMs = 6_000): () => void {
  const start = performance.now();
  let frame = 0;
  const step = (now: number) => {
    const fraction = Math.min(1, (now - start) / durationMs);
    draw(pointAlong(line, fraction), fraction);
    if (fraction < 1) frame = requestAnimationFrame(step);
  };
  frame = requestAnimationFrame(step);
  return () => cancelAnimationFrame(frame);
}
