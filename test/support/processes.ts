/** `corridor` commands run as child processes for fault tests: started, watched for a line, killed. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Child {
  /** The command and its arguments, as a file name. */
  name: string;
  process: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** Resolves once the output matches `pattern` (with the match), rejects if the process exits first or time runs out. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Runs `corridor` from the sources (through tsx), or from `main` (the compiled one, for benchmarks). */
export function startCorridor(args: readonly string[], env: NodeJS.ProcessEnv, main?: string): Child {
  const command = main === undefined ? ['--import', 'tsx', 'src/apps/cli/main.ts'] : [main];
  const child = spawn(process.execPath, [...command, ...args], {
    env: { ...process.env, CORRIDOR_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const heard = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', heard);
  child.stderr!.on('data', heard);
  child.once('exit', () => {
    for (const listener of listeners) listener();
  });
  return {
    name: args.join('_').replace(/[^\w-]+/g, '_'),
    process: child,
    output: () => output,
    waitFor(pattern, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => done(new Error(`${args[0]}: no ${pattern} in ${timeoutMs} ms; output: ${output.slice(-1500)}`)), timeoutMs);
        const check = () => {
          const match = pattern.exec(output);
          if (match) done(undefined, match);
          else if (child.exitCode !== null || child.signalCode !== null) done(new Error(`${args[0]} exited (${child.exitCode ?? child.signalCode}) before ${pattern}: ${output.slice(-1500)}`));
        };
        const done = (error?: Error, match?: RegExpExecArray) => {
          clearTimeout(timer);
          listeners.delete(check);
          if (error) reject(error);
          else resolve(match!);
        };
        listeners.add(check);
        check();
      });
    },
    async kill(signal = 'SIGKILL') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      await exited;
    },
  };
}
