import { readFileSync } from 'node:fs';

// The kernel's rss high-water mark of a process (VmHWM in
// /proc/<pid>/status): what getrusage() would report as ru_maxrss for it.
// Node cannot wait4() the command, so runbus reads it while the processes
// are alive; since it only grows, the last reading is a lower bound that
// catches spikes between samples, up to the last read.

/** VmHWM of `pid` in bytes, or undefined (gone, no permission, not Linux). */
export function readVmHwm(pid: number, procRoot = '/proc'): number | undefined {
  let text: string;
  try {
    text = readFileSync(`${procRoot}/${pid}/status`, 'latin1');
  } catch {
    return undefined;
  }
  const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(text);
  return m === null ? undefined : Number(m[1]) * 1024;
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
