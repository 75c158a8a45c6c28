import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import { ChildrenFiles } from './children-files.js';
import { ProcFiles, newStatFields, parseStat } from './proc-files.js';

// Finding descendants by a ppid scan of /proc. (The per-task `children` files
// need CONFIG_PROC_CHILDREN, which many kernels lack, and cost one read per
// thread: they serve only on a busy machine, below.) A scan reads the stat
// of a pid only the first time it sees it, and lists /proc only now and
// then. Pids are handed out in increasing order
// until they wrap, and the last field of /proc/loadavg is the pid most
// recently handed out (in this pid namespace): every pid born since the last
// scan lies between the two readings. When that range is short, the scan
// reads the status of each pid in it (a thread's id is skipped: its Tgid is
// another pid) instead of listing every host pid; a machine that started
// nothing costs one small read. When the range is longer than a few pids
// per member (a neighbour starting processes all the time: most of the
// range has gone again, and each probe is a failed lookup), the members'
// children files are read instead, where the kernel has them
// (children-files.ts). /proc is listed when the range is long, the
// pids wrapped, roots changed, loadavg cannot be read (or procRoot is not of
// this process's pid namespace), or
// kListEveryScans scans went by without a listing (which also forgets pids
// that went).
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

/** Scans between two listings of /proc made whatever loadavg says. */
const kListEveryScans = 30;
/** Pids handed out since the last scan above which /proc is listed instead of probed. */
const kMaxProbes = 256;
/**
 * Past kMinChildrenRange + this many pids per member handed out since the
 * last scan, the members' children files (children-files.ts) are read
 * instead of probing the pids: a member's files cost about as much as
 * probing four pids.
 */
const kProbesPerMember = 4;
const kMinChildrenRange = 16;
const kTgid = Buffer.from('\nTgid:', 'latin1');
const kPpid = Buffer.from('\nPPid:', 'latin1');

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
  /** The last pid handed out at the last scan; -1 unknown. */
  let lastPid = -1;
  let sinceListing = 0;

  /**
   * Learns the members' new children from their children files, and theirs
   * in turn; false when a member's files would hold too many descriptors
   * (probe or list instead: what was found stays found).
   */
  function viaChildren(c: ChildrenFiles): boolean {
    let queue = [...members.keys()];
    while (queue.length > 0) {
      const next: number[] = [];
      for (const parent of queue) {
        const m = members.get(parent);
        if (m === undefined) continue;
        const r = c.read(parent, (pid) => {
          if (members.has(pid)) return;
          members.set(pid, { root: m.root });
          known.set(pid, { ppid: parent, gen });
          next.push(pid);
        });
        if (r === 'full') return false;
      }
      queue = next;
    }
    c.prune(members);
    return true;
  }

  /** Learns the pids handed out after lastPid up to `latest`; false: list /proc instead. */
  function probe(latest: number): boolean {
    if (latest < lastPid || latest - lastPid > kMaxProbes) return false;
    const fresh: number[] = [];
    for (let pid = lastPid + 1; pid <= latest; pid++) {
      // On a busy machine most pids of the range have gone already (short
      // commands started elsewhere). A failed open throws, and building the
      // exception costs several times the lookup (~10 µs against ~3 µs for
      // existsSync, which does not throw): ask first.
      if (known.has(pid) || !existsSync(`${procRoot}/${pid}`) || files.tryRead(`${procRoot}/${pid}/status`) !== null) continue;
      // A thread's id: its own /proc entry is hidden from listings, and it is no process.
      if (files.keyed(kTgid) !== pid) continue;
      const ppid = files.keyed(kPpid);
      if (ppid < 0) continue;
      known.set(pid, { ppid, gen });
      fresh.push(pid);
    }
    if (fresh.length > 0) attach(fresh);
    return true;
  }

  // loadavg counts in the pid namespace of its reader: it is of use only when
  // procRoot is a mount of that namespace (its `self` is this process).
  let sameNamespace = false;
  try {
    sameNamespace = readlinkSync(`${procRoot}/self`) === String(process.pid);
  } catch {
    // A fake or foreign tree: list it every time.
  }
  // Only where the kernel has the children files and procRoot is this pid namespace's.
  const children = sameNamespace && ChildrenFiles.available(procRoot) ? new ChildrenFiles(procRoot) : undefined;

  /** The most recently handed-out pid (/proc/loadavg's last field), or -1. */
  function latestPid(): number {
    if (!sameNamespace || files.tryRead(`${procRoot}/loadavg`) !== null) return -1;
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
      // Every pid of `next` is a root now: any other root makes `roots` larger.
      if (roots.size === next.size) return;
      for (const pid of [...roots.keys()]) {
        if (next.has(pid)) continue;
        roots.delete(pid);
        for (const [m, info] of members) if (info.root === pid) members.delete(m);
        // Those that descend from another root are found again by the next scan.
        rootsChanged = true;
      }
    },
    scan() {
      if (roots.size === 0) return;
      const latest = latestPid();
      if (!rootsChanged && latest >= 0 && lastPid >= 0 && ++sinceListing < kListEveryScans) {
        const busy = latest >= lastPid && latest - lastPid > kMinChildrenRange + kProbesPerMember * members.size;
        if ((busy && children !== undefined && viaChildren(children)) || probe(latest)) {
          lastPid = latest;
          return;
        }
      }
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
      children?.forget(pid);
    },
  };
}
