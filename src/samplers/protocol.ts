// Messages between the scheduler (main thread) and the pool worker. Both
// sides import this file; tasks and results are unions tagged by `type`, and
// an unknown tag is a bug that fails loudly.
//
//   main ── {type:'attach', config, port} ──► worker   (a piscina task, once per pool)
//   main ── {roots, containers (null: unchanged), now?: id, driveMs?} ──► port ──► worker
//   main ◄── port ◄── {ok, result: {type:'batch', bytes: ArrayBuffer (moved), …}, scheduled, answers, …} ── worker
//   main ── {type:'gpu', config, tsMs} ──► worker   (own cadence, may overlap a tick)
//
// Ticks go over a MessagePort of their own rather than as piscina tasks: a
// piscina task a second (its task record, async context and abort wiring on
// both threads) cost about twice a bare message round trip on this path.
// Once the sampler starts, the worker ticks on its own timer (driveMs,
// tick-timer.ts) and the main thread only receives: one wake-up a tick on
// each side instead of two on the main thread.

import type { MessagePort } from 'node:worker_threads';
import type { ContainerTarget } from '../containers/index.js';

/** Which process sampler the worker uses. */
export type Backend = 'procfs' | 'pidusage';

/** Everything the worker needs to know; sent with each piscina task (it is small), not with a tick. */
export interface WorkerConfig {
  runId: string;
  host: boolean;
  disks: string[];
  smapsEveryTicks: number;
  statusEveryTicks: number;
  backend: Backend | 'auto';
  procRoot: string;
  gpu: { command: string; timeoutMs: number } | null;
}

/** Main thread → worker, on the attached port. */
export interface TickMessage {
  /**
   * The tracked roots; null when they have not changed since the last
   * message this worker received (a pool has one thread, so "this worker"
   * is the pool). Cloning 1000 roots every tick was measurable.
   */
  roots: [pid: number, component: string][] | null;
  /** Containers: running containers to read from their cgroups; null when unchanged (like roots). */
  containers?: ContainerTarget[] | null;
  /** Run a tick now and answer it with this id (a tick under way answers it instead). */
  now?: number;
  /** Tick every this many ms on the worker's own timer from now on (0: stop). */
  driveMs?: number;
}

/** What every answer carries besides its batch (see TickMeta in tick-timer.ts). */
export interface TickReplyMeta {
  scheduled: boolean;
  answers: number;
  skipped: number;
  /** When the tick started, epoch ms with a fraction. */
  startedAt: number;
  /** When the answer was posted, epoch ms with a fraction: how late the main thread takes it is its loop lag. */
  postedAt: number;
}

/** A tick's outcome: its batch, or why it has none. */
export type TickOutcome = { ok: true; result: BatchResult } | { ok: false; error: string };

/** The worker's answer to a tick. */
export type TickReply = TickOutcome & TickReplyMeta;

export type WorkerTask =
  | {
      type: 'attach';
      /** The sampler's settings: they do not change for the life of a pool. */
      config: WorkerConfig;
      /** Where the ticks will come (moved to the worker). */
      port: MessagePort;
    }
  | { type: 'gpu'; config: WorkerConfig; tsMs: number };

export interface BatchResult {
  type: 'batch';
  /** encodeBatchTransferable() output: a runbus.v1.Publish message. */
  bytes: ArrayBuffer;
  /** Processes sampled in this tick (0 for a GPU task). */
  processes: number;
  /** Tracked roots that have exited; the scheduler stops tracking them. */
  exitedRoots: number[];
  /** One-off messages for the log (the GPU sampler turning itself off). */
  notes: string[];
  /** The process sampler in use. */
  backend: Backend;
  /** Containers: ids whose cgroup files could not be read (the monitor asks the Engine API). */
  unreadContainers?: string[];
  /** A GPU task's answer when GPU sampling is off for good: the scheduler stops asking. */
  gpuOff?: true;
}

export type WorkerResult = BatchResult;

/** Throws for a message whose tag this version does not know. */
export function unknownTag(what: string, msg: unknown): never {
  const tag = (msg as { type?: unknown } | null)?.type;
  throw new TypeError(`runbus samplers: unknown ${what} type ${JSON.stringify(tag)}`);
}
