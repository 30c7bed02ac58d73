/**
 * Confines a process to a share of one core through a cgroup of its own, so that a benchmark on a small machine
 * can give each process of a kind the same fixed budget, as machines of their own would, and see how the work
 * grows with their number rather than how they fight over the same cores. Needs root and the cgroup CPU
 * controller (v1 `cpu` or v2 `cpu.max`); where either is missing it says why and confines nothing.
 */
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const V1_ROOT = '/sys/fs/cgroup/cpu';
const V2_ROOT = '/sys/fs/cgroup';
const PERIOD_US = 100_000;

export interface CpuBudget {
  /** Cores' worth of CPU time the process may use (0.5 = half of one core). */
  cores: number;
  /** Ends the budget's cgroup once its process has exited. */
  release(): void;
}

/** Puts `pid` in a new cgroup `name` limited to `cores`; a string saying why when that cannot be done here. */
export function confineToCpu(pid: number, name: string, cores: number): CpuBudget | string {
  const quota = String(Math.round(cores * PERIOD_US));
  try {
    if (existsSync(join(V1_ROOT, 'cpu.cfs_quota_us'))) {
      const dir = join(V1_ROOT, name);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'cpu.cfs_period_us'), String(PERIOD_US));
      writeFileSync(join(dir, 'cpu.cfs_quota_us'), quota);
      writeFileSync(join(dir, 'cgroup.procs'), String(pid));
      return { cores, release: () => rmdirSync(dir) };
    }
    if (readFileSync(join(V2_ROOT, 'cgroup.controllers'), 'utf8').split(/\s+/).includes('cpu')) {
      writeFileSync(join(V2_ROOT, 'cgroup.subtree_control'), '+cpu');
      const dir = join(V2_ROOT, name);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'cpu.max'), `${quota} ${PERIOD_US}`);
      writeFileSync(join(dir, 'cgroup.procs'), String(pid));
      return { cores, release: () => rmdirSync(dir) };
    }
    return 'no cgroup CPU controller on this machine';
  } catch (error) {
    return `cgroups not writable here (${(error as Error).message})`;
  }
}
