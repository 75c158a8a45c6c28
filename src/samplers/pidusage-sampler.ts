import { performance } from 'node:perf_hooks';
import pidusage from 'pidusage';
import type { ResourceSnapshot } from '../wire/index.js';

// The fallback where /proc cannot be read (macOS, Windows, a locked-down
// container): pidusage gives cpu time and rss (it runs `ps` or wmic there).
// cpu % is worked out here from pidusage's cumulative cpu time, so it means
// the same as on the fast path: 100 = one core, absent on a first sample.
// Only the tracked roots are sampled; descendants need a process listing.

/** ResourceSnapshot fields (wire names) this sampler produces. */
export const kPidusageFigures = ['cpu_percent', 'rss_bytes', 'ppid'] as const;

interface Prev {
  ctimeMs: number;
  atMs: number;
  elapsedMs: number;
}

export interface PidusageSampler {
  /** Snapshots of the pids that exist, and the pids that do not. Never rejects. */
  sample(targets: ReadonlyMap<number, string>, runId: string, tsMs: number): Promise<{ snapshots: ResourceSnapshot[]; gone: number[]; fresh: number[] }>;
  forget(pid: number): void;
}

export function createPidusageSampler(): PidusageSampler {
  const prev = new Map<number, Prev>();
  return {
    async sample(targets, runId, tsMs) {
      const snapshots: ResourceSnapshot[] = [];
      const gone: number[] = [];
      const fresh: number[] = [];
      await Promise.all(
        [...targets].map(async ([pid, component]) => {
          let st: pidusage.Status;
          try {
            st = await pidusage(pid);
          } catch {
            gone.push(pid);
            prev.delete(pid);
            return;
          }
          const atMs = performance.now();
          const snap: ResourceSnapshot = { tsMs, runId, component, pid, ppid: st.ppid, rssBytes: st.memory, errors: [] };
          const p = prev.get(pid);
          // elapsed going backwards means a new process took the pid.
          if (p !== undefined && st.elapsed >= p.elapsedMs && st.ctime >= p.ctimeMs && atMs > p.atMs) {
            snap.cpuPercent = ((st.ctime - p.ctimeMs) / (atMs - p.atMs)) * 100;
          } else {
            fresh.push(pid);
          }
          prev.set(pid, { ctimeMs: st.ctime, atMs, elapsedMs: st.elapsed });
          snapshots.push(snap);
        }),
      );
      return { snapshots, gone, fresh };
    },
    forget(pid) {
      prev.delete(pid);
      pidusage.clear();
    },
  };
}
