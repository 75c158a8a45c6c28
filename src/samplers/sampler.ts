import { fileURLToPath } from 'node:url';
import { EventEmitter } from 'eventemitter3';
import { Piscina } from 'piscina';
import { Topic } from '../wire/index.js';
import { decodeBatchKeepingBytes } from '../wire/codec.js';
import { KeptSnapshot } from '../wire/kept-snapshot.js';
import { ExitNotes } from './exit-notes.js';
import type { ExitInfo } from './exit-notes.js';
import type { LifecyclePayload } from './worker.js';
import type { Envelope, TopicPayloads } from '../wire/index.js';
import { RunbusError } from '../errors.js';
import { checkRoot, resolveSamplerOptions } from './options.js';
import type { ResolvedSamplerOptions, SamplerOptions } from './options.js';
import { unknownTag } from './protocol.js';
import type { Backend, TickMessage, WorkerConfig, WorkerResult, WorkerTask } from './protocol.js';
import { TickChannel, minTaskDeadlineMs, runWithDeadline } from './tick-channel.js';
import { fillLoopFigures } from '../bus/index.js';
import type { LoopFigures } from '../bus/index.js';
import type { ContainerTarget } from '../containers/index.js';

// The main-thread scheduler. It does no sampling: every `intervalMs` it sends
// one task to the pool and publishes the envelopes of the batch that comes
// back. A tick that is due while the previous one still runs is skipped and
// counted, never queued, so a slow machine sees fewer ticks rather than a
// growing backlog. Timers are unref'd: a sampler never keeps a process alive.
//
//   timer ─► #tick() ─► tick channel (tick-channel.ts) ─► ArrayBuffer (moved)
//                                                  └► decodeBatchKeepingBytes ─► bus.publish × n
//
// A RESOURCE payload keeps its bytes in that ArrayBuffer, and the batcher
// copies them to the store rather than encoding it again; #fillLoop, the one
// place that changes such a payload, drops them first. (LIFECYCLE payloads,
// which #exits.fill completes, are decoded by protobufjs and keep nothing.)

export interface SamplerStats {
  /** Ticks completed (successfully or not). */
  readonly ticks: number;
  /** Ticks skipped because the previous one was still running. */
  readonly skipped: number;
  /** Wall time of the last tick, scheduler to published, in ms. */
  readonly lastTickMs: number;
  /** Processes sampled in the last tick. */
  readonly processes: number;
  /** Errors reported through 'error'. */
  readonly errors: number;
  /** GPU readings completed. */
  readonly gpuTicks: number;
  /** Process sampler the worker uses ('procfs' or 'pidusage'); '' before the first tick. */
  readonly backend: Backend | '';
}

export interface SamplerEvents {
  /** A tick or GPU reading failed; sampling goes on. */
  error: [err: RunbusError];
}

/** Code of errors reported through the 'error' event. */
export type SamplerErrorCode = 'ERR_SAMPLER_TICK' | 'ERR_SAMPLER_DECODE' | 'ERR_SAMPLER_POOL' | 'ERR_SAMPLER_HOOK';

export interface Sampler {
  /** Starts ticking (the first tick and GPU reading run at once). Idempotent. */
  start(): void;
  /** Samples `pid` and its descendants from the next tick on, tagged `component`. */
  track(pid: number, component: string): void;
  /** Stops sampling `pid` and the descendants found through it. */
  untrack(pid: number): void;
  /**
   * Records how a tracked process ended, for the PROCESS_EXITED event: /proc
   * loses the exit status of a process reaped by someone else.
   */
  noteExit(pid: number, exit: ExitInfo): void;
  /**
   * Records a process's own event-loop figures (measured in that process:
   * by the hub for itself, or sent by a remote bus). They go into the next
   * ResourceSnapshot of that pid, if no older than two intervals.
   */
  noteLoop(pid: number, loop: LoopFigures): void;
  /**
   * Runs `fn` on this thread at each scheduled tick, just before sampling,
   * so per-interval work needs no timer (and no wake-up) of its own. A
   * throwing `fn` is reported through 'error'. Returns its remover.
   */
  onTick(fn: () => void): () => void;
  /**
   * Runs `fn` on this thread once a tick's envelopes have all been
   * published (in the same turn, after the publish calls: subscribers'
   * queues drain in the microtasks that follow); also after a task that
   * failed or was skipped, so that a caller waiting for the end of the
   * tick is never left waiting. A throwing `fn` is reported through
   * 'error'. Returns its remover.
   */
  onPublished(fn: () => void): () => void;
  /**
   * Containers: the running containers to read from their cgroups each tick
   * (in the worker). Replaces the previous list.
   */
  setContainers(targets: readonly ContainerTarget[]): void;
  /**
   * Containers: `fn` gets, after each tick, the ids whose cgroup files could
   * not be read. Returns its remover.
   */
  onUnreadContainers(fn: (ids: string[]) => void): () => void;
  /** Runs one tick now (or joins the one running). Never rejects. */
  tickNow(): Promise<void>;
  /** Runs one GPU reading now (or joins the one running). Never rejects. */
  gpuNow(): Promise<void>;
  stats(): SamplerStats;
  /** Stops the timers, waits for running tasks, closes the pool. Idempotent. */
  close(): Promise<void>;
  on(event: 'error', fn: (err: RunbusError) => void): this;
  off(event: 'error', fn: (err: RunbusError) => void): this;
}

let gWorkerFileOverride: string | null = null;

/**
 * Points pools created from now on at another worker file (null: the real
 * one). For tests that need a worker that fails; not exported from index.ts.
 */
export function setWorkerFileForTests(filename: string | null): void {
  gWorkerFileOverride = filename;
}

/**
 * Where the compiled worker is. From dist/ it sits beside this file; when
 * this module runs from source (vitest, tsx) the worker still has to be the
 * compiled one, since a worker thread does not get the TypeScript loader.
 */
function workerFilename(): string {
  if (gWorkerFileOverride !== null) return gWorkerFileOverride;
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    return here.replace(/([\\/])src([\\/]samplers[\\/])sampler\.ts$/, '$1dist$2worker.js');
  }
  return fileURLToPath(new URL('./worker.js', import.meta.url));
}

class SamplerImpl implements Sampler {
  readonly #opts: ResolvedSamplerOptions;
  readonly #config: WorkerConfig;
  #pool: Piscina<WorkerTask, WorkerResult>;
  #poolBroken = false;
  #poolStartedAt = 0;
  readonly #events = new EventEmitter<SamplerEvents>();
  readonly #roots = new Map<number, string>();
  /** Bumped whenever #roots changes. */
  #rootsVersion = 0;
  /** Which pool last received the roots, and which version of them. */
  #rootsSent: { pool: Piscina<WorkerTask, WorkerResult>; version: number } | null = null;
  /** The ticks' channel to the worker of which pool. */
  #channel: { pool: Piscina<WorkerTask, WorkerResult>; ch: TickChannel } | null = null;
  readonly #exits = new ExitNotes();
  readonly #loops = new Map<number, LoopFigures & { atMs: number }>();
  readonly #onTick = new Set<() => void>();
  readonly #onPublished = new Set<() => void>();
  // Containers: targets, a version like the roots', and who hears of unread ones.
  #containers: ContainerTarget[] = [];
  #containersVersion = 0;
  #containersSent: { pool: Piscina<WorkerTask, WorkerResult>; version: number } | null = null;
  readonly #onUnread = new Set<(ids: string[]) => void>();
  #timer: NodeJS.Timeout | null = null;
  #gpuTimer: NodeJS.Timeout | null = null;
  #tickRun: Promise<void> | null = null;
  #gpuRun: Promise<void> | null = null;
  #gpuOff = false;
  #closing: Promise<void> | null = null;
  #ticks = 0;
  #skipped = 0;
  #lastTickMs = 0;
  #processes = 0;
  #errors = 0;
  #gpuTicks = 0;
  #backend: Backend | '' = '';
  #loggedUnhandled = false;

  constructor(options: SamplerOptions) {
    this.#opts = resolveSamplerOptions(options);
    const o = this.#opts;
    for (const r of o.roots) this.#roots.set(r.pid, r.component);
    this.#config = {
      runId: o.runId,
      host: o.host,
      disks: o.disks,
      smapsEveryTicks: o.smapsEveryTicks,
      statusEveryTicks: o.statusEveryTicks,
      backend: o.backend,
      procRoot: '/proc',
      gpu: o.gpu === null ? null : { command: o.gpu.command, timeoutMs: o.gpu.timeoutMs },
    };
    this.#pool = this.#makePool();
  }

  #makePool(): Piscina<WorkerTask, WorkerResult> {
    // One thread, always: per-pid state lives in the worker, and every tick
    // must reach the same state. Two concurrent tasks let a GPU reading (time
    // spent waiting for nvidia-smi) overlap a tick.
    this.#poolStartedAt = performance.now();
    const pool = new Piscina<WorkerTask, WorkerResult>({
      filename: workerFilename(),
      minThreads: 1,
      maxThreads: 1,
      concurrentTasksPerWorker: 2,
      idleTimeout: Infinity,
      name: 'default',
      // The process sampler keeps /proc descriptors open between ticks; the
      // worker's exit closes them even if it dies mid-tick.
      trackUnmanagedFds: true,
      // The worker waits on its event loop, not in Atomics.wait(): the
      // ticks come on a port of their own (tick-channel.ts).
      atomics: 'disabled',
    });
    // A worker that fails outside a task (it cannot load, it crashes) is
    // reported, never thrown: piscina emits 'error' on the pool. Such a pool
    // accepts tasks and never runs them, so it is replaced before the next
    // task (the new worker starts with no per-pid state: cpu % is absent
    // once for every process).
    pool.on('error', (err: unknown) => {
      // A late event from a pool already replaced says nothing of the new one.
      if (pool === this.#pool) this.#poolBroken = true;
      this.#report(new RunbusError('ERR_SAMPLER_POOL', `runbus sampler: pool worker failed: ${String(err)}`, { cause: err }));
    });
    // An idle pool thread must not keep the host process alive either.
    for (const t of pool.threads) t.unref();
    return pool;
  }

  start(): void {
    if (this.#closing !== null || this.#timer !== null) return;
    this.#timer = setInterval(() => {
      this.#callHooks(this.#onTick, 'onTick', undefined);
      this.#tick();
    }, this.#opts.intervalMs);
    this.#timer.unref();
    this.#tick();
    const gpu = this.#opts.gpu;
    if (gpu !== null && !this.#gpuOff) {
      this.#gpuTimer = setInterval(() => {
        this.#gpu();
      }, gpu.intervalMs);
      this.#gpuTimer.unref();
      this.#gpu();
    }
  }

  track(pid: number, component: string): void {
    const r = checkRoot(pid, component, 'track()');
    if (this.#roots.get(r.pid) === r.component) return;
    this.#roots.set(r.pid, r.component);
    this.#rootsVersion++;
  }

  untrack(pid: number): void {
    if (this.#roots.delete(pid)) this.#rootsVersion++;
  }

  noteExit(pid: number, exit: ExitInfo): void {
    const late = this.#exits.note(pid, exit);
    if (late !== undefined) this.#opts.bus.publish(Topic.LIFECYCLE, late);
  }


  onTick(fn: () => void): () => void {
    const hook = (): void => { fn(); };
    this.#onTick.add(hook);
    return () => { this.#onTick.delete(hook); };
  }

  onPublished(fn: () => void): () => void {
    const hook = (): void => { fn(); };
    this.#onPublished.add(hook);
    return () => { this.#onPublished.delete(hook); };
  }

  setContainers(targets: readonly ContainerTarget[]): void {
    this.#containers = targets.map((t) => ({ id: t.id, name: t.name, image: t.image, pid: t.pid }));
    this.#containersVersion++;
  }

  onUnreadContainers(fn: (ids: string[]) => void): () => void {
    const hook = (ids: string[]): void => { fn(ids); };
    this.#onUnread.add(hook);
    return () => { this.#onUnread.delete(hook); };
  }

  noteLoop(pid: number, loop: LoopFigures): void {
    this.#loops.set(pid, { ...loop, atMs: Date.now() });
  }

  // Fills a snapshot's event-loop figures from its process's latest report.
  #fillLoop(p: TopicPayloads[typeof Topic.RESOURCE]): void {
    const l = this.#loops.get(p.pid);
    if (l === undefined) return;
    if (Date.now() - l.atMs > 2 * this.#opts.intervalMs + 1000) {
      this.#loops.delete(p.pid);
      return;
    }
    KeptSnapshot.forget(p);
    fillLoopFigures(p, l);
  }

  tickNow(): Promise<void> {
    // Joining a running tick is not a skip.
    if (this.#tickRun === null) this.#tick();
    return this.#tickRun ?? Promise.resolve();
  }

  gpuNow(): Promise<void> {
    if (this.#gpuRun === null) this.#gpu();
    return this.#gpuRun ?? Promise.resolve();
  }

  stats(): SamplerStats {
    return {
      ticks: this.#ticks,
      skipped: this.#skipped,
      lastTickMs: this.#lastTickMs,
      processes: this.#processes,
      errors: this.#errors,
      gpuTicks: this.#gpuTicks,
      backend: this.#backend,
    };
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      if (this.#timer !== null) clearInterval(this.#timer);
      if (this.#gpuTimer !== null) clearInterval(this.#gpuTimer);
      this.#timer = null;
      this.#gpuTimer = null;
      await Promise.all([this.#tickRun, this.#gpuRun]);
      this.#channel?.ch.close();
      await this.#pool.destroy();
    })();
    return this.#closing;
  }

  on(event: 'error', fn: (err: RunbusError) => void): this {
    this.#events.on(event, fn);
    return this;
  }

  off(event: 'error', fn: (err: RunbusError) => void): this {
    this.#events.off(event, fn);
    return this;
  }

  #tick(): void {
    if (this.#closing !== null) return;
    if (this.#tickRun !== null) {
      this.#skipped++;
      return;
    }
    const t0 = performance.now();
    this.#tickRun = this.#runTask('tick').finally(() => {
      this.#ticks++;
      this.#lastTickMs = performance.now() - t0;
      this.#tickRun = null;
    });
  }

  #gpu(): void {
    if (this.#closing !== null || this.#gpuRun !== null || this.#opts.gpu === null || this.#gpuOff) return;
    this.#gpuRun = this.#runTask('gpu').finally(() => {
      this.#gpuTicks++;
      this.#gpuRun = null;
    });
  }

  // The loop boundary: nothing below escapes as a rejection. The
  // onPublished hooks run however the task ended.
  async #runTask(kind: 'tick' | 'gpu'): Promise<void> {
    try {
      await this.#runTaskOnce(kind);
    } finally {
      this.#callHooks(this.#onPublished, 'onPublished', undefined);
    }
  }

  async #runTaskOnce(kind: 'tick' | 'gpu'): Promise<void> {
    if (this.#poolBroken) {
      // Starting a worker costs tens of ms of CPU: a worker that cannot
      // start at all is retried at most every poolRetryMs, and the tasks
      // due in between are skipped.
      const now = performance.now();
      if (now - this.#poolStartedAt < this.#opts.poolRetryMs) {
        if (kind === 'tick') this.#skipped++;
        return;
      }
      this.#poolBroken = false;
      const old = this.#pool;
      this.#pool = this.#makePool();
      old.destroy().catch(() => undefined);
    }
    // A task that outlives its deadline fails (and is reported), and its
    // pool is replaced, so that a wedged worker cannot stop ticking or hang
    // close().
    let result: WorkerResult;
    try {
      result = kind === 'tick' ? await this.#runTick() : await this.#runGpu();
    } catch (err) {
      // The worker code catches its own faults, so a failed task means the
      // worker could not run it (it did not load, died, or wedged past the
      // deadline): the pool is replaced too. (piscina reports a worker that
      // fails to load through the task first and the pool's 'error' event
      // later, and a pool in that state accepts tasks it never runs.)
      this.#poolBroken = true;
      this.#report(new RunbusError('ERR_SAMPLER_TICK', `runbus sampler: ${kind} task failed: ${String(err)}`, { cause: err }));
      return;
    }
    if (result.type !== 'batch') unknownTag('result', result);
    this.#backend = result.backend;
    for (const n of result.notes) this.#opts.logger.warn(n);
    // GPU sampling is off for good (no nvidia-smi, no driver): its timer goes, rather than wake both threads for nothing.
    if (result.gpuOff === true && !this.#gpuOff) {
      this.#gpuOff = true;
      if (this.#gpuTimer !== null) clearInterval(this.#gpuTimer);
    }
    if (kind === 'tick') this.#processes = result.processes;
    // A root that has exited is no longer tracked (unless track() was
    // called for it again, which replaced the component).
    for (const pid of result.exitedRoots) this.untrack(pid);
    if (result.unreadContainers !== undefined) {
      this.#callHooks(this.#onUnread, 'onUnreadContainers', result.unreadContainers);
    }
    let envelopes: Envelope[];
    try {
      envelopes = decodeBatchKeepingBytes(new Uint8Array(result.bytes));
    } catch (err) {
      this.#report(new RunbusError('ERR_SAMPLER_DECODE', `runbus sampler: batch does not decode: ${String(err)}`, { cause: err }));
      return;
    }
    this.#exits.expire();
    const bus = this.#opts.bus;
    for (const e of envelopes) {
      // See LifecyclePayload in worker.ts: the wire type reduces to never.
      if (e.topic === Topic.LIFECYCLE) this.#exits.fill(e.payload as unknown as LifecyclePayload, (pid) => this.#roots.has(pid));
      else if (e.topic === Topic.RESOURCE && this.#loops.size > 0) this.#fillLoop(e.payload);
      bus.publish(e.topic, e.payload);
    }
  }

  async #runTick(): Promise<WorkerResult> {
    const pool = this.#pool;
    const deadlineMs = Math.max(minTaskDeadlineMs(), 3 * this.#opts.intervalMs);
    if (this.#channel?.pool !== pool) {
      this.#channel?.ch.close();
      this.#channel = { pool, ch: await TickChannel.open(pool, this.#config, deadlineMs) };
    }
    const msg: TickMessage = { roots: null, tsMs: Date.now() };
    // The roots go to the worker only when they changed since it last
    // had them, or when the pool is a new one.
    if (this.#rootsSent?.pool !== pool || this.#rootsSent.version !== this.#rootsVersion) {
      msg.roots = [...this.#roots];
      this.#rootsSent = { pool, version: this.#rootsVersion };
    }
    if (this.#containersSent?.pool !== pool || this.#containersSent.version !== this.#containersVersion) {
      msg.containers = this.#containers;
      this.#containersSent = { pool, version: this.#containersVersion };
    }
    return this.#channel.ch.run(msg, deadlineMs);
  }

  #runGpu(): Promise<WorkerResult> {
    return runWithDeadline(this.#pool, { type: 'gpu', config: this.#config, tsMs: Date.now() }, minTaskDeadlineMs() + 2 * (this.#opts.gpu?.timeoutMs ?? 0));
  }

  /** Calls each hook; one that throws is reported and the others still run. */
  #callHooks<A>(hooks: ReadonlySet<(a: A) => void>, name: string, arg: A): void {
    for (const fn of hooks) {
      try {
        fn(arg);
      } catch (err) {
        this.#report(new RunbusError('ERR_SAMPLER_HOOK', `runbus sampler: ${name} callback failed: ${String(err)}`, { cause: err }));
      }
    }
  }

  #report(err: RunbusError): void {
    this.#errors++;
    if (this.#events.listenerCount('error') > 0) {
      this.#events.emit('error', err);
    } else if (!this.#loggedUnhandled) {
      this.#loggedUnhandled = true;
      this.#opts.logger.warn(`${err.message} (further errors are only counted; listen to 'error' to see them)`);
    }
  }
}

/**
 * Creates a sampler: a main-thread scheduler in front of a one-thread piscina
 * pool that samples tracked processes (and their descendants), the host and
 * NVIDIA GPUs, and publishes RESOURCE, HOST, GPU and LIFECYCLE envelopes onto
 * `options.bus`. Throws TypeError/RangeError on bad options.
 */
export function createSampler(options: SamplerOptions): Sampler {
  return new SamplerImpl(options);
}
