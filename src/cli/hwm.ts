import { closeSync, openSync, readSync } from 'node:fs';

// The kernel's rss high-water mark of a process (VmHWM in
// /proc/<pid>/status): what getrusage() would report as ru_maxrss for it.
// Node cannot wait4() the command, so runbus reads it while the processes
// are alive; since it only grows, the last reading is a lower bound that
// catches spikes between samples, up to the last read.
//
// It is read once per tick for every sampled process, on the main thread, so
// each read goes into one kept buffer and is parsed in place: no string, no
// regex, nothing for the collector per file.

const kStatusBytes = 8 * 1024;
const kKey = Buffer.from('VmHWM:', 'latin1');
const gBuf = Buffer.allocUnsafe(kStatusBytes);

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

/** Largest VmHWM seen per pid. */
export class HighWaterMarks {
  readonly #byPid = new Map<number, number>();

  /** Reads the current VmHWM of each pid. */
  read(pids: Iterable<number>): void {
    for (const pid of pids) {
      const v = readVmHwm(pid);
      if (v !== undefined && v > (this.#byPid.get(pid) ?? 0)) this.#byPid.set(pid, v);
    }
  }

  /** Largest of one process, or undefined when nothing was read. */
  get maxBytes(): number | undefined {
    let m: number | undefined;
    for (const v of this.#byPid.values()) if (m === undefined || v > m) m = v;
    return m;
  }
}
