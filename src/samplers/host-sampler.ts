import { statfsSync } from 'node:fs';
import os from 'node:os';
import type { DiskUsage, FigureError, HostSnapshot } from '../wire/index.js';
import { ProcFiles, kKeys } from './proc-files.js';

// The machine: cpu % from /proc/stat deltas (100 = every core busy), memory
// and swap from /proc/meminfo, disks from statfs(2), load from os.loadavg().
// None of it spawns a process. Without /proc (macOS, Windows) cpu % comes
// from os.cpus() deltas and memory from os.totalmem()/os.freemem().
// systeminformation is deliberately not used: its cheap calls are the same
// /proc reads, and its other calls spawn shells.

/** HostSnapshot fields (wire names) this sampler produces. */
export const kHostFigures = [
  'cpu_percent',
  'cpu_count',
  'mem_total_bytes',
  'mem_available_bytes',
  'mem_percent',
  'swap_total_bytes',
  'swap_used_bytes',
  'disks',
  'load1',
  'load5',
  'load15',
] as const;

export interface HostSamplerOptions {
  /**
   * Mount points whose usage is reported (statfs of each).
   * @default ['/']
   */
  disks?: readonly string[];
  /**
   * Where procfs is mounted.
   * @default '/proc'
   */
  procRoot?: string;
}

export interface HostSampler {
  /** Never throws; unreadable figures are absent with a FigureError. */
  sample(runId: string, tsMs: number): HostSnapshot;
}

interface CpuTimes {
  busy: number;
  total: number;
}

export function createHostSampler(options: HostSamplerOptions = {}): HostSampler {
  const procRoot = options.procRoot ?? '/proc';
  const disks = [...(options.disks ?? ['/'])];
  const files = new ProcFiles();
  const hostname = os.hostname();
  const cpuCount = os.availableParallelism();
  let prev: CpuTimes | null = null;

  const statPath = `${procRoot}/stat`;
  const meminfoPath = `${procRoot}/meminfo`;

  function procCpu(): CpuTimes | string {
    const err = files.tryRead(statPath);
    if (err !== null) return err;
    // "cpu  user nice system idle iowait irq softirq steal guest guest_nice";
    // guest time is already inside user, so it is not added again.
    const b = files.buf;
    if (files.len < 4 || b[0] !== 0x63 || b[1] !== 0x70 || b[2] !== 0x75 || b[3] !== 0x20) return 'malformed'; // "cpu "
    let total = 0;
    let idle = 0;
    let count = 0;
    let pos = 3;
    for (; count < 8; count++) {
      const x = files.uintAt(pos);
      if (x < 0) break;
      total += x;
      if (count === 3 || count === 4) idle += x;
      pos = files.end;
    }
    if (count < 4) return 'malformed';
    return { busy: total - idle, total };
  }

  function osCpu(): CpuTimes {
    let busy = 0;
    let total = 0;
    for (const c of os.cpus()) {
      const t = c.times;
      busy += t.user + t.nice + t.sys + t.irq;
      total += t.user + t.nice + t.sys + t.irq + t.idle;
    }
    return { busy, total };
  }

  return {
    sample(runId, tsMs) {
      const errors: FigureError[] = [];
      const snap: HostSnapshot = { tsMs, runId, host: hostname, cpuCount, errors };

      let cpu = procCpu();
      if (typeof cpu === 'string') cpu = cpu === 'ENOENT' ? osCpu() : cpu;
      if (typeof cpu === 'string') {
        errors.push({ figure: 'cpu_percent', reason: cpu });
      } else {
        if (prev !== null && cpu.total > prev.total && cpu.busy >= prev.busy) {
          snap.cpuPercent = Math.min(100, ((cpu.busy - prev.busy) / (cpu.total - prev.total)) * 100);
        }
        prev = cpu;
      }

      const memErr = files.tryRead(meminfoPath);
      if (memErr === null) {
        const total = files.keyed(kKeys.memTotal);
        const avail = files.keyed(kKeys.memAvailable);
        const swapTotal = files.keyed(kKeys.swapTotal);
        const swapFree = files.keyed(kKeys.swapFree);
        if (total > 0) snap.memTotalBytes = total * 1024;
        if (avail >= 0) snap.memAvailableBytes = avail * 1024;
        if (total > 0 && avail >= 0) snap.memPercent = ((total - avail) / total) * 100;
        else errors.push({ figure: 'mem_percent', reason: 'malformed' });
        if (swapTotal >= 0) snap.swapTotalBytes = swapTotal * 1024;
        if (swapTotal >= 0 && swapFree >= 0) snap.swapUsedBytes = (swapTotal - swapFree) * 1024;
      } else if (memErr === 'ENOENT') {
        // No procfs: os.freemem() is MemAvailable on Linux and the free +
        // inactive pages elsewhere.
        const total = os.totalmem();
        const avail = os.freemem();
        snap.memTotalBytes = total;
        snap.memAvailableBytes = avail;
        snap.memPercent = ((total - avail) / total) * 100;
      } else {
        errors.push({ figure: 'mem_percent', reason: memErr });
      }

      const out: DiskUsage[] = [];
      for (const mount of disks) {
        const d: DiskUsage = { mount };
        try {
          const s = statfsSync(mount);
          // As df(1): used% = used / (used + available to unprivileged users).
          const used = (s.blocks - s.bfree) * s.bsize;
          const avail = s.bavail * s.bsize;
          d.totalBytes = s.blocks * s.bsize;
          d.freeBytes = avail;
          if (used + avail > 0) d.usedPercent = (used / (used + avail)) * 100;
        } catch (err) {
          const code = (err as { code?: unknown }).code;
          errors.push({ figure: `disk:${mount}`, reason: typeof code === 'string' ? code : 'EIO' });
        }
        out.push(d);
      }
      snap.disks = out;

      if (process.platform !== 'win32') {
        const [l1, l5, l15] = os.loadavg();
        snap.load1 = l1;
        snap.load5 = l5;
        snap.load15 = l15;
      } else {
        errors.push({ figure: 'load1', reason: 'unsupported' });
      }
      return snap;
    },
  };
}
