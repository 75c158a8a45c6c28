// Orphaned processes, derived from RESOURCE and LIFECYCLE: a process of the
// run is orphaned when its parent went away while it lives on — its ppid
// changed since it was first seen (the kernel reparented it to init or a
// subreaper), or its parent is a process of the run that has exited.

import { LifecycleKind } from '../wire/index.js';
import type { Lifecycle, ResourceSnapshot } from '../wire/index.js';

interface Proc {
  firstPpid: number;
  ppid: number;
  component: string;
  lastSeenMs: number;
}

interface RunProcs {
  procs: Map<number, Proc>;
  /** Pids of the run that exited (bounded: oldest forgotten first). */
  exited: Set<number>;
  orphans: number;
}

const kMaxExitedRemembered = 10_000;

/** Per-run count of orphaned processes. */
export class OrphanTracker {
  readonly #runs = new Map<string, RunProcs>();
  readonly #maxProcs: number;

  constructor(maxProcsPerRun = 100_000) {
    this.#maxProcs = maxProcsPerRun;
  }

  #run(runId: string): RunProcs {
    let r = this.#runs.get(runId);
    if (r === undefined) {
      r = { procs: new Map(), exited: new Set(), orphans: 0 };
      this.#runs.set(runId, r);
    }
    return r;
  }

  #isOrphan(r: RunProcs, p: Proc): boolean {
    return p.ppid !== p.firstPpid || r.exited.has(p.ppid);
  }

  #recount(r: RunProcs): void {
    let n = 0;
    for (const p of r.procs.values()) if (this.#isOrphan(r, p)) n++;
    r.orphans = n;
  }

  /** Returns the run's orphan count if it changed, else undefined. */
  resource(s: ResourceSnapshot, nowMs: number): number | undefined {
    const r = this.#run(s.runId);
    const before = r.orphans;
    const ppid = s.ppid ?? 0;
    let p = r.procs.get(s.pid);
    if (p === undefined) {
      if (r.procs.size >= this.#maxProcs) return undefined;
      r.exited.delete(s.pid); // a reused pid
      p = { firstPpid: ppid, ppid, component: s.component, lastSeenMs: nowMs };
      r.procs.set(s.pid, p);
      if (this.#isOrphan(r, p)) r.orphans++;
    } else {
      const was = this.#isOrphan(r, p);
      p.ppid = ppid === 0 ? p.ppid : ppid;
      p.lastSeenMs = nowMs;
      const now = this.#isOrphan(r, p);
      if (was !== now) r.orphans += now ? 1 : -1;
    }
    return r.orphans === before ? undefined : r.orphans;
  }

  /** Returns the run's orphan count if it changed, else undefined. */
  lifecycle(e: Lifecycle): number | undefined {
    if (e.kind === LifecycleKind.RUN_ENDED) {
      const had = this.#runs.get(e.runId)?.orphans ?? 0;
      this.#runs.delete(e.runId);
      return had === 0 ? undefined : 0;
    }
    if (e.kind !== LifecycleKind.PROCESS_EXITED || !e.pid) return undefined;
    const r = this.#runs.get(e.runId);
    if (r === undefined) return undefined;
    const before = r.orphans;
    r.procs.delete(e.pid);
    r.exited.add(e.pid);
    if (r.exited.size > kMaxExitedRemembered) r.exited.delete(r.exited.values().next().value!);
    this.#recount(r);
    return r.orphans === before ? undefined : r.orphans;
  }

  /** Forgets processes not seen since `beforeMs`; returns runs whose count changed. */
  expire(beforeMs: number): [runId: string, count: number][] {
    const changed: [string, number][] = [];
    for (const [runId, r] of this.#runs) {
      let removed = false;
      for (const [pid, p] of r.procs) {
        if (p.lastSeenMs < beforeMs) {
          r.procs.delete(pid);
          removed = true;
        }
      }
      if (!removed) continue;
      const before = r.orphans;
      this.#recount(r);
      if (r.orphans !== before) changed.push([runId, r.orphans]);
      if (r.procs.size === 0) this.#runs.delete(runId);
    }
    return changed;
  }

  count(runId: string): number {
    return this.#runs.get(runId)?.orphans ?? 0;
  }

  runs(): [runId: string, count: number][] {
    return [...this.#runs].map(([id, r]) => [id, r.orphans]);
  }
}
