import { setTimeout as sleep } from 'node:timers/promises';
import { checkBool, checkInt, checkKeys, checkObject, checkString } from '../options.js';
import { createHostSampler, createProcessSampler, createProcessTree } from '../samplers/index.js';
import type { HostSnapshot, ResourceSnapshot } from '../wire/index.js';
import { gpuMemByPid } from './gpu-mem.js';

// snapshot(): the host and one process tree at one instant, without a hub.
//
//   read 1: host /proc/stat, each member's /proc/<pid>/{stat,status,io,…}
//     │   wait cpuWindowMs (cpu % needs two readings of the tick counters)
//     ▼
//   read 2: the same (descendants that appeared meanwhile are read once,
//           with cpu absent) ─► { host, processes }
//
// The same readers the sampler pool uses, run once on the caller's thread:
// a few /proc files per process, ~20 µs each.

/** What {@link snapshot} returns. */
export interface SystemSnapshot {
  /** When the second reading was taken, ms since the epoch. */
  tsMs: number;
  /** Machine figures; absent with `host: false`. `cpuPercent`: 100 = every core busy. */
  host?: HostSnapshot;
  /**
   * The root process first, then its descendants. `cpuPercent`: 100 = one
   * core busy, over the window; a figure that could not be read is absent,
   * with the reason in `errors`.
   */
  processes: ResourceSnapshot[];
}

export interface SnapshotOptions {
  /** The root process. @default process.pid */
  pid?: number;
  /** Include the root's descendants. @default true */
  tree?: boolean;
  /** Include machine figures. @default true */
  host?: boolean;
  /** Mount points whose usage the host figures report. @default ['/'] */
  disks?: string[];
  /**
   * Window over which cpu % is measured, ms; 0 takes one reading and leaves
   * cpu % absent.
   * @default 100
   */
  cpuWindowMs?: number;
  /**
   * GPU memory per process from nvidia-smi: 'auto' reads it when nvidia-smi
   * answers and leaves it absent otherwise.
   * @default 'auto'
   */
  gpu?: boolean | 'auto';
  /** nvidia-smi command. @default 'nvidia-smi' */
  gpuCommand?: string;
  /** Component name of the root in the result. @default 'app' */
  component?: string;
  /** Run id in the result. @default '' */
  runId?: string;
}

const kKeys = ['pid', 'tree', 'host', 'disks', 'cpuWindowMs', 'gpu', 'gpuCommand', 'component', 'runId'] as const;
const kDefaultCpuWindowMs = 100;

/**
 * The host and one process tree (this process by default) right now, with
 * no hub: seed-style one-shot figures for a log line or a health check.
 * Rejects with a TypeError/RangeError naming a bad option; a process that
 * does not exist gives an empty `processes`.
 */
export async function snapshot(options?: SnapshotOptions): Promise<SystemSnapshot> {
  checkObject(options, 'options');
  const o = options ?? {};
  checkKeys(o, kKeys, 'snapshot');
  const pid = checkInt(o.pid ?? process.pid, 'options.pid', 1, 2 ** 32 - 1);
  const tree = checkBool(o.tree ?? true, 'options.tree');
  const withHost = checkBool(o.host ?? true, 'options.host');
  const windowMs = checkInt(o.cpuWindowMs ?? kDefaultCpuWindowMs, 'options.cpuWindowMs', 0, 60_000);
  const gpu = o.gpu ?? 'auto';
  if (gpu !== 'auto' && typeof gpu !== 'boolean') throw new TypeError('options.gpu must be true, false or "auto"');
  const gpuCommand = checkString(o.gpuCommand ?? 'nvidia-smi', 'options.gpuCommand');
  const component = checkString(o.component ?? 'app', 'options.component');
  const runId = checkString(o.runId ?? '', 'options.runId');
  if (o.disks !== undefined && (!Array.isArray(o.disks) || !o.disks.every((d) => typeof d === 'string'))) {
    throw new TypeError('options.disks must be an array of mount points');
  }

  const procs = createProcessSampler({ smapsEveryTicks: 1, statusEveryTicks: 1, maxOpenPids: 256 });
  const host = withHost ? createHostSampler(o.disks === undefined ? {} : { disks: o.disks }) : undefined;
  const members = createProcessTree();
  members.setRoots(new Map([[pid, component]]));
  const gpuMem = gpu === false ? Promise.resolve(undefined) : gpuMemByPid(gpuCommand);
  const read = (tsMs: number): ResourceSnapshot[] => {
    if (tree) members.scan();
    const out: ResourceSnapshot[] = [];
    for (const p of tree ? [...members.members.keys()] : [pid]) {
      const r = procs.sample(p, component, runId, tsMs);
      if (r.kind === 'ok') out.push(r.snapshot);
      else if (tree) members.remove(p);
    }
    return out;
  };
  try {
    let tsMs = Date.now();
    let hostSnap = host?.sample(runId, tsMs);
    let processes = read(tsMs);
    if (windowMs > 0 && processes.length > 0) {
      await sleep(windowMs);
      tsMs = Date.now();
      hostSnap = host?.sample(runId, tsMs);
      processes = read(tsMs);
    }
    const gpuByPid = await gpuMem;
    if (gpu === true && gpuByPid === undefined) throw new TypeError(`options.gpu is true but ${JSON.stringify(gpuCommand)} did not answer`);
    for (const s of processes) {
      const m = gpuByPid?.get(s.pid);
      if (m !== undefined) s.gpuMemBytes = m;
    }
    processes.sort((a, b) => (a.pid === pid ? -1 : b.pid === pid ? 1 : a.pid - b.pid));
    return { tsMs, ...(hostSnap === undefined ? {} : { host: hostSnap }), processes };
  } finally {
    procs.close();
  }
}
