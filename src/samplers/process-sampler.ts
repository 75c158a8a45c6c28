import { readdirSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { FigureError, ResourceSnapshot } from '../wire/index.js';
import { ProcFiles, errnoOf, fdCountFromSize, kKeys, newStatFields, parseStat } from './proc-files.js';
import type { StatFields } from './proc-files.js';

/** ResourceSnapshot fields (wire names) this sampler produces. */
export const kProcessFigures = [
  'cpu_percent',
  'cpu_user_ms',
  'cpu_system_ms',
  'rss_bytes',
  'vms_bytes',
  'uss_bytes',
  'pss_bytes',
  'threads',
  'open_fds',
  'io_read_bytes',
  'io_write_bytes',
  'ctx_switches_voluntary',
  'ctx_switches_involuntary',
  'state',
  'ppid',
  'command',
] as const;

/**
 * USER_HZ, the unit of utime/stime in /proc/<pid>/stat. It is part of the
 * kernel ABI and 100 on every architecture Node runs on; the kernel's own
 * CONFIG_HZ does not change it.
 */
export const kClockTicksPerSecond = 100;
const kMsPerTick = 1000 / kClockTicksPerSecond;

export interface ProcessSamplerOptions {
  /**
   * Where procfs is mounted (tests point it at a fake tree).
   * @default '/proc'
   */
  procRoot?: string;
  /**
   * Read USS/PSS from smaps_rollup on a pid's first sample and then every
   * this many samples of it; 0 never.
   * @default 10
   */
  smapsEveryTicks?: number;
}

/** What a process sampler remembers of a pid between ticks. */
interface PidState {
  startTime: number;
  cpuTicks: number;
  atMs: number;
  samples: number;
}

/** Outcome of sampling one pid. */
export type SampleResult =
  | { kind: 'ok'; snapshot: ResourceSnapshot; stat: Readonly<StatFields>; isNew: boolean; replaced: boolean }
  | { kind: 'gone' };

export interface ProcessSampler {
  /**
   * Samples one pid. `gone` when the process does not exist (any more).
   * Never throws: figures that cannot be read are absent, with the reason
   * in `snapshot.errors`.
   */
  sample(pid: number, component: string, runId: string, tsMs: number): SampleResult;
  /** Drops what is remembered of a pid. */
  forget(pid: number): void;
  /** Pids with remembered state. */
  readonly size: number;
}

/**
 * The Linux fast path: reads /proc/<pid>/{stat,status,io}, counts fds and,
 * every `smapsEveryTicks` samples, reads smaps_rollup. Per pid it costs
 * four file reads and one stat(2) on Linux 6.2+ (see docs/samplers.md).
 */
export function createProcessSampler(options: ProcessSamplerOptions = {}): ProcessSampler {
  const procRoot = options.procRoot ?? '/proc';
  const smapsEvery = options.smapsEveryTicks ?? 10;
  const files = new ProcFiles();
  const stat = newStatFields();
  const fdBySize = fdCountFromSize(procRoot);
  const state = new Map<number, PidState>();

  function countFds(dir: string): number | string {
    try {
      if (fdBySize) return statSync(dir).size;
      return readdirSync(dir).length;
    } catch (err) {
      return errnoOf(err);
    }
  }

  function sample(pid: number, component: string, runId: string, tsMs: number): SampleResult {
    const base = `${procRoot}/${pid}`;
    const statErr = files.tryRead(`${base}/stat`);
    const atMs = performance.now();
    if (statErr !== null || !parseStat(files, stat)) {
      // ENOENT/ESRCH: gone. Anything else on the one file every process
      // has is treated the same way: there is nothing to report.
      return { kind: 'gone' };
    }
    const errors: FigureError[] = [];
    const snap: ResourceSnapshot = {
      tsMs,
      runId,
      component,
      pid,
      ppid: stat.ppid,
      state: stat.state,
      command: stat.comm,
      errors,
    };
    const cpuTicks = stat.utimeTicks + stat.stimeTicks;
    snap.cpuUserMs = stat.utimeTicks * kMsPerTick;
    snap.cpuSystemMs = stat.stimeTicks * kMsPerTick;
    snap.threads = stat.threads;

    let prev = state.get(pid);
    let replaced = false;
    if (prev !== undefined && prev.startTime !== stat.startTime) {
      // The pid was reused by a new process since the last tick.
      replaced = true;
      prev = undefined;
    }
    const isNew = prev === undefined;
    if (prev === undefined) {
      prev = { startTime: stat.startTime, cpuTicks, atMs, samples: 0 };
      state.set(pid, prev);
      // First sample: no cpu %, and not a figure since boot either.
    } else {
      const dtMs = atMs - prev.atMs;
      const dTicks = cpuTicks - prev.cpuTicks;
      if (dtMs > 0 && dTicks >= 0) snap.cpuPercent = ((dTicks * kMsPerTick) / dtMs) * 100;
      prev.cpuTicks = cpuTicks;
      prev.atMs = atMs;
    }
    prev.samples++;

    const zombie = stat.state === 'Z' || stat.state === 'X';
    if (zombie) {
      // A zombie has no memory, fds or io left; only stat survives.
      for (const figure of ['rss_bytes', 'vms_bytes', 'open_fds', 'io_read_bytes', 'io_write_bytes']) {
        errors.push({ figure, reason: 'zombie' });
      }
      return { kind: 'ok', snapshot: snap, stat, isNew, replaced };
    }
    snap.vmsBytes = stat.vsizeBytes;

    const statusErr = files.tryRead(`${base}/status`);
    if (statusErr === null) {
      const rss = files.keyed(kKeys.vmRss);
      if (rss >= 0) snap.rssBytes = rss * 1024;
      else errors.push({ figure: 'rss_bytes', reason: 'absent' });
      const vol = files.keyed(kKeys.voluntary);
      if (vol >= 0) snap.ctxSwitchesVoluntary = vol;
      const invol = files.keyed(kKeys.nonvoluntary, files.end);
      if (invol >= 0) snap.ctxSwitchesInvoluntary = invol;
    } else {
      errors.push({ figure: 'rss_bytes', reason: statusErr }, { figure: 'ctx_switches_voluntary', reason: statusErr });
    }

    const ioErr = files.tryRead(`${base}/io`);
    if (ioErr === null) {
      const r = files.keyed(kKeys.readBytes);
      const w = files.keyed(kKeys.writeBytes, files.end);
      if (r >= 0) snap.ioReadBytes = r;
      if (w >= 0) snap.ioWriteBytes = w;
    } else {
      errors.push({ figure: 'io_read_bytes', reason: ioErr }, { figure: 'io_write_bytes', reason: ioErr });
    }

    const fds = countFds(`${base}/fd`);
    if (typeof fds === 'number') snap.openFds = fds;
    else errors.push({ figure: 'open_fds', reason: fds });

    if (smapsEvery > 0 && (prev.samples - 1) % smapsEvery === 0) {
      const smapsErr = files.tryRead(`${base}/smaps_rollup`);
      if (smapsErr === null) {
        const pss = files.keyed(kKeys.pss);
        const clean = files.keyed(kKeys.privateClean);
        const dirty = files.keyed(kKeys.privateDirty);
        const huge = files.keyed(kKeys.privateHugetlb);
        if (pss >= 0) snap.pssBytes = pss * 1024;
        if (clean >= 0 && dirty >= 0) snap.ussBytes = (clean + dirty + Math.max(0, huge)) * 1024;
      } else {
        errors.push({ figure: 'uss_bytes', reason: smapsErr }, { figure: 'pss_bytes', reason: smapsErr });
      }
    }
    return { kind: 'ok', snapshot: snap, stat, isNew, replaced };
  }

  return {
    sample,
    forget(pid) {
      state.delete(pid);
    },
    get size() {
      return state.size;
    },
  };
}
