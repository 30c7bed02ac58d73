/** Reads a file as a stream of chunks, showing a progress bar on a terminal. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { progressBar } from './progress-bar.js';

export interface FileSource {
  chunks: AsyncIterable<Uint8Array>;
  /** Stops the progress bar; call when the consumer has finished. */
  done(): void;
}

export async function fileSource(path: string, label: string): Promise<FileSource> {
  const { size } = await stat(path);
  const bar = progressBar(`${label} [{bar}] {percentage}% | {value}/{total} MiB | {eta_formatted} left`, { etaBuffer: 50 });
  const mib = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
  bar?.start(mib(size), 0);
  let read = 0;
  async function* chunks() {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      read += chunk.length;
      bar?.update(mib(read));
      yield chunk;
    }
  }
  return {
    chunks: chunks(),
    done: () => {
      bar?.update(mib(size));
      bar?.stop();
    },
  };
}
