import { readFileSync } from 'node:fs';
import os from 'node:os';
import { Piscina } from 'piscina';
import { LifecycleKind, Topic, encodeBatchTransferable } from '../wire/index.js';
import type { Envelope, Lifecycle, ResourceSnapshot } from '../wire/index.js';
import { createProcessSampler } from './process-sampler.js';
import type { ProcessSampler } from './process-sampler.js';
import { createProcessTree } from './process-tree.js';
import type { ProcessTree } from './process-tree.js';
import { createHostSampler } from './host-sampler.js';
import type { HostSampler } from './host-sampler.js';
import { createGpuSampler } from './gpu-sampler.js';
import type { GpuSampler } from './gpu-sampler.js';
import { createPidusageSampler } from './pidusage-sampler.js';
import type { PidusageSampler } from './pidusage-sampler.js';
import { unknownTag } from './protocol.js';
import { createContainerSampler } from '../containers/index.js';
import { addEnvelopeFast, addResourceFast, beginBatchFast, finishBatchFastTransferable } from '../wire/fast-encode.js';
import type { ContainerSampler, ContainerTarget } from '../containers/index.js';
import type { Backend, BatchResult, TickMessage, TickOutcome, TickReply, WorkerConfig, WorkerTask } from './protocol.js';
import type { MessagePort } from 'node:worker_threads';
import { TickTimer, preciseNow } from './tick-timer.js';

// The piscina worker entry. Per-pid state (previous cpu times, the process
// tree, who has exited) lives here, in module scope: the pool has exactly one
// thread, so every tick of a sampler reaches the same state. GPU tasks run on
// the same thread concurrently with ticks (concurrentTasksPerWorker 2): they
// spend their time waiting for nvidia-smi, not on the thread.

interface Alive {
  exitReported: boolean;
  ppid: number;
  command: string;
  component: string;
  /** Named as a root once (e.g. by its Hello): it keeps that name while it lives. */
  rooted: boolean;
  /** The last descendant name built (see descendantName()) and what it was built from. */
  nameRoot: string;
  nameComm: string;
  name: string;
}

interface State {
  backend: Backend;
  proc: ProcessSampler | null;
  pidusage: PidusageSampler | null;
  tree: ProcessTree;
  host: HostSampler | null;
  gpu: GpuSampler | null;
  alive: Map<number, Alive>;
  /** pid → VRAM bytes from the latest GPU reading. */
  gpuMem: Map<number, number>;
  /** pid → GPU utilisation (pmon sm %), from the last GPU reading. */
  gpuUtil: Map<number, number>;
}

let gState: State | null = null;

function pickBackend(config: WorkerConfig): Backend {
  if (config.backend !== 'auto') return config.backend;
  if (process.platform !== 'linux') return 'pidusage';
  try {
    readFileSync(`${config.procRoot}/self/stat`);
    return 'procfs';
  } catch {
    return 'pidusage';
  }
}

function state(config: WorkerConfig): State {
  if (gState !== null) return gState;
  const backend = pickBackend(config);
  gState = {
    backend,
    proc: backend === 'procfs' ? createProcessSampler({ procRoot: config.procRoot, smapsEveryTicks: config.smapsEveryTicks, statusEveryTicks: config.statusEveryTicks }) : null,
    pidusage: backend === 'pidusage' ? createPidusageSampler() : null,
    tree: createProcessTree({ procRoot: config.procRoot }),
    host: config.host ? createHostSampler({ disks: config.disks, procRoot: config.procRoot }) : null,
    gpu: config.gpu === null ? null : createGpuSampler(config.gpu),
    alive: new Map(),
    gpuMem: new Map(),
    gpuUtil: new Map(),
  };
  return gState;
}

/** Splits a waitpid(2) status into an exit code or a signal name. */
function decodeExitStatus(status: number): { exitCode?: number; signal: string } {
  if (status < 0) return { signal: '' };
  const sig = status & 0x7f;
  if (sig === 0) return { exitCode: (status >> 8) & 0xff, signal: '' };
  const name = Object.entries(os.constants.signals).find(([, n]) => n === sig)?.[0];
  return { signal: name ?? `SIG${sig}` };
}

/**
 * The Lifecycle payload as built here. (The wire module's `Lifecycle` type
 * intersects the generated enum with the LifecycleKind literals, which
 * TypeScript reduces to never; the cast below goes around that.)
 */
export interface LifecyclePayload {
  tsMs: number;
  runId: string;
  kind: LifecycleKind;
  pid: number;
  ppid: number;
  command: string;
  component: string;
  signal: string;
  exitCode?: number;
  previousComponent?: string;
}

function lifecycle(
  runId: string, tsMs: number, kind: LifecycleKind, pid: number, a: Alive, extra?: { exitCode?: number; signal?: string; previousComponent?: string },
): Envelope {
  const payload: LifecyclePayload = { tsMs, runId, kind, pid, ppid: a.ppid, command: a.command, component: a.component, signal: extra?.signal ?? '' };
  if (extra?.exitCode !== undefined) payload.exitCode = extra.exitCode;
  if (extra?.previousComponent !== undefined) payload.previousComponent = extra.previousComponent;
  return { topic: Topic.LIFECYCLE, payload: payload as unknown as Lifecycle };
}

function batch(s: State, envelopes: Envelope[], processes: number, exitedRoots: number[], notes: string[]): BatchResult {
  const bytes = encodeBatchTransferable(envelopes);
  return { type: 'batch', bytes, processes, exitedRoots, notes, backend: s.backend };
}

/** Wraps a result so piscina transfers its ArrayBuffer instead of copying. */
function transferable(result: BatchResult): unknown {
  const wrapped = { [Piscina.transferableSymbol]: [result.bytes], [Piscina.valueSymbol]: result };
  return Piscina.move(wrapped as unknown as Parameters<typeof Piscina.move>[0]);
}

/** The roots of the last tick that carried them. */
let gRoots: Map<number, string> | null = null;
// Containers: the targets of the last tick that carried them, and their sampler.
let gContainers: ContainerTarget[] = [];
let gContainerSampler: ContainerSampler | null = null;

/**
 * The tick being written. Its envelopes are encoded as they come (a snapshot
 * is garbage as soon as it is written), so a tick runs without an await from
 * beginBatchFast() to its end, and one tick at a time.
 */
interface TickOut {
  stream: number;
  runId: string;
  tsMs: number;
  processes: number;
  exitedRoots: number[];
  roots: ReadonlyMap<number, string>;
}

function emit(out: TickOut, e: Envelope): void {
  addEnvelopeFast(out.stream, e);
}

function note(s: State, out: TickOut, pid: number, snap: ResourceSnapshot, isNew: boolean, zombie: boolean, exitStatus: number, rooted: boolean): void {
  const gpuMem = s.gpuMem.get(pid);
  if (gpuMem !== undefined) snap.gpuMemBytes = gpuMem;
  const gpuUtil = s.gpuUtil.get(pid);
  if (gpuUtil !== undefined) snap.gpuUtilPercent = gpuUtil;
  addResourceFast(out.stream, snap);
  out.processes++;
  let a = s.alive.get(pid);
  if (a === undefined || isNew) {
    a = { exitReported: false, ppid: snap.ppid ?? 0, command: snap.command ?? '', component: snap.component, rooted, nameRoot: '', nameComm: '', name: '' };
    s.alive.set(pid, a);
    emit(out, lifecycle(out.runId, out.tsMs, LifecycleKind.PROCESS_STARTED, pid, a));
  }
  a.ppid = snap.ppid ?? a.ppid;
  a.command = snap.command ?? a.command;
  if (a.component !== snap.component) {
    // Named anew (its Hello made it a root, or a command changed): the
    // store files its history so far under the new name too.
    const previousComponent = a.component;
    a.component = snap.component;
    emit(out, lifecycle(out.runId, out.tsMs, LifecycleKind.PROCESS_RENAMED, pid, a, { previousComponent }));
  }
  if (rooted) a.rooted = true;
  if (zombie && !a.exitReported) {
    // A zombie has exited; its status waits in /proc/<pid>/stat until the
    // parent reaps it.
    a.exitReported = true;
    emit(out, lifecycle(out.runId, out.tsMs, LifecycleKind.PROCESS_EXITED, pid, a, decodeExitStatus(exitStatus)));
  }
}

function goneOne(s: State, out: TickOut, pid: number): void {
  const a = s.alive.get(pid);
  // Reaped between two ticks by a parent that is not us: the exit status
  // is gone with it, so the event carries none.
  if (a !== undefined && !a.exitReported) emit(out, lifecycle(out.runId, out.tsMs, LifecycleKind.PROCESS_EXITED, pid, a, { signal: '' }));
  s.alive.delete(pid);
  if (out.roots.has(pid)) out.exitedRoots.push(pid);
}

/**
 * A descendant's component: its root's and its own command, unless it was a
 * root once (a client that said Hello, then left). Kept on `a` while both
 * stay the same, rather than joined anew every tick.
 */
function descendantName(a: Alive | undefined, rootComponent: string, comm: string): string {
  if (a === undefined) return `${rootComponent}/${comm}`;
  if (a.rooted) return a.component;
  if (a.nameRoot !== rootComponent || a.nameComm !== comm) {
    a.nameRoot = rootComponent;
    a.nameComm = comm;
    a.name = `${rootComponent}/${comm}`;
  }
  return a.name;
}

/** The pids a tick found gone (reused: a tick runs to its end before the next). */
const gGone: number[] = [];

function sampleTree(s: State, proc: ProcessSampler, out: TickOut): void {
  s.tree.setRoots(out.roots);
  s.tree.scan();
  gGone.length = 0;
  const members = s.tree.members;
  for (const pid of members.keys()) {
    const member = members.get(pid)!;
    const rootComponent = s.tree.rootComponent(member.root) ?? '';
    const r = proc.sample(pid, rootComponent, out.runId, out.tsMs);
    // A reused pid (seen without kept descriptors) is another process,
    // not necessarily a descendant: end the old one, and let the next
    // scan decide about the newcomer.
    if (r.kind === 'gone' || r.replaced) {
      gGone.push(pid);
      continue;
    }
    const rooted = member.root === pid;
    if (!rooted) r.snapshot.component = descendantName(r.isNew ? undefined : s.alive.get(pid), rootComponent, r.stat.comm);
    note(s, out, pid, r.snapshot, r.isNew, r.stat.state === 'Z' || r.stat.state === 'X', r.stat.exitStatus, rooted);
  }
  for (const pid of gGone) {
    proc.forget(pid);
    s.tree.remove(pid);
    goneOne(s, out, pid);
  }
}

async function tick(config: WorkerConfig, tsMs: number): Promise<BatchResult> {
  if (gRoots === null) throw new TypeError('runbus samplers: a tick without roots reached a worker that has none');
  const s = state(config);
  const rootMap = gRoots;
  // pidusage is asynchronous: its reading comes first, the batch after.
  const pu = s.proc === null ? s.pidusage : null;
  const usage = pu === null ? null : await pu.sample(rootMap, config.runId, tsMs);
  const out: TickOut = { stream: beginBatchFast(), runId: config.runId, tsMs, processes: 0, exitedRoots: [], roots: rootMap };

  if (s.proc !== null) {
    sampleTree(s, s.proc, out);
  } else if (pu !== null && usage !== null) {
    const fresh = new Set(usage.fresh);
    for (const snap of usage.snapshots) note(s, out, snap.pid, snap, fresh.has(snap.pid) && !s.alive.has(snap.pid), false, -1, rootMap.has(snap.pid));
    for (const pid of usage.gone) {
      pu.forget(pid);
      goneOne(s, out, pid);
    }
  }

  if (s.host !== null) emit(out, { topic: Topic.HOST, payload: s.host.sample(config.runId, tsMs) });
  // Containers: cgroup reads, beside the /proc reads.
  let unread: string[] = [];
  if (gContainers.length > 0 || gContainerSampler !== null) {
    gContainerSampler ??= createContainerSampler({ procRoot: config.procRoot });
    const c = gContainerSampler.sample(gContainers, config.runId, tsMs);
    for (const snap of c.snapshots) emit(out, { topic: Topic.CONTAINER, payload: snap });
    unread = c.unread;
  }
  const bytes = finishBatchFastTransferable(out.stream);
  const result: BatchResult = { type: 'batch', bytes, processes: out.processes, exitedRoots: out.exitedRoots, notes: [], backend: s.backend };
  if (unread.length > 0) result.unreadContainers = unread;
  return result;
}

async function gpu(config: WorkerConfig, tsMs: number): Promise<BatchResult> {
  const s = state(config);
  const notes: string[] = [];
  const envelopes: Envelope[] = [];
  if (s.gpu !== null) {
    const r = await s.gpu.sample(config.runId, tsMs);
    if (r.note !== undefined) notes.push(r.note);
    s.gpuMem.clear();
    s.gpuUtil = r.utilByPid ?? new Map<number, number>();
    if (r.snapshot !== null) {
      envelopes.push({ topic: Topic.GPU, payload: r.snapshot });
      for (const d of r.snapshot.devices ?? []) {
        for (const p of d.processes ?? []) {
          if (p.pid != null && p.usedMemBytes != null) s.gpuMem.set(p.pid, (s.gpuMem.get(p.pid) ?? 0) + p.usedMemBytes);
        }
      }
    }
  }
  const result = batch(s, envelopes, 0, [], notes);
  if (s.gpu?.enabled !== true) result.gpuOff = true;
  return result;
}

/**
 * The tick channel's worker end (see tick-channel.ts): messages carry the
 * roots and containers when they change, ask for a tick now, or start
 * the timer (tick-timer.ts); each tick is answered with its batch (the
 * bytes moved) or the reason it has none.
 */
function attach(config: WorkerConfig, port: MessagePort): void {
  const timer = new TickTimer<TickOutcome>(
    async () => {
      try {
        return { ok: true, result: await tick(config, Date.now()) };
      } catch (err) {
        return { ok: false, error: String(err) };
      }
    },
    (outcome, meta) => {
      const reply: TickReply = { ...outcome, ...meta, postedAt: preciseNow() };
      port.postMessage(reply, reply.ok ? [reply.result.bytes] : []);
    },
  );
  port.on('message', (m: TickMessage) => {
    if (m.roots !== null) gRoots = new Map(m.roots);
    if (m.containers != null) gContainers = m.containers;
    if (m.driveMs !== undefined) timer.drive(m.driveMs);
    if (m.now !== undefined) timer.now(m.now);
  });
  // The main thread let go of this pool (it is being replaced or closed).
  port.on('close', () => { timer.drive(0); });
}

/** The piscina task handler. */
export default async function handle(task: WorkerTask): Promise<unknown> {
  switch (task.type) {
    case 'attach':
      attach(task.config, task.port);
      return null;
    case 'gpu':
      return transferable(await gpu(task.config, task.tsMs));
    default:
      return unknownTag('task', task);
  }
}
