import { closeSync, openSync, readSync } from 'node:fs';

// The kernel's rss high-water mark of a process (VmHWM in
// /proc/<pid>/status): what getrusage() would report as ru_maxrss for it.
// Node cannot wait4() the command, so runbus reads it while the processes
// are alive; since it only grows, the last reading is a lower bound that
// catches spikes between samples, up to the last read.
//
// It is read once per tick for every sampled process, on the main thread, so
// each read goes into one kept buffer and is parsed in place: no string, no
// regex, nothing for the collector per file. HighWaterMarks keeps each
// process's status file open between ticks and reads it again with pread
// (one system call a process a tick instead of three). A kept descriptor
// belongs to the process that was opened, not to its pid: once that process
// is gone the read fails (ESRCH), the descriptor is closed, and a new
// process that reuses the pid is opened afresh.

const kStatusBytes = 8 * 1024;
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
  #gen = 0;

  constructor(procRoot = '/proc') {
    this.#procRoot = procRoot;
  }

  /**
   * Reads the current VmHWM of each pid. The status files of these pids
   * stay open until a later call leaves them out, their process is gone,
   * or close().
   */
  read(pids: Iterable<number>): void {
    const gen = ++this.#gen;
    for (const pid of pids) {
      let o = this.#open.get(pid);
      if (o === undefined) {
        try {
          o = { fd: openSync(`${this.#procRoot}/${pid}/status`, 'r'), gen };
        } catch {
          continue;
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
        continue;
      }
      const v = parseVmHwm(len);
      if (v !== undefined && v > (this.#byPid.get(pid) ?? 0)) this.#byPid.set(pid, v);
    }
    for (const [pid, s] of this.#open) {
      if (s.gen === gen) continue;
      closeQuietly(s.fd);
      this.#open.delete(pid);
    }
  }

  /** Closes the kept status files; read() may still be called (it opens them again). */
  close(): void {
    for (const s of this.#open.values()) closeQuietly(s.fd);
    this.#open.clear();
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
