// The sampler's public face: what createSampler() returns, its figures and
// its events (the scheduler itself is in sampler.ts).
import type { RunbusError } from '../errors.js';
import type { ExitInfo } from './exit-notes.js';
import type { Backend } from './protocol.js';
import type { LoopFigures } from '../bus/index.js';
import type { ContainerTarget } from '../containers/index.js';

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
   * Runs `fn` on this thread at each scheduled tick, when its batch has
   * come and before it is published, so per-interval work needs no timer
   * (and no wake-up) of its own. `dueMs` (performance.now() time) is when
   * this thread could first have run it: how late it runs is this
   * thread's loop lag (undefined while the pool is being replaced and
   * this thread's own timer calls the hooks). A throwing `fn` is reported through 'error'.
   * Returns its remover.
   */
  onTick(fn: (dueMs: number | undefined) => void): () => void;
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
