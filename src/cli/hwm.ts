import { closeSync, openSync, readSync } from 'node:fs';

// The kernel's rss high-water mark of a process (VmHWM in
// /proc/<pid>/status): what getrusage() would report as ru_maxrss for it.
// Without the native addon Node cannot wait4() the command, so runbus reads
// it while the processes are alive; since it only grows, the last reading
// is a lower bound that catches spikes between samples, up to the last read.
// With the addon the kernel's maxrss of the command's tree is exact, and
// VmHWM is read on a smaller budget (kExactUsageBudget).
//
// It is read at each tick, on the main thread, so each read goes into one
// kept buffer and is parsed in place: no string, no regex, nothing for the
// collector per file. A status file costs the kernel ~10 µs to format, so a
// tick reads at most the budget's `reads` of them (kReadsPerTick without
// the addon): every process while there are that few; past that, the
// `largest` with the largest sampled rss (the likely holders of the peak)
// and the rest in turn, each at least every ⌈n / (reads − largest)⌉ ticks
// (1000 processes, no addon: every ~63 s).
// Reading all 1000 each tick cost ~1 % of a core. HighWaterMarks keeps each
// process's status file open between ticks and reads it again with pread
// (one system call a process a tick instead of three). A kept descriptor
// belongs to the process that was opened, not to its pid: once that process
// is gone the read fails (ESRCH), the descriptor is closed, and a new
// process that reuses the pid is opened afresh.

const kStatusBytes = 8 * 1024;
/** Status files read per tick at most. */
export const kReadsPerTick = 32;
/** Of those, the processes with the largest sampled rss. */
export const kLargest = 16;

/** How many status files a tick reads: at most `reads`, of which the `largest` by sampled rss. */
export interface HwmBudget {
  readonly reads: number;
  readonly largest: number;
}

/**
 * The estimate's budget, when the kernel's maxrss will not come (no addon):
 * then the summary's max rss is the larger of the sampled rss and VmHWM.
 */
export const kEstimateBudget: HwmBudget = { reads: kReadsPerTick, largest: kLargest };
/**
 * With the command's rusage from wait4() (the addon), max rss is exact and
 * VmHWM is only `kernel_peak_rss_bytes` (which also sees orphans): 4 reads a
 * tick, the 2 largest and the rest in turn. At 20 processes the 20 reads a
 * tick cost about 0.03 % of a core of the main thread (bench/threads.ts).
 */
export const kExactUsageBudget: HwmBudget = { reads: 4, largest: 2 };
const kKey = Buffer.from('VmHWM:', 'latin1');
const gBuf = Buffer.allocUnsafe(kStatusBytes);

/** VmHWM in the first `len` bytes of gBuf, in bytes, or undefined. */
function parseVmHwm(len: number): number | undefined {
  const at = gBuf.indexOf(kKey);
  if (at < 0 || at + kKey.length >= len) return undefined;
  let i = at + kKey.length;
  while (i < len && (gBuf[i] === 0x20 || gBuf[i] === 0x09)) i++;
  let kb = 0;
  let digits = 0;
  for (; i < len; i++, digits++) {
    const c = gBuf[i]!;
    if (c < 0x30 || c > 0x39) break;
    kb = kb * 10 + (c - 0x30);
  }
  return digits === 0 ? undefined : kb * 1024;
}

/** VmHWM of `pid` in bytes, or undefined (gone, no permission, not Linux). */
export function readVmHwm(pid: number, procRoot = '/proc'): number | undefined {
  let len: number;
  try {
    const fd = openSync(`${procRoot}/${pid}/status`, 'r');
    try {
      len = readSync(fd, gBuf, 0, kStatusBytes, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  return parseVmHwm(len);
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // already closed: nothing to release
  }
}

interface OpenStatus {
  fd: number;
  /** The read() call that last asked for this pid. */
  gen: number;
}

/** Largest VmHWM seen per pid. */
export class HighWaterMarks {
  readonly #byPid = new Map<number, number>();
  readonly #open = new Map<number, OpenStatus>();
  readonly #procRoot: string;
  readonly #budget: HwmBudget;
  #gen = 0;
  /** Where the next turn of reads starts, past the budget's `reads` processes. */
  #cursor = 0;
  #reads = 0;

  constructor(procRoot = '/proc', budget: HwmBudget = kEstimateBudget) {
    if (!(Number.isInteger(budget.reads) && Number.isInteger(budget.largest) && budget.largest >= 0 && budget.reads > budget.largest)) {
      throw new RangeError(`HighWaterMarks: the budget needs whole numbers with reads > largest >= 0 (got reads ${budget.reads}, largest ${budget.largest})`);
    }
    this.#procRoot = procRoot;
    this.#budget = budget;
  }

  /**
   * Reads the current VmHWM of the pids (all of them when there are at most
   * the budget's `reads`, or no `rss`; else its `largest` by `rss`, sampled
   * rss in the same order, and the next ones in turn). The status files of
   * these pids stay open until a later call leaves them out, their process
   * is gone, or close().
   */
  read(pids: readonly number[], rss?: readonly (number | null | undefined)[]): void {
    const gen = ++this.#gen;
    const n = pids.length;
    const b = this.#budget;
    if (n <= b.reads || rss === undefined) {
      for (const pid of pids) this.#readOne(pid, gen);
    } else {
      for (const i of largest(rss, b.largest)) this.#readOne(pids[i]!, gen);
      const turn = b.reads - b.largest;
      for (let j = 0; j < turn; j++) this.#readOne(pids[(this.#cursor + j) % n]!, gen);
      this.#cursor = (this.#cursor + turn) % n;
      // The others keep their descriptors for their turn.
      for (const pid of pids) {
        const o = this.#open.get(pid);
        if (o !== undefined) o.gen = gen;
      }
    }
    for (const [pid, s] of this.#open) {
      if (s.gen === gen) continue;
      closeQuietly(s.fd);
      this.#open.delete(pid);
    }
  }

  #readOne(pid: number, gen: number): void {
    let o = this.#open.get(pid);
    if (o === undefined) {
      try {
        o = { fd: openSync(`${this.#procRoot}/${pid}/status`, 'r'), gen };
      } catch {
        return;
      }
      this.#open.set(pid, o);
    }
    o.gen = gen;
    let len: number;
    try {
      len = readSync(o.fd, gBuf, 0, kStatusBytes, 0);
    } catch {
      // The process is gone (ESRCH): its last reading stands.
      closeQuietly(o.fd);
      this.#open.delete(pid);
      return;
    }
    this.#reads++;
    const v = parseVmHwm(len);
    if (v !== undefined && v > (this.#byPid.get(pid) ?? 0)) this.#byPid.set(pid, v);
  }

  /** Closes the kept status files; read() may still be called (it opens them again). */
  close(): void {
    for (const s of this.#open.values()) closeQuietly(s.fd);
    this.#open.clear();
  }

  /** Status files read so far (for tests). */
  get reads(): number {
    return this.#reads;
  }

  /** Status files held open (for tests). */
  get openFiles(): number {
    return this.#open.size;
  }

  /** Largest of one process, or undefined when nothing was read. */
  get maxBytes(): number | undefined {
    let m: number | undefined;
    for (const v of this.#byPid.values()) if (m === undefined || v > m) m = v;
    return m;
  }
}

/** Indexes of the `k` largest numbers of `xs` (absent ones left out), in no order. */
function largest(xs: readonly (number | null | undefined)[], k: number): number[] {
  const top: number[] = [];
  let low = -1; // index in top of its smallest, once full
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i];
    if (v == null) continue;
    if (top.length < k) {
      top.push(i);
      if (top.length === k) low = lowest(xs, top);
    } else if (v > (xs[top[low]!] as number)) {
      top[low] = i;
      low = lowest(xs, top);
    }
  }
  return top;
}

function lowest(xs: readonly (number | null | undefined)[], top: readonly number[]): number {
  let at = 0;
  for (let j = 1; j < top.length; j++) if ((xs[top[j]!] as number) < (xs[top[at]!] as number)) at = j;
  return at;
}
