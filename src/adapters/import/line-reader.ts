/**
 * Splits a byte stream into lines without loading the file: each line decoded as strict UTF-8 (a file in
 * another encoding is reported line by line, not silently garbled), over-long lines reported and skipped
 * without being buffered whole.
 */
export type Line = { number: number; text: string } | { number: number; error: 'ENCODING' | 'LINE_TOO_LONG' };

export async function* readLines(chunks: AsyncIterable<Uint8Array>, maxLineBytes = 1 << 20): AsyncGenerator<Line> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let tooLong = false;
  let number = 0;

  const finish = (): Line => {
    number += 1;
    if (tooLong) return { number, error: 'LINE_TOO_LONG' };
    const bytes = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
    try {
      // A BOM is only meaningful at the start of the file; the decoder drops it there.
      const text = decoder.decode(bytes);
      return { number, text: text.endsWith('\r') ? text.slice(0, -1) : text };
    } catch {
      return { number, error: 'ENCODING' };
    }
  };
  const reset = () => {
    pending = [];
    pendingBytes = 0;
    tooLong = false;
  };

  for await (const chunk of chunks) {
    let start = 0;
    for (let newline = chunk.indexOf(10); newline !== -1; newline = chunk.indexOf(10, start)) {
      append(chunk.subarray(start, newline));
      yield finish();
      reset();
      start = newline + 1;
    }
    append(chunk.subarray(start));
  }
  if (pendingBytes > 0 || tooLong) yield finish();

  function append(part: Uint8Array) {
    if (part.length === 0 || tooLong) return;
    if (pendingBytes + part.length > maxLineBytes) {
      tooLong = true;
      pending = [];
      return;
    }
    pending.push(part);
    pendingBytes += part.length;
  }
}
