import { readdirSync, readFileSync } from 'node:fs';

// Orphans: descendants of the command still running after it exits.
//
// Once the command has exited its children are reparented (to init or a
// subreaper) and the ppid chain that led to the command is gone. Two clues
// survive, and either one is enough:
//
//   1. a marker in the environment: the command is spawned with
//      RUNBUS_PARENT_RUN=<run id>/<runbus pid>, which every descendant
//      inherits unless it clears its environment (Jenkins finds a build's
//      leftovers the same way); /proc/<pid>/environ is the environment at
//      exec, readable for our own processes;
//   2. the descendants the sampler reported (RESOURCE snapshots under the
//      command's component), if still alive and started after the command
//      (a pid reused by an older process cannot qualify).
//
// Identity: a pid is only signalled while /proc/<pid>/stat shows the same
// start time as when it was found.

/** The environment variable that marks the command's process tree. */
export const kMarkerEnv = 'RUNBUS_PARENT_RUN';

export interface ProcStat {
  pid: number;
  comm: string;
  state: string;
  ppid: number;
  /** Start time in clock ticks since boot (field 22). */
  startTicks: number;
}

/** Reads /proc/<pid>/stat, or undefined when the process does not exist. */
export function readProcStat(pid: number, procRoot = '/proc'): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`${procRoot}/${pid}/stat`, 'latin1');
  } catch {
    return undefined;
  }
  // comm may contain spaces and parentheses: it ends at the last ')'.
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  const rest = text.slice(close + 2).split(' ');
  // rest[0] is field 3 (state); field 22 (starttime) is rest[19].
  const startTicks = Number(rest[19]);
  if (!Number.isFinite(startTicks)) return undefined;
  return { pid, comm: text.slice(open + 1, close), state: rest[0] ?? '', ppid: Number(rest[1]), startTicks };
}

/** True when the process (still) exists as the same process and is not a zombie. */
export function alive(p: ProcStat, procRoot = '/proc'): boolean {
  const now = readProcStat(p.pid, procRoot);
  return now !== undefined && now.startTicks === p.startTicks && now.state !== 'Z' && now.state !== 'X';
}

function environHas(pid: number, entry: Buffer, procRoot: string): boolean {
  let env: Buffer;
  try {
    env = readFileSync(`${procRoot}/${pid}/environ`);
  } catch {
    return false;
  }
  for (let at = env.indexOf(entry); at >= 0; at = env.indexOf(entry, at + 1)) {
    if (at === 0 || env[at - 1] === 0) return true;
  }
  return false;
}

export interface FindOrphansOptions {
  /** Value of RUNBUS_PARENT_RUN given to the command. */
  marker: string;
  /** Pids the sampler saw in the command's tree. */
  seen: Iterable<number>;
  /** Pids that are not orphans (runbus itself, the command). */
  exclude: ReadonlySet<number>;
  /** Start time (clock ticks since boot) of the command: orphans started no earlier. */
  notBeforeTicks: number;
  procRoot?: string;
}

/** Scans /proc for the command's surviving descendants. Linux only: elsewhere, none are found. */
export function findOrphans(o: FindOrphansOptions): ProcStat[] {
  const procRoot = o.procRoot ?? '/proc';
  let names: string[];
  try {
    names = readdirSync(procRoot);
  } catch {
    return [];
  }
  const entry = Buffer.from(`${kMarkerEnv}=${o.marker}\0`);
  const seen = new Set(o.seen);
  const found: ProcStat[] = [];
  for (const name of names) {
    const c = name.charCodeAt(0);
    if (c < 48 || c > 57) continue;
    const pid = Number(name);
    if (o.exclude.has(pid)) continue;
    const st = readProcStat(pid, procRoot);
    if (st === undefined || st.state === 'Z' || st.state === 'X' || st.startTicks < o.notBeforeTicks) continue;
    if (environHas(pid, entry, procRoot) || seen.has(pid)) found.push(st);
  }
  return found.sort((a, b) => a.pid - b.pid);
}

function signal(p: ProcStat, sig: NodeJS.Signals, procRoot: string): boolean {
  if (!alive(p, procRoot)) return false;
  try {
    process.kill(p.pid, sig);
    return true;
  } catch {
    return false;
  }
}

async function waitGone(list: readonly ProcStat[], ms: number, procRoot: string): Promise<ProcStat[]> {
  const end = Date.now() + ms;
  let left = list.filter((p) => alive(p, procRoot));
  while (left.length > 0 && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 25));
    left = left.filter((p) => alive(p, procRoot));
  }
  return left;
}

/** What happened to each orphan. */
export type OrphanFate = 'left running' | 'exited' | 'terminated (SIGTERM)' | 'killed (SIGKILL)' | 'survived SIGKILL';

/** SIGTERM, up to `graceMs` to exit, then SIGKILL; returns each orphan's fate. */
export async function killOrphans(list: readonly ProcStat[], graceMs: number, procRoot = '/proc'): Promise<Map<number, OrphanFate>> {
  const fate = new Map<number, OrphanFate>();
  const termed: ProcStat[] = [];
  for (const p of list) {
    if (signal(p, 'SIGTERM', procRoot)) termed.push(p);
    else fate.set(p.pid, 'exited');
  }
  const stubborn = await waitGone(termed, graceMs, procRoot);
  for (const p of termed) if (!stubborn.includes(p)) fate.set(p.pid, 'terminated (SIGTERM)');
  for (const p of stubborn) signal(p, 'SIGKILL', procRoot);
  const survivors = await waitGone(stubborn, 1000, procRoot);
  for (const p of stubborn) fate.set(p.pid, survivors.includes(p) ? 'survived SIGKILL' : 'killed (SIGKILL)');
  return fate;
}
