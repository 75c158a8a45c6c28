import { BoundedQueue } from '../bus/index.js';
import { Topic, encodeBatchTransferable } from '../wire/index.js';
import { KeptContainer, KeptHost, KeptSnapshot } from '../wire/kept-snapshot.js';
import type { Envelope } from '../wire/index.js';
import { LatencyWindow } from './latency.js';

/*
 * Collects envelopes from the bus and writes them to the store in batches,
 * like a span processor:
 *
 *   add() ──► pending (ring, capacity C, drop-oldest) ──► batch of ≤ N ──► write()
 *                                                           one in flight
 *
 * A flush starts when N envelopes are pending, when the oldest has waited
 * `batchAgeMs` (an unref'd timer), or when the caller knows a burst has
 * ended (`flushSoon()`: the sampler's tick has published everything it
 * read, so waiting out the age would only cost a wake-up of its own). A batch whose write fails is kept and
 * retried every `retryMs`, before anything newer. The hub feeds it from a bus
 * subscription that waits (`waitForRoom`) while it is full, so overflow
 * happens in that subscription's queue under its named policy; add() on a
 * full batcher drops the oldest, counted. A RESOURCE or CONTAINER payload the sampler
 * decoded keeps its bytes (KeptSnapshot, KeptContainer): the encode copies them, and once
 * written they are let go, so that a payload kept elsewhere (a "latest per pid"
 * view) does not hold its whole tick's buffer. For the batcher, at every moment:
 *
 *   added = written + dropped + pending + held   (held: the batch in flight or awaiting retry)
 */

export interface BatcherOptions {
  batchSize: number;
  batchAgeMs: number;
  capacity: number;
  retryMs: number;
  /**
   * Writes one encoded batch; resolves when committed, to an object whose
   * `latencyMs` (when a number) is the flush time to record (a write whose
   * commit is read late knows when it really committed).
   */
  write(batch: ArrayBuffer): Promise<unknown>;
  /**
   * The batcher is waiting for the write in flight (a full batch, a drain):
   * have its commit reported now rather than when it would next be looked at.
   */
  hurry?(): void;
  /** A write failed (the batch is kept for a retry). */
  onWriteError(err: unknown): void;
  /** A write succeeded after failures. */
  onRecovered(): void;
  /** A write committed after `ms`. */
  onFlush?(ms: number): void;
}

export interface BatcherStats {
  added: number;
  written: number;
  dropped: number;
  pending: number;
  held: number;
  capacity: number;
  batches: number;
  failures: number;
  lastBatchSize: number;
  flushP50Ms: number | undefined;
  flushP99Ms: number | undefined;
}

export class Batcher {
  readonly #o: BatcherOptions;
  readonly #pending: BoundedQueue<Envelope>;
  readonly #latency = new LatencyWindow();
  #held: Envelope[] | null = null;
  #inFlight: Promise<void> | null = null;
  #timer: NodeJS.Timeout | null = null;
  #soon = false;
  /**
   * A flushSoon() came while a write was in flight: what it found pending
   * goes as soon as that write is done, not after the batch age (a tick of
   * more than batchSize envelopes otherwise waited batchAgeMs, a wake-up and
   * a commit of its own, for its last few).
   */
  #soonAfter = false;
  /** A flushSoon() is on its way (expectFlush()); add() arms no timer meanwhile. */
  #expecting = false;
  #failing = false;
  #added = 0;
  #written = 0;
  // Held batches abandoned at close (the queue counts its own drops).
  #abandoned = 0;
  #batches = 0;
  #failures = 0;
  #lastBatchSize = 0;

  constructor(options: BatcherOptions) {
    this.#o = options;
    this.#pending = new BoundedQueue(options.capacity, 'drop-oldest');
  }

  add(e: Envelope): void {
    this.#added++;
    this.#pending.push(e);
    if (this.#pending.length >= this.#o.batchSize) this.#kick();
    else if (!this.#expecting) this.#arm(this.#o.batchAgeMs);
  }

  /**
   * Says a flushSoon() will follow shortly (the sampler's tick has started
   * and calls it when it ends): envelopes added until then wait for it
   * instead of arming the age timer. A timer armed and then cleared by
   * flushSoon() still wakes the thread when it would have fired (Node
   * leaves the native timer set), so the heartbeat published at each tick
   * cost a wake-up of its own. A second call before the flushSoon() came
   * (a tick that outlived its interval) flushes what waits at once.
   */
  expectFlush(): void {
    if (this.#expecting && this.#pending.length > 0) this.#kick();
    this.#expecting = true;
  }

  /** True when `capacity` envelopes are pending; the next add() would drop the oldest. */
  get full(): boolean {
    return this.#pending.full;
  }

  /** Resolves once there is room (after a flush took a batch out). */
  waitForRoom(): Promise<void> {
    return this.#pending.waitForRoom();
  }

  /**
   * Flushes what is pending at the end of this turn of the event loop
   * (setImmediate: after the microtasks in which bus queues drain), instead
   * of when the age timer fires. A write in flight or awaiting retry keeps
   * its own schedule.
   */
  flushSoon(): void {
    if (this.#soon) return;
    this.#soon = true;
    setImmediate(() => {
      this.#soon = false;
      // Still expecting until now: what is added before this flush (e.g. a
      // heartbeat published at the end of the tick's turn) goes with it
      // instead of arming the age timer.
      this.#expecting = false;
      if (this.#inFlight !== null && this.#pending.length > 0) {
        this.#soonAfter = true;
        this.#o.hurry?.();
      }
      if (this.#held !== null || this.#inFlight !== null || this.#pending.length === 0) return;
      if (this.#timer !== null) {
        clearTimeout(this.#timer);
        this.#timer = null;
      }
      this.#kick();
    }).unref();
  }

  #arm(ms: number): void {
    if (this.#timer !== null) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#kick();
    }, ms);
    this.#timer.unref();
  }

  #kick(): void {
    if (this.#inFlight !== null) {
      this.#o.hurry?.();
      return;
    }
    if (this.#held === null && this.#pending.length === 0) return;
    this.#inFlight = this.#flushOnce().finally(() => {
      this.#inFlight = null;
      // More waiting: a full batch goes now, so does the rest of a burst
      // that flushSoon() closed meanwhile; a partial one on the age timer,
      // a failed one on the retry timer.
      const rest = this.#pending.length;
      if (this.#held === null && (rest >= this.#o.batchSize || (this.#soonAfter && rest > 0))) {
        // The burst goes on until a batch takes the last of it.
        if (rest <= this.#o.batchSize) this.#soonAfter = false;
        this.#kick();
        return;
      }
      this.#soonAfter = false;
      if (this.#held !== null) this.#arm(this.#o.retryMs);
      // What waits goes with a flushSoon() on its way (one was asked for, or
      // expectFlush() said one will come): an age timer armed now would be
      // cleared by it but still wake the thread (see expectFlush()).
      else if (rest > 0 && !this.#soon && !this.#expecting) this.#arm(this.#o.batchAgeMs);
    });
  }

  // Never rejects: failures keep the batch in #held.
  async #flushOnce(): Promise<void> {
    if (this.#held === null) {
      const n = Math.min(this.#o.batchSize, this.#pending.length);
      const batch = new Array<Envelope>(n);
      for (let i = 0; i < n; ++i) batch[i] = this.#pending.shift()!;
      this.#held = batch;
      this.#pending.settle();
    }
    const batch = this.#held;
    const t0 = performance.now();
    let result: unknown;
    try {
      result = await this.#o.write(encodeBatchTransferable(batch));
    } catch (err) {
      this.#failures++;
      this.#failing = true;
      this.#o.onWriteError(err);
      return;
    }
    const reported = (result as { latencyMs?: unknown } | null | undefined)?.latencyMs;
    const ms = typeof reported === 'number' ? reported : performance.now() - t0;
    this.#latency.add(ms);
    this.#o.onFlush?.(ms);
    this.#held = null;
    for (const e of batch) {
      if (e.topic === Topic.RESOURCE) KeptSnapshot.forget(e.payload);
      else if (e.topic === Topic.CONTAINER) KeptContainer.forget(e.payload);
      else if (e.topic === Topic.HOST) KeptHost.forget(e.payload);
    }
    this.#written += batch.length;
    this.#batches++;
    this.#lastBatchSize = batch.length;
    if (this.#failing) {
      this.#failing = false;
      this.#o.onRecovered();
    }
  }

  get failing(): boolean {
    return this.#failing;
  }

  /**
   * Writes everything pending. Resolves when all is written, or when a
   * write fails and `deadline` (epoch ms) has passed; returns how many
   * envelopes were left unwritten (they are counted as dropped).
   */
  async drain(deadline: number): Promise<number> {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    for (;;) {
      if (this.#inFlight !== null) {
        this.#o.hurry?.();
        await this.#inFlight;
      }
      if (this.#timer !== null) {
        clearTimeout(this.#timer);
        this.#timer = null;
      }
      if (this.#held === null && this.#pending.length === 0) return 0;
      if (this.#failing && Date.now() >= deadline) {
        const held = this.#held?.length ?? 0;
        this.#held = null;
        this.#abandoned += held;
        const lost = held + this.#pending.discard();
        this.#pending.settle();
        return lost;
      }
      if (this.#failing) await this.#retryPause(deadline);
      this.#kick();
    }
  }

  /**
   * Writes everything added so far — not what is added meanwhile, so a
   * publisher that never stops cannot hold it. Gives up, leaving the rest
   * pending, when writes are failing and `deadline` (epoch ms) has passed.
   */
  async flushAdded(deadline: number): Promise<void> {
    const target = this.#added;
    while (this.#written + this.#dropped() < target) {
      if (this.#inFlight === null) {
        if (this.#failing) {
          if (Date.now() >= deadline) return;
          await this.#retryPause(deadline);
        }
        this.#kick();
        if (this.#inFlight === null) return; // nothing pending or held: nothing to wait for
      }
      this.#o.hurry?.();
      await this.#inFlight;
    }
  }

  /** Waits out one retry interval of a failing store, never past `deadline`. */
  #retryPause(deadline: number): Promise<void> {
    return new Promise((r) => setTimeout(r, Math.min(this.#o.retryMs, Math.max(1, deadline - Date.now()))));
  }

  /** Envelopes dropped so far (stats().dropped, without building the stats). */
  get dropped(): number {
    return this.#dropped();
  }

  /** Evicted while pending, plus held batches abandoned at close. */
  #dropped(): number {
    return this.#pending.dropped + this.#abandoned;
  }

  stats(): BatcherStats {
    return {
      added: this.#added,
      written: this.#written,
      dropped: this.#dropped(),
      pending: this.#pending.length,
      held: this.#held?.length ?? 0,
      capacity: this.#o.capacity,
      batches: this.#batches,
      failures: this.#failures,
      lastBatchSize: this.#lastBatchSize,
      flushP50Ms: this.#latency.percentile(50),
      flushP99Ms: this.#latency.percentile(99),
    };
  }
}
