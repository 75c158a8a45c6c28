import { readdirSync } from 'node:fs';
import { ProcFiles, newStatFields, parseStat } from './proc-files.js';

// Finding descendants by a ppid scan of /proc. (The per-task `children` files
// need CONFIG_PROC_CHILDREN, which many kernels lack, and cost one read per
// thread.) The scan lists /proc and reads the stat of a pid only the first
// time it is seen. It lists /proc only when a process was created since the
// last listing: the last field of /proc/loadavg is the pid most recently
// handed out (in this pid namespace), so a tick on a machine that started
// nothing costs one small read instead of a listing of every host pid. Every
// kFullScanEveryTicks scans list /proc anyway (and forget pids that went).
//
//   /proc listing ──► known: pid → ppid (every host pid, stat read once)
//                         │ new pids whose parent is a member
//                         ▼
//   roots ──────────► members: pid → root pid   (sampled each tick)
//
// Membership is sticky: a descendant stays a member when its parent exits
// and it is reparented (a daemonised grandchild still belongs to the run)
// until it exits itself or its root is untracked.

export interface TreeMember {
  /** The tracked root this process belongs to (itself for a root). */
  root: number;
}

export interface ProcessTree {
  /** Makes the tracked roots exactly `roots` (pid → component). */
  setRoots(roots: ReadonlyMap<number, string>): void;
  /** Adds the descendants of every member that appeared since the last scan. */
  scan(): void;
  /** pid → member, roots included. */
  readonly members: ReadonlyMap<number, TreeMember>;
  /** Component of a root, or undefined. */
  rootComponent(pid: number): string | undefined;
  /** Removes a process that has gone (a root included). */
  remove(pid: number): void;
}

/** Scans between two listings of /proc made whether or not a pid was handed out. */
const kFullScanEveryTicks = 30;

interface Known {
  ppid: number;
  gen: number;
}

export function createProcessTree(options: { procRoot?: string } = {}): ProcessTree {
  const procRoot = options.procRoot ?? '/proc';
  const files = new ProcFiles();
  const stat = newStatFields();
  const roots = new Map<number, string>();
  const members = new Map<number, TreeMember>();
  const known = new Map<number, Known>();
  let gen = 0;
  let rootsChanged = false;
  /** The last pid handed out at the last listing; -1 unknown. */
  let lastPid = -1;
  let sinceListing = 0;

  /** The most recently handed-out pid (/proc/loadavg's last field), or -1. */
  function latestPid(): number {
    if (files.tryRead(`${procRoot}/loadavg`) !== null) return -1;
    const b = files.buf;
    let i = files.len;
    while (i > 0 && (b[i - 1] === 0x0a || b[i - 1] === 0x20)) i--;
    let start = i;
    while (start > 0 && b[start - 1]! >= 0x30 && b[start - 1]! <= 0x39) start--;
    return start < i && start > 0 && b[start - 1] === 0x20 ? files.uintAt(start) : -1;
  }

  function attach(candidates: Iterable<number>): void {
    // Parents may be candidates themselves (a child and grandchild born in
    // the same interval), so repeat until nothing changes.
    let pending = [...candidates].filter((p) => !members.has(p));
    for (let changed = true; changed && pending.length > 0; ) {
      changed = false;
      const rest: number[] = [];
      for (const pid of pending) {
        const parent = members.get(known.get(pid)?.ppid ?? 0);
        if (parent !== undefined) {
          members.set(pid, { root: parent.root });
          changed = true;
        } else {
          rest.push(pid);
        }
      }
      pending = rest;
    }
  }

  return {
    members,
    setRoots(next) {
      for (const [pid, component] of next) {
        if (roots.get(pid) !== component) {
          roots.set(pid, component);
          members.set(pid, { root: pid });
          rootsChanged = true;
        }
      }
      for (const pid of [...roots.keys()]) {
        if (next.has(pid)) continue;
        roots.delete(pid);
        for (const [m, info] of members) if (info.root === pid) members.delete(m);
      }
    },
    scan() {
      if (roots.size === 0) return;
      const latest = latestPid();
      if (!rootsChanged && latest >= 0 && latest === lastPid && ++sinceListing < kFullScanEveryTicks) return;
      lastPid = latest;
      sinceListing = 0;
      gen++;
      const fresh: number[] = [];
      let names: string[];
      try {
        names = readdirSync(procRoot);
      } catch {
        return;
      }
      for (const name of names) {
        const c = name.charCodeAt(0);
        if (c < 0x30 || c > 0x39) continue;
        const pid = Number(name);
        const k = known.get(pid);
        if (k !== undefined) {
          k.gen = gen;
          continue;
        }
        if (files.tryRead(`${procRoot}/${name}/stat`) !== null || !parseStat(files, stat)) continue;
        known.set(pid, { ppid: stat.ppid, gen });
        fresh.push(pid);
      }
      for (const [pid, k] of known) if (k.gen !== gen) known.delete(pid);
      if (rootsChanged) {
        // A newly tracked root may already have children: look at everyone.
        rootsChanged = false;
        attach(known.keys());
      } else if (fresh.length > 0) {
        attach(fresh);
      }
    },
    rootComponent(pid) {
      return roots.get(pid);
    },
    remove(pid) {
      // A root that has gone stops being tracked; the caller hears of it
      // through the tick result and drops it too.
      roots.delete(pid);
      members.delete(pid);
      known.delete(pid);
    },
  };
}
