import { MessageChannel } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { Piscina } from 'piscina';
import type { BatchResult, TickMessage, TickReply, WorkerConfig, WorkerResult, WorkerTask } from './protocol.js';

// The ticks' own line to the pool's worker: a MessagePort moved to it once,
// by an 'attach' task, and used for every tick after. One tick at a time (the
// scheduler never overlaps two); each has a deadline, past which it fails
// with "no answer within N ms" and the scheduler replaces the pool, which
// terminates the wedged worker. A worker that dies closes its end: the tick
// waiting on it fails at once.

let gMinDeadlineMs = 10_000;

/** Shortest time a task may run before it fails: 10 s. */
export function minTaskDeadlineMs(): number {
  return gMinDeadlineMs;
}

/** Changes minTaskDeadlineMs() (null: back to 10 s). For tests of a wedged worker; not exported from index.ts. */
export function setMinTaskDeadlineForTests(ms: number | null): void {
  gMinDeadlineMs = ms ?? 10_000;
}

/**
 * Runs a piscina task that fails with "no answer within N ms" past its
 * deadline (piscina then terminates the worker running it).
 */
export async function runWithDeadline(pool: Piscina<WorkerTask, WorkerResult>, task: WorkerTask, deadlineMs: number, transferList?: MessagePort[]): Promise<WorkerResult> {
  // A timer cleared when the task ends: it never fires in the normal case.
  // (AbortSignal.timeout() cannot be cleared.)
  const abort = new AbortController();
  const deadline = setTimeout(() => { abort.abort(new Error(`no answer within ${deadlineMs} ms`)); }, deadlineMs);
  deadline.unref();
  try {
    return await pool.run(task, { signal: abort.signal, ...(transferList === undefined ? {} : { transferList }) });
  } finally {
    clearTimeout(deadline);
  }
}

interface Pending {
  resolve(r: BatchResult): void;
  reject(e: Error): void;
  timer: NodeJS.Timeout;
}

export class TickChannel {
  readonly #port: MessagePort;
  #pending: Pending | null = null;
  #closed = false;

  /** Moves one end of a new channel to the pool's worker, with the settings its ticks use. */
  static async open(pool: Piscina<WorkerTask, WorkerResult>, config: WorkerConfig, deadlineMs: number): Promise<TickChannel> {
    const { port1, port2 } = new MessageChannel();
    try {
      await runWithDeadline(pool, { type: 'attach', config, port: port2 }, deadlineMs, [port2]);
    } catch (err) {
      port1.close();
      throw err;
    }
    return new TickChannel(port1);
  }

  private constructor(port: MessagePort) {
    this.#port = port;
    port.on('message', (m: TickReply) => {
      const p = this.#take();
      if (p === null) return; // an answer past its deadline
      if (m.ok) p.resolve(m.result);
      else p.reject(new Error(m.error));
    });
    port.on('close', () => {
      this.#closed = true;
      this.#take()?.reject(new Error('the worker closed its end of the tick channel'));
    });
    // An idle channel must not keep the process alive; a tick under way
    // does (as a piscina task does), or a script that awaits one with
    // nothing else alive would end before its answer.
    port.unref();
  }

  /** Sends one tick; resolves with its batch, rejects past `deadlineMs` or if the worker goes. */
  run(msg: TickMessage, deadlineMs: number): Promise<BatchResult> {
    if (this.#pending !== null) return Promise.reject(new Error('a tick is already running on this channel'));
    if (this.#closed) return Promise.reject(new Error('the tick channel is closed'));
    return new Promise<BatchResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#take()?.reject(new Error(`no answer within ${deadlineMs} ms`));
      }, deadlineMs);
      timer.unref();
      this.#pending = { resolve, reject, timer };
      this.#port.ref();
      this.#port.postMessage(msg);
    });
  }

  #take(): Pending | null {
    const p = this.#pending;
    if (p !== null) {
      this.#pending = null;
      clearTimeout(p.timer);
      this.#port.unref();
    }
    return p;
  }

  close(): void {
    this.#closed = true;
    this.#port.close();
    this.#take()?.reject(new Error('the tick channel is closed'));
  }
}
