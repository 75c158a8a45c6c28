import { execFile } from 'node:child_process';
import { kGpuAppsArgs, parseGpuApps } from '../samplers/index.js';

/**
 * GPU memory per pid (all devices) from nvidia-smi's compute-apps list, or
 * undefined when nvidia-smi does not answer. Used by track() and snapshot().
 */
export function gpuMemByPid(command: string): Promise<Map<number, number> | undefined> {
  return new Promise((resolve) => {
    execFile(command, kGpuAppsArgs, { timeout: 3000 }, (err, stdout) => {
      if (err !== null) {
        resolve(undefined);
        return;
      }
      const out = new Map<number, number>();
      for (const list of parseGpuApps(stdout).values()) {
        for (const p of list) if (p.pid != null && p.usedMemBytes != null) out.set(p.pid, (out.get(p.pid) ?? 0) + p.usedMemBytes);
      }
      resolve(out);
    });
  });
}
