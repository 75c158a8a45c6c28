import { fstatSync, openSync, readdirSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { FigureError, ResourceSnapshot } from '../wire/index.js';
import { ProcFiles, closeQuietly, errnoOf, fdCountFromSize, kKeys, newStatFields, openFilesLimit, pageSize, parseStat } from './proc-files.js';
import type { StatFields } from './proc-files.js';
import { kDefaultManyPids, kDefaultRareEveryTicks, kDefaultSmapsEveryTicks, kDefaultStatusEveryTicks } from './options.js';

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
   * this many samples of it; 0 never. smaps_rollup walks every mapping of
   * the process: ~50 µs for `sleep`, ~1 ms for a node process.
   * @default 60
   */
  smapsEveryTicks?: number;
  /**
   * Read /proc/<pid>/status (context switches, the priciest file of the
   * per-tick set) on a pid's first sample and then every this many samples;
   * 0 never. Between reads the two ctx_switches figures are absent.
   * @default 10
   */
  statusEveryTicks?: number;
  /**
   * When more than `manyPids` pids are sampled, read io and count fds on a
   * pid's first sample and then every this many samples (staggered across
   * pids like smaps and status); 1 every tick. Between reads the three
   * figures are absent (no error).
   * @default 10
   */
  rareEveryTicks?: number;
  /**
   * How many sampled pids make io and the fd count take `rareEveryTicks`;
   * at or below it they are read every tick.
   * @default 100
   */
  manyPids?: number;
  /**
   * With many pids, fewer slow reads per pid: at `widenPerPids` × k sampled
   * pids and more, the status, smaps and (past `manyPids`) io/fd cadences
   * are k times their setting (1000 pids: 10×), so a tick makes about as
   * many of those reads as at `widenPerPids` pids. Each figure still
   * arrives for every pid, on its first sample and at the wider cadence;
   * 0 never widens. A cadence of 1 (every tick) is never widened.
   * @default 100
   */
  widenPerPids?: number;
  /**
   * Keep stat, status, io and fd-directory descriptors open between ticks
   * for up to this many pids (4 descriptors each); pids beyond it are opened
   * and closed on every read.
   * @default min(4096, (soft open-files limit - 1024) / 4)
   */
  maxOpenPids?: number;
}

/** See ProcessSamplerOptions.widenPerPids. */
const kDefaultWidenPerPids = 100;

/** A cadence widened `widen` times; 1 is "every tick", asked for: never widened. */
function widened(every: number, widen: number): number {
  return every > 1 ? every * widen : every;
}

// Which descriptor of a pid: /proc/<pid>/stat, status, io, and fd/.
const kStat = 0;
const kStatus = 1;
const kIo = 2;
const kFdDir = 3;
const kFileNames = ['stat', 'status', 'io', 'fd'] as const;

/**
 * A snapshot as this sampler builds it. Made by a constructor rather than a
 * literal: V8 then leaves room in the object for the figures added after it
 * (a literal gets exactly its own fields, and each figure added later grows
 * a separate property array).
 */
class ProcSnapshot implements ResourceSnapshot {
  tsMs: number;
  runId: string;
  component: string;
  pid: number;
  ppid: number;
  state: string;
  command: string;
  errors: FigureError[];
  constructor(tsMs: number, runId: string, component: string, pid: number, stat: Readonly<StatFields>) {
    this.tsMs = tsMs;
    this.runId = runId;
    this.component = component;
    this.pid = pid;
    this.ppid = stat.ppid;
    this.state = stat.state;
    this.command = stat.comm;
    this.errors = [];
  }
}

/** What a process sampler remembers of a pid between ticks. */
interface PidState {
  /** `${procRoot}/${pid}`, made once. */
  base: string;
  /** The command from the last stat read, kept while its bytes do not change. */
  comm: string;
  startTime: number;
  cpuTicks: number;
  atMs: number;
  samples: number;
  /** Open descriptors (-1: none), when this pid may keep them. */
  fds: Int32Array | null;
  /** Why io could not be opened: kept, and retried at the smaps cadence. */
  ioErr: string | null;
  /**
   * Offset of this pid's slow reads (smaps, status) within their cadence,
   * so pids tracked together do not all pay for them on the same tick.
   */
  phase: number;
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
  /** Drops what is remembered of a pid and closes its descriptors. */
  forget(pid: number): void;
  /** Forgets every pid (closes every kept descriptor). */
  close(): void;
  /** Pids holding open descriptors. */
  readonly openPids: number;
  /** Pids with remembered state. */
  readonly size: number;
}

/**
 * The Linux fast path: reads /proc/<pid>/{stat,status,io} and counts fds
 * every tick; smaps_rollup every `smapsEveryTicks` samples.
 *
 * Speed: the descriptors of stat, status, io and fd/ stay open between ticks
 * (a /proc read from offset 0 regenerates the file), which halves the cost
 * of a sample: opening a /proc path walks the pid directory each time. An
 * open descriptor also pins the process it was opened for: after the pid is
 * reused, reads fail with ESRCH instead of describing the newcomer.
 */
export function createProcessSampler(options: ProcessSamplerOptions = {}): ProcessSampler {
  const procRoot = options.procRoot ?? '/proc';
  const smapsEvery = options.smapsEveryTicks ?? kDefaultSmapsEveryTicks;
  const statusEvery = options.statusEveryTicks ?? kDefaultStatusEveryTicks;
  const rareEvery = Math.max(1, options.rareEveryTicks ?? kDefaultRareEveryTicks);
  const manyPids = options.manyPids ?? kDefaultManyPids;
  const widenPerPids = options.widenPerPids ?? kDefaultWidenPerPids;
  const page = pageSize(procRoot);
  const maxOpenPids = options.maxOpenPids ?? Math.max(0, Math.min(4096, Math.floor((openFilesLimit(procRoot) - 1024) / 4)));
  const files = new ProcFiles();
  const stat = newStatFields();
  const fdBySize = fdCountFromSize(procRoot);
  const state = new Map<number, PidState>();
  let openPids = 0;
  let newPids = 0;

  /** Whether the `samples`-th sample of a pid is one of its every-`every` reads. */
  function due(st: PidState, every: number): boolean {
    return every > 0 && (st.samples === 1 || (st.samples - 1 + st.phase) % every === 0);
  }

  function closeAll(st: PidState): void {
    if (st.fds === null) return;
    for (let i = 0; i < st.fds.length; i++) {
      const fd = st.fds[i]!;
      if (fd >= 0) closeQuietly(fd);
    }
    st.fds = null;
    openPids--;
  }

  /**
   * Reads one of a pid's files into `files`; returns null or the errno.
   * Uses (and keeps) an open descriptor when the pid has a slot.
   */
  function readInto(st: PidState, base: string, which: number): string | null {
    const fds = st.fds;
    if (fds === null) return files.tryRead(`${base}/${kFileNames[which]}`);
    let fd = fds[which]!;
    try {
      if (fd < 0) {
        fd = openSync(`${base}/${kFileNames[which]}`, 'r');
        fds[which] = fd;
      }
      files.pread(fd);
      return null;
    } catch (err) {
      if (fd >= 0) {
        fds[which] = -1;
        closeQuietly(fd);
      }
      return errnoOf(err);
    }
  }

  function countFds(st: PidState, base: string): number | string {
    try {
      if (!fdBySize) return readdirSync(`${base}/fd`).length;
      const fds = st.fds;
      if (fds === null) return statSync(`${base}/fd`).size;
      if (fds[kFdDir]! < 0) fds[kFdDir] = openSync(`${base}/fd`, 'r');
      return fstatSync(fds[kFdDir]!).size;
    } catch (err) {
      return errnoOf(err);
    }
  }

  function newState(base: string): PidState {
    const st: PidState = { base, comm: '', startTime: -1, cpuTicks: 0, atMs: 0, samples: 0, fds: null, ioErr: null, phase: newPids++ };
    if (openPids < maxOpenPids) {
      st.fds = new Int32Array(4).fill(-1);
      openPids++;
    }
    return st;
  }

  function forget(pid: number): void {
    const st = state.get(pid);
    if (st === undefined) return;
    closeAll(st);
    state.delete(pid);
  }

  function sample(pid: number, component: string, runId: string, tsMs: number): SampleResult {
    let st = state.get(pid);
    const known = st !== undefined;
    st ??= newState(`${procRoot}/${pid}`);
    const base = st.base;
    const statErr = readInto(st, base, kStat);
    const atMs = performance.now();
    if (statErr !== null || !parseStat(files, stat, st.comm)) {
      // ENOENT/ESRCH: gone (ESRCH on a kept descriptor also when the pid
      // now belongs to another process). Anything else on the one file
      // every process has is treated the same way: nothing to report.
      if (known) forget(pid);
      else closeAll(st);
      return { kind: 'gone' };
    }
    const snap: ResourceSnapshot = new ProcSnapshot(tsMs, runId, component, pid, stat);
    const errors = snap.errors!;
    st.comm = stat.comm;
    const cpuTicks = stat.utimeTicks + stat.stimeTicks;
    snap.cpuUserMs = stat.utimeTicks * kMsPerTick;
    snap.cpuSystemMs = stat.stimeTicks * kMsPerTick;
    snap.threads = stat.threads;

    let replaced = false;
    if (known && st.startTime !== stat.startTime) {
      // The pid was reused by a new process since the last tick (seen when
      // the pid has no kept descriptors).
      replaced = true;
      st.samples = 0;
      st.ioErr = null;
    }
    const isNew = !known || replaced;
    if (isNew) {
      // First sample: no cpu %, and not a figure since boot either.
      st.startTime = stat.startTime;
      if (!known) state.set(pid, st);
    } else {
      const dtMs = atMs - st.atMs;
      const dTicks = cpuTicks - st.cpuTicks;
      if (dtMs > 0 && dTicks >= 0) snap.cpuPercent = ((dTicks * kMsPerTick) / dtMs) * 100;
    }
    st.cpuTicks = cpuTicks;
    st.atMs = atMs;
    st.samples++;
    const widen = widenPerPids > 0 ? Math.max(1, Math.floor(state.size / widenPerPids)) : 1;
    const slowTick = due(st, widened(smapsEvery, widen));

    const zombie = stat.state === 'Z' || stat.state === 'X';
    if (zombie) {
      // A zombie has no memory, fds or io left; only stat survives.
      for (const figure of ['rss_bytes', 'vms_bytes', 'open_fds', 'io_read_bytes', 'io_write_bytes']) {
        errors.push({ figure, reason: 'zombie' });
      }
      return { kind: 'ok', snapshot: snap, stat, isNew, replaced };
    }
    if (stat.vsizeBytes === 0) {
      // No address space: the process is past exit_mm() in do_exit() but
      // not yet a zombie (or is a kernel thread). stat then says vsize 0
      // and rss 0, which are not readings of its memory.
      errors.push({ figure: 'rss_bytes', reason: 'exiting' }, { figure: 'vms_bytes', reason: 'exiting' });
    } else {
      snap.vmsBytes = stat.vsizeBytes;
      // stat's rss is the counter status shows as VmRSS, in pages.
      if (stat.rssPages >= 0) snap.rssBytes = stat.rssPages * page;
      else errors.push({ figure: 'rss_bytes', reason: 'absent' });
    }

    if (due(st, widened(statusEvery, widen))) {
      const statusErr = readInto(st, base, kStatus);
      if (statusErr === null) {
        const vol = files.keyed(kKeys.voluntary);
        if (vol >= 0) snap.ctxSwitchesVoluntary = vol;
        const invol = files.keyed(kKeys.nonvoluntary, files.end);
        if (invol >= 0) snap.ctxSwitchesInvoluntary = invol;
      } else {
        errors.push({ figure: 'ctx_switches_voluntary', reason: statusErr }, { figure: 'ctx_switches_involuntary', reason: statusErr });
      }
    }

    // io and the fd count rarely change: with many pids they are read at
    // the slower cadence (absent in between, like context switches).
    if (state.size <= manyPids || due(st, widened(rareEvery, widen))) {
      // Another user's io is EACCES for good: remember that rather than fail
      // an open() every tick, and try again at the slow cadence.
      const ioErr = st.ioErr !== null && !slowTick ? st.ioErr : readInto(st, base, kIo);
      st.ioErr = ioErr;
      if (ioErr === null) {
        const r = files.keyed(kKeys.readBytes);
        const w = files.keyed(kKeys.writeBytes, files.end);
        if (r >= 0) snap.ioReadBytes = r;
        if (w >= 0) snap.ioWriteBytes = w;
      } else {
        errors.push({ figure: 'io_read_bytes', reason: ioErr }, { figure: 'io_write_bytes', reason: ioErr });
      }

      const fds = countFds(st, base);
      if (typeof fds === 'number') snap.openFds = fds;
      else errors.push({ figure: 'open_fds', reason: fds });
    }

    if (slowTick) {
      const smapsErr = files.tryRead(`${base}/smaps_rollup`);
      if (smapsErr === null) {
        const pss = files.keyed(kKeys.pss);
        const clean = files.keyed(kKeys.privateClean);
        const dirty = files.keyed(kKeys.privateDirty);
        const huge = files.keyed(kKeys.privateHugetlb);
        if (pss >= 0) snap.pssBytes = pss * 1024;
        if (clean >= 0 && dirty >= 0) snap.ussBytes = (clean + dirty + Math.max(0, huge)) * 1024;
        else errors.push({ figure: 'uss_bytes', reason: 'absent' });
      } else {
        errors.push({ figure: 'uss_bytes', reason: smapsErr }, { figure: 'pss_bytes', reason: smapsErr });
      }
    }
    return { kind: 'ok', snapshot: snap, stat, isNew, replaced };
  }

  return {
    sample,
    forget,
    close() {
      for (const pid of [...state.keys()]) forget(pid);
    },
    get size() {
      return state.size;
    },
    get openPids() {
      return openPids;
    },
  };
}
