import { CgroupFiles, cgroupPathsOfPid, hostMemTotal, newSlowFiles, readCgroup } from './cgroup.js';
import type { CgroupPaths, CgroupSlowFiles } from './cgroup.js';
import type { ContainerSnapshot } from '../wire/index.js';

// Per-container state for the sampler worker: the cgroup directories (found
// once per init pid) and the previous cpu reading, for cpu %.

/** What the monitor tells the worker about one running container. */
export interface ContainerTarget {
  id: string;
  name: string;
  image: string;
  /** Host pid of the container's init process. */
  pid: number;
}

/** Figures a container snapshot carries, snake_case as in the proto and the store. */
export const kContainerFigures = ['cpu_percent', 'mem_bytes', 'mem_limit_bytes', 'pids', 'io_read_bytes', 'io_write_bytes', 'cpu_ms'] as const;

export interface ContainerSampleResult {
  snapshots: ContainerSnapshot[];
  /**
   * Containers whose cgroup files could not be read at all (no /proc access,
   * another pid namespace, a cgroup layout not understood): the monitor
   * asks the Engine API for them instead.
   */
  unread: string[];
}

export interface ContainerSampler {
  sample(targets: readonly ContainerTarget[], runId: string, tsMs: number): ContainerSampleResult;
}

export interface ContainerSamplerOptions {
  /** @default '/proc' */
  procRoot?: string;
  /** Prepended to every cgroup path (fixture trees in tests). @default '' */
  cgroupPrefix?: string;
  /** The limit, memory.stat and block I/O are read one tick in this many. @default 10 */
  slowFilesEvery?: number;
  /** Opens one cgroup file, kept open while its container runs (tests count the opens). @default fs.openSync(path, 'r') */
  open?: (path: string) => number;
}

/** Ticks between reads of a container's slow cgroup files (limit, memory.stat, block I/O). */
export const kDefaultSlowFilesEvery = 10;

interface Seen {
  pid: number;
  paths: CgroupPaths | null;
  files: CgroupFiles;
  slow: CgroupSlowFiles;
  lastCpuNs?: number;
  /** performance.now() of the last cpu reading, ms (µs resolution, no BigInt per read). */
  lastAtMs?: number;
  /** The last sample() that listed this container. */
  tick: number;
}

export function createContainerSampler(options: ContainerSamplerOptions = {}): ContainerSampler {
  const procRoot = options.procRoot ?? '/proc';
  const prefix = options.cgroupPrefix ?? '';
  const seen = new Map<string, Seen>();
  const hostMem = hostMemTotal(procRoot);
  const every = options.slowFilesEvery ?? kDefaultSlowFilesEvery;
  const open = options.open;
  let tick = 0;
  return {
    sample(targets, runId, tsMs) {
      const snapshots: ContainerSnapshot[] = [];
      const unread: string[] = [];
      tick++;
      for (const t of targets) {
        let s = seen.get(t.id);
        if (s?.pid !== t.pid) {
          s?.files.close();
          s = { pid: t.pid, paths: null, files: new CgroupFiles(open), slow: newSlowFiles(), tick };
          seen.set(t.id, s);
        }
        s.tick = tick;
        if (s.paths === null) {
          try {
            s.paths = cgroupPathsOfPid(t.pid, procRoot, prefix);
          } catch {
            unread.push(t.id);
            continue;
          }
        }
        const r = readCgroup(s.paths, hostMem, s.slow, every, s.files);
        const nowMs = performance.now();
        if (r.cpuNs === undefined && r.memBytes === undefined && r.pids === undefined) {
          // The container is gone (its cgroup removed) or unreadable: the
          // paths are found again next time, and every file read then.
          s.paths = null;
          s.files.close();
          s.slow = newSlowFiles();
          unread.push(t.id);
          continue;
        }
        const snap: ContainerSnapshot = {
          tsMs, runId, containerId: t.id, name: t.name, image: t.image, pid: t.pid, source: 'cgroup', stale: false,
        };
        if (r.cpuNs !== undefined) {
          snap.cpuMs = r.cpuNs / 1e6;
          if (s.lastCpuNs !== undefined && s.lastAtMs !== undefined && nowMs > s.lastAtMs && r.cpuNs >= s.lastCpuNs) {
            snap.cpuPercent = ((r.cpuNs - s.lastCpuNs) / ((nowMs - s.lastAtMs) * 1e6)) * 100;
          }
          s.lastCpuNs = r.cpuNs;
          s.lastAtMs = nowMs;
        }
        if (r.memBytes !== undefined) snap.memBytes = r.memBytes;
        if (r.memLimitBytes !== undefined) snap.memLimitBytes = r.memLimitBytes;
        if (r.pids !== undefined) snap.pids = r.pids;
        if (r.ioReadBytes !== undefined) snap.ioReadBytes = r.ioReadBytes;
        if (r.ioWriteBytes !== undefined) snap.ioWriteBytes = r.ioWriteBytes;
        if (r.errors.length > 0) snap.errors = r.errors;
        snapshots.push(snap);
      }
      for (const [id, x] of seen) {
        if (x.tick === tick) continue;
        x.files.close();
        seen.delete(id);
      }
      return { snapshots, unread };
    },
  };
}
