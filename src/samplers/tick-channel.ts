import { MessageChannel } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { Piscina } from 'piscina';
import type { TickMessage, TickReply, WorkerConfig, WorkerResult, WorkerTask } from './protocol.js';

// The ticks' own line to the pool's worker: a MessagePort moved to it once,
// by an 'attach' task, and used for every tick after. The worker ticks on
// its own timer once told to (tick-timer.ts), and when asked. While an
// answer is due (a request, or the next scheduled tick) a deadline runs:
// past it the channel fails with "no answer within N ms" and the scheduler
// replaces the pool, which terminates the wedged worker. A worker that dies
// closes its end: the channel fails at once.

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

/** Who hears from a channel. */
export interface TickChannelHandlers {
  /** An answer from the worker: a scheduled tick, or one asked for. */
  reply(r: TickReply): void;
  /** No answer within the deadline, or the worker went: the channel is closed. */
  fail(err: Error): void;
}

export class TickChannel {
  readonly #port: MessagePort;
  readonly #h: TickChannelHandlers;
  readonly #deadlineMs: number;
  /** The highest request id sent; answered once a reply's `answers` reaches it. */
  #asked = 0;
  #answered = 0;
  #driving = false;
  /** Fails the channel when nothing comes for a deadline while an answer is due. */
  #watch: NodeJS.Timeout | null = null;
  #closed = false;

  /** Moves one end of a new channel to the pool's worker, with the settings its ticks use. */
  static async open(pool: Piscina<WorkerTask, WorkerResult>, config: WorkerConfig, deadlineMs: number, handlers: TickChannelHandlers): Promise<TickChannel> {
    const { port1, port2 } = new MessageChannel();
    try {
      await runWithDeadline(pool, { type: 'attach', config, port: port2 }, deadlineMs, [port2]);
    } catch (err) {
      port1.close();
      throw err;
    }
    return new TickChannel(port1, deadlineMs, handlers);
  }

  private constructor(port: MessagePort, deadlineMs: number, handlers: TickChannelHandlers) {
    this.#port = port;
    this.#h = handlers;
    this.#deadlineMs = deadlineMs;
    port.on('message', (m: TickReply) => {
      if (this.#closed) return;
      if (m.answers > this.#answered) this.#answered = m.answers;
      this.#watchdog();
      this.#h.reply(m);
    });
    port.on('close', () => { this.#fail(new Error('the worker closed its end of the tick channel')); });
    // An idle or driving channel must not keep the process alive; one
    // waiting for an answer does (as a piscina task does), or a script
    // that awaits a tick with nothing else alive would end before it.
    port.unref();
  }

  /**
   * Sends `msg` to the worker. With `now` it asks for a tick (ids grow);
   * with `driveMs` the worker ticks on its own timer until closed.
   */
  send(msg: TickMessage): void {
    if (this.#closed) return;
    if (msg.now !== undefined) this.#asked = msg.now;
    if (msg.driveMs !== undefined) this.#driving = msg.driveMs > 0;
    this.#watchdog();
    this.#port.postMessage(msg);
  }

  /** An answer is due (a request, or the next scheduled tick): the deadline runs. */
  get #expecting(): boolean {
    return this.#driving || this.#asked > this.#answered;
  }

  // Armed while an answer is due and pushed back by each message; a
  // driving channel refreshes one timer (Node wakes the thread once a
  // deadline to push its native timer back, not once a tick).
  #watchdog(): void {
    if (this.#expecting) {
      if (this.#asked > this.#answered) this.#port.ref();
      else this.#port.unref();
      if (this.#watch === null) {
        this.#watch = setTimeout(() => { this.#fail(new Error(`no answer within ${this.#deadlineMs} ms`)); }, this.#deadlineMs);
        this.#watch.unref();
      } else {
        this.#watch.refresh();
      }
    } else {
      this.#port.unref();
      if (this.#watch !== null) clearTimeout(this.#watch);
      this.#watch = null;
    }
  }

  #fail(err: Error): void {
    if (this.#closed) return;
    this.close();
    this.#h.fail(err);
  }

  /** Closes the channel (the worker's timer stops with it); no handler is called after. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#watch !== null) clearTimeout(this.#watch);
    this.#watch = null;
    this.#port.close();
  }
}
