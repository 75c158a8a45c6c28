import { EventEmitter } from 'eventemitter3';
import type { Piscina } from 'piscina';
import { createPool } from './pool.js';
import { BatchPublisher } from './batch-publisher.js';
import type { ExitInfo } from './exit-notes.js';
import { RunbusError } from '../errors.js';
import { checkRoot, resolveSamplerOptions } from './options.js';
import type { ResolvedSamplerOptions, SamplerOptions } from './options.js';
import { unknownTag } from './protocol.js';
import type { Backend, TickMessage, TickReply, WorkerConfig, WorkerResult, WorkerTask } from './protocol.js';
import { TickChannel, minTaskDeadlineMs, runWithDeadline } from './tick-channel.js';
import { preciseNow } from './tick-timer.js';
import type { LoopFigures } from '../bus/index.js';
import type { ContainerTarget } from '../containers/index.js';

// The main-thread end of sampling. It does no sampling: the pool's one
// worker ticks every `intervalMs` on its own timer (tick-timer.ts) and sends
// each batch back, and this thread runs the per-tick hooks and publishes
// the batch's envelopes — one wake-up a tick. A tick that is due while the
// previous one still runs is skipped and counted in the worker, never
// queued, so a slow machine sees fewer ticks rather than a growing backlog.
// While the pool is broken this thread's own timer keeps the hooks going
// and retries it. Timers are unref'd: a sampler never keeps a process alive.
//
//   worker timer ─► tick ─► tick channel (tick-channel.ts) ─► #onReply: onTick hooks
//                                 └► BatchPublisher (batch-publisher.ts): decode ─► bus.publish × n ─► onPublished hooks

export type { Sampler, SamplerErrorCode, SamplerEvents, SamplerStats } from './sampler-types.js';
import type { Sampler, SamplerEvents, SamplerStats } from './sampler-types.js';

export { setWorkerFileForTests } from './pool.js';

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
  readonly #out: BatchPublisher;
  readonly #onTick = new Set<(dueMs: number | undefined) => void>();
  readonly #onPublished = new Set<() => void>();
  // Containers: targets, a version like the roots', and who hears of unread ones.
  #containers: ContainerTarget[] = [];
  #containersVersion = 0;
  #containersSent: { pool: Piscina<WorkerTask, WorkerResult>; version: number } | null = null;
  readonly #onUnread = new Set<(ids: string[]) => void>();
  #started = false;
  /** The channel of #channel has been told to drive. */
  #driving = false;
  /** A channel being opened (one at a time). */
  #opening: Promise<TickChannel | null> | null = null;
  /** This thread's timer, while the pool is broken: hooks go on, and the pool is retried. */
  #recovery: NodeJS.Timeout | null = null;
  #gpuTimer: NodeJS.Timeout | null = null;
  /** A tickNow() waiting for its answer (others join it). */
  #tickRun: Promise<void> | null = null;
  #nowSeq = 0;
  /** What #tickRun waits for (one at a time: tickNow() joins it): the reply answering `id`. */
  #waiter: { id: number; resolve(): void } | null = null;
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
    this.#out = new BatchPublisher(o.bus, o.intervalMs);
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
    this.#poolStartedAt = performance.now();
    const pool = createPool();
    // A worker that fails outside a task (it cannot load, it crashes) is
    // reported, never thrown: piscina emits 'error' on the pool. Such a pool
    // accepts tasks and never runs them, so it is replaced before the next
    // task (the new worker starts with no per-pid state: cpu % is absent
    // once for every process).
    pool.on('error', (err: unknown) => {
      // A late event from a pool already replaced says nothing of the new one.
      if (pool === this.#pool) this.#markBroken();
      this.#report(new RunbusError('ERR_SAMPLER_POOL', `runbus sampler: pool worker failed: ${String(err)}`, { cause: err }));
    });
    // An idle pool thread must not keep the host process alive either.
    for (const t of pool.threads) t.unref();
    return pool;
  }

  start(): void {
    if (this.#closing !== null || this.#started) return;
    this.#started = true;
    // The first tick runs at once (it is not a scheduled one).
    void this.tickNow();
    void this.#drive();
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
    this.#changed();
  }

  untrack(pid: number): void {
    if (!this.#roots.delete(pid)) return;
    this.#rootsVersion++;
    this.#changed();
  }

  #updateQueued = false;

  // The roots or containers changed: a driving worker hears of it once, at
  // the end of this turn, however many calls changed them.
  #changed(): void {
    if (this.#updateQueued || !this.#driving) return;
    this.#updateQueued = true;
    queueMicrotask(() => {
      this.#updateQueued = false;
      const ch = this.#channel;
      if (ch === null || ch.pool !== this.#pool || !this.#driving) return;
      const msg = this.#message();
      if (msg.roots !== null || msg.containers != null) ch.ch.send(msg);
    });
  }

  noteExit(pid: number, exit: ExitInfo): void {
    this.#out.noteExit(pid, exit);
  }

  onTick(fn: (dueMs: number | undefined) => void): () => void {
    const hook = (dueMs: number | undefined): void => { fn(dueMs); };
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
    this.#changed();
  }

  onUnreadContainers(fn: (ids: string[]) => void): () => void {
    const hook = (ids: string[]): void => { fn(ids); };
    this.#onUnread.add(hook);
    return () => { this.#onUnread.delete(hook); };
  }

  noteLoop(pid: number, loop: LoopFigures): void {
    this.#out.noteLoop(pid, loop);
  }

  tickNow(): Promise<void> {
    // Joining a tick asked for is not a skip.
    if (this.#closing !== null) return Promise.resolve();
    this.#tickRun ??= this.#askTick().finally(() => { this.#tickRun = null; });
    return this.#tickRun;
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
      this.#started = false;
      this.#stopRecovery();
      if (this.#gpuTimer !== null) clearInterval(this.#gpuTimer);
      this.#gpuTimer = null;
      await Promise.all([this.#tickRun, this.#gpuRun, this.#opening]);
      this.#channel?.ch.close();
      this.#answer(Infinity);
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

  // ─── ticks ───

  /** A ready channel to the current pool, or null (the pool is broken and may not be retried yet, or failed to attach). */
  #ready(): Promise<TickChannel | null> {
    this.#opening ??= this.#open().finally(() => { this.#opening = null; });
    return this.#opening;
  }

  async #open(): Promise<TickChannel | null> {
    if (this.#poolBroken) {
      // Starting a worker costs tens of ms of CPU: a worker that cannot
      // start at all is retried at most every poolRetryMs, and the ticks
      // due in between are skipped.
      if (performance.now() - this.#poolStartedAt < this.#opts.poolRetryMs) {
        this.#skipped++;
        return null;
      }
      this.#poolBroken = false;
      const old = this.#pool;
      this.#pool = this.#makePool();
      old.destroy().catch(() => undefined);
    }
    const pool = this.#pool;
    if (this.#channel?.pool === pool) return this.#channel.ch;
    // A channel opened while its pool broke (its 'error' came during the attach).
    this.#channel?.ch.close();
    this.#channel = null;
    this.#driving = false;
    try {
      const ch = await TickChannel.open(pool, this.#config, this.#deadlineMs(), {
        reply: (r) => { this.#onReply(r); },
        // (The channel failed: no answer in time, or the worker went.)
        fail: (err) => { if (this.#channel?.ch === ch) this.#failed('tick', err); },
      });
      this.#channel = { pool, ch };
      return ch;
    } catch (err) {
      // (piscina reports a worker that fails to load through the task
      // first and the pool's 'error' event later, and a pool in that state
      // accepts tasks it never runs.)
      this.#failed('tick', err);
      return null;
    }
  }

  #deadlineMs(): number {
    return Math.max(minTaskDeadlineMs(), 3 * this.#opts.intervalMs);
  }

  /** The next message to the current pool's worker: roots and containers when it lacks them. */
  #message(): TickMessage {
    const pool = this.#pool;
    const msg: TickMessage = { roots: null };
    if (this.#rootsSent?.pool !== pool || this.#rootsSent.version !== this.#rootsVersion) {
      msg.roots = [...this.#roots];
      this.#rootsSent = { pool, version: this.#rootsVersion };
    }
    if (this.#containersSent?.pool !== pool || this.#containersSent.version !== this.#containersVersion) {
      msg.containers = this.#containers;
      this.#containersSent = { pool, version: this.#containersVersion };
    }
    return msg;
  }

  // One tick now: answered by the reply whose `answers` reaches its id,
  // or ended by the channel failing. Never rejects.
  async #askTick(): Promise<void> {
    const ch = await this.#ready();
    if (ch === null) {
      this.#endTick();
      return;
    }
    const id = ++this.#nowSeq;
    const answered = new Promise<void>((resolve) => { this.#waiter = { id, resolve }; });
    ch.send({ ...this.#message(), now: id });
    await answered;
  }

  // Has the worker tick on its own timer (true once it does); while the
  // pool is broken, this thread's timer runs the hooks and retries it
  // every interval.
  async #drive(): Promise<boolean> {
    const ch = await this.#ready();
    if (!this.#started) return false;
    if (ch === null) {
      this.#startRecovery();
      return false;
    }
    this.#stopRecovery();
    if (!this.#driving) {
      this.#driving = true;
      ch.send({ ...this.#message(), driveMs: this.#opts.intervalMs });
    }
    return true;
  }

  #startRecovery(): void {
    if (this.#recovery !== null) return;
    this.#recovery = setInterval(() => {
      this.#callHooks(this.#onTick, 'onTick', undefined);
      if (this.#opening !== null) {
        this.#skipped++;
        return;
      }
      // The pool back: a tick at once, as the old pool's would have been.
      void this.#drive().then((ok) => {
        if (ok) void this.tickNow();
        else this.#endTick();
      });
    }, this.#opts.intervalMs);
    this.#recovery.unref();
  }

  #stopRecovery(): void {
    if (this.#recovery !== null) clearInterval(this.#recovery);
    this.#recovery = null;
  }

  #onReply(r: TickReply): void {
    this.#skipped += r.skipped;
    // When this thread could first have taken the reply, on its own clock.
    if (r.scheduled) this.#callHooks(this.#onTick, 'onTick', r.postedAt - performance.timeOrigin);
    if (!r.ok) {
      // The worker catches its own faults: a tick that failed there
      // leaves its state suspect, so the pool is replaced.
      this.#failed('tick', new Error(r.error));
      return;
    }
    try {
      this.#publish(r.result, 'tick');
    } finally {
      this.#lastTickMs = preciseNow() - r.startedAt;
      this.#endTick();
      this.#answer(r.answers);
    }
  }

  /**
   * A task failed: the worker could not run it (it did not load, died, or
   * wedged past the deadline), so the pool is replaced before the next tick.
   */
  #failed(kind: 'tick' | 'gpu', err: unknown): void {
    this.#report(new RunbusError('ERR_SAMPLER_TICK', `runbus sampler: ${kind} task failed: ${String(err)}`, { cause: err }));
    this.#markBroken();
  }

  #markBroken(): void {
    this.#poolBroken = true;
    const ch = this.#channel;
    this.#channel = null;
    this.#driving = false;
    if (ch !== null) {
      // The tick it owed ends with it.
      ch.ch.close();
      this.#endTick();
      this.#answer(Infinity);
    }
    if (this.#started && this.#closing === null) this.#startRecovery();
  }

  /** A tick ended, however: counted, and the onPublished hooks run (a caller waiting for the end of the tick is never left waiting). */
  #endTick(): void {
    this.#ticks++;
    this.#callHooks(this.#onPublished, 'onPublished', undefined);
  }

  /** Resolves the tickNow() a reply answered (Infinity: whatever waits). */
  #answer(upTo: number): void {
    const w = this.#waiter;
    if (w === null || w.id > upTo) return;
    this.#waiter = null;
    w.resolve();
  }

  #gpu(): void {
    if (this.#closing !== null || this.#gpuRun !== null || this.#opts.gpu === null || this.#gpuOff) return;
    this.#gpuRun = this.#runGpu().finally(() => {
      this.#gpuTicks++;
      this.#gpuRun = null;
      this.#callHooks(this.#onPublished, 'onPublished', undefined);
    });
  }

  async #runGpu(): Promise<void> {
    let result: WorkerResult;
    try {
      result = await runWithDeadline(this.#pool, { type: 'gpu', config: this.#config, tsMs: Date.now() }, minTaskDeadlineMs() + 2 * (this.#opts.gpu?.timeoutMs ?? 0));
    } catch (err) {
      this.#failed('gpu', err);
      return;
    }
    this.#publish(result, 'gpu');
  }

  /** Publishes a batch's envelopes and takes in what else it says. */
  #publish(result: WorkerResult, kind: 'tick' | 'gpu'): void {
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
    try {
      this.#out.publish(result.bytes, this.#isRoot);
    } catch (err) {
      this.#report(new RunbusError('ERR_SAMPLER_DECODE', `runbus sampler: batch does not decode: ${String(err)}`, { cause: err }));
    }
  }

  readonly #isRoot = (pid: number): boolean => this.#roots.has(pid);

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
