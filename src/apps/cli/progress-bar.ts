/** The progress bar of long commands: on standard error, and only on a terminal, so piped output stays clean. */
import cliProgress from 'cli-progress';

export function progressBar(format: string, options: { etaBuffer?: number } = {}): cliProgress.SingleBar | undefined {
  if (!process.stderr.isTTY) return undefined;
  return new cliProgress.SingleBar({ format, stream: process.stderr, ...options }, cliProgress.Presets.shades_classic);
}
