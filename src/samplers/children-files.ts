import { existsSync, fstatSync, openSync, readdirSync } from 'node:fs';
import { ProcFiles, closeQuietly } from './proc-files.js';

// The children of a few processes, from /proc/<pid>/task/<tid>/children
// (CONFIG_PROC_CHILDREN): each thread's file lists the processes that
// thread forked, so a process's children are the union over its threads.
// The process tree reads them instead of probing every pid handed out
// since its last scan when a neighbour starts processes all the time: the
// cost then grows with the members, not with the machine's churn. At one
// read a second, probing 150 pids that have gone cost ~0.04 % of a core;
// re-reading 20 kept children files ~0.008 %.
//
// Each member keeps its task directory open; fstat() of it gives the
// thread count (nlink − 2), and the directory is listed again, with a
// children file opened per thread, only when that count changed (or a
// thread's file could not be read). A thread that replaced another between
// two reads, the count the same, is not seen until then: the tree's
// periodic listing of /proc still finds what it forked.

/** Children files (plus one task directory a process) kept open at most. */
export const kMaxChildrenFds = 256;

interface Kept {
  taskFd: number;
  /** nlink of the task directory when its threads were listed; -1: list again. */
  nlink: number;
  fds: number[];
}

export class ChildrenFiles {
  readonly #procRoot: string;
  readonly #files = new ProcFiles();
  readonly #byPid = new Map<number, Kept>();
  readonly #maxFds: number;
  #open = 0;

  constructor(procRoot: string, maxFds = kMaxChildrenFds) {
    this.#procRoot = procRoot;
    this.#maxFds = maxFds;
  }

  /** Whether this kernel has the children files (looked up on this process's main thread). */
  static available(procRoot: string): boolean {
    return existsSync(`${procRoot}/${process.pid}/task/${process.pid}/children`);
  }

  /**
   * Calls `found` for each child of `pid` (any of its threads'). Returns
   * 'gone' when the process cannot be read, 'full' when its files would
   * pass `maxFds` (nothing read), else 'read'.
   */
  read(pid: number, found: (child: number) => void): 'read' | 'gone' | 'full' {
    let k = this.#byPid.get(pid);
    if (k === undefined) {
      if (this.#open + 2 > this.#maxFds) return 'full';
      try {
        k = { taskFd: openSync(`${this.#procRoot}/${pid}/task`, 'r'), nlink: -1, fds: [] };
      } catch {
        return 'gone';
      }
      this.#open++;
      this.#byPid.set(pid, k);
    }
    let nlink: number;
    try {
      nlink = fstatSync(k.taskFd).nlink;
    } catch {
      this.forget(pid);
      return 'gone';
    }
    if (nlink !== k.nlink) {
      const listed = this.#list(pid, k);
      if (listed !== 'read') return listed;
      k.nlink = nlink;
    }
    const f = this.#files;
    for (const fd of k.fds) {
      try {
        f.pread(fd);
      } catch {
        // A thread that has gone: list the threads again next time.
        k.nlink = -1;
        continue;
      }
      for (let pos = 0; pos < f.len; pos = f.end) {
        const child = f.uintAt(pos);
        if (child < 0) break;
        found(child);
      }
    }
    return 'read';
  }

  /** Closes the children files of `k`'s threads. */
  #closeThreads(k: Kept): void {
    for (const fd of k.fds) closeQuietly(fd);
    this.#open -= k.fds.length;
    k.fds = [];
  }

  #list(pid: number, k: Kept): 'read' | 'gone' | 'full' {
    this.#closeThreads(k);
    let tids: string[];
    try {
      tids = readdirSync(`${this.#procRoot}/${pid}/task`);
    } catch {
      this.forget(pid);
      return 'gone';
    }
    if (this.#open + tids.length > this.#maxFds) return 'full';
    for (const tid of tids) {
      try {
        k.fds.push(openSync(`${this.#procRoot}/${pid}/task/${tid}/children`, 'r'));
      } catch {
        // That thread has just gone.
      }
    }
    this.#open += k.fds.length;
    return 'read';
  }

  /** Closes the files of `pid`. */
  forget(pid: number): void {
    const k = this.#byPid.get(pid);
    if (k === undefined) return;
    this.#closeThreads(k);
    closeQuietly(k.taskFd);
    this.#open--;
    this.#byPid.delete(pid);
  }

  /** Closes the files of every process not in `keep`. */
  prune(keep: ReadonlyMap<number, unknown>): void {
    for (const pid of [...this.#byPid.keys()]) if (!keep.has(pid)) this.forget(pid);
  }

  /** Descriptors held (for tests). */
  get openFiles(): number {
    return this.#open;
  }
}
