import type { Logger } from '../options.js';
import { RingBuffer } from './ring-buffer.js';

/*
 * The one queue every bounded buffer is made of (subscriber queues, a
 * remote client's outbox, the hub's store batcher): a ring with a hard capacity, a named
 * overflow policy, drop counting and "wait for room".
 *
 *   push ──► [ oldest … newest ] ──► shift
 *              full: drop-oldest  evicts the oldest, keeps the new item
 *                    drop-newest  refuses the new item
 *                    block        refuses it; waitForRoom() resolves, and
 *                                 onRoom fires, once a take makes room
 *
 * Every evicted, refused or discarded item is counted in `dropped` and
 * reported through onDrop, so for its owner
 * published = delivered + dropped + queued.
 */

/**
 * What a full queue does with the next message:
 * - `drop-oldest`: evict the oldest queued message, keep the new one;
 * - `drop-newest`: refuse the new message;
 * - `block`: refuse it and make `publish()` return false; `publishAsync()`
 *   waits for room instead, so nothing is lost.
 * Every refused or evicted message is counted as dropped.
 */
export type OverflowPolicy = 'drop-oldest' | 'drop-newest' | 'block';
export const kOverflowPolicies: readonly OverflowPolicy[] = ['drop-oldest', 'drop-newest', 'block'];

/** What push() did: stored it, stored it and evicted the oldest, or refused it. */
export type PushResult = 'queued' | 'evicted' | 'refused';

export interface BoundedQueueHooks {
  /** `n` items were just dropped (evicted, refused or discarded). */
  onDrop?(n: number): void;
  /** A `block` queue that refused an item has room again (seen by settle()). */
  onRoom?(): void;
}

export class BoundedQueue<T> {
  readonly capacity: number;
  readonly overflow: OverflowPolicy;
  readonly #ring: RingBuffer<T>;
  readonly #hooks: BoundedQueueHooks;
  #dropped = 0;
  #highWater = 0;
  #refusing = false;
  #closed = false;
  #roomWaiters: (() => void)[] = [];

  constructor(capacity: number, overflow: OverflowPolicy, hooks: BoundedQueueHooks = {}) {
    this.capacity = capacity;
    this.overflow = overflow;
    this.#ring = new RingBuffer(capacity);
    this.#hooks = hooks;
  }

  get length(): number {
    return this.#ring.length;
  }

  get full(): boolean {
    return this.#ring.full;
  }

  /** Items evicted, refused or discarded so far. */
  get dropped(): number {
    return this.#dropped;
  }

  /** Most items ever held at once. */
  get highWater(): number {
    return this.#highWater;
  }

  /** True while a `block` queue has refused an item and not yet made room. */
  get refusing(): boolean {
    return this.#refusing;
  }

  /** Offers one item under the overflow policy. */
  push(item: T): PushResult {
    const ring = this.#ring;
    let result: PushResult = 'queued';
    if (ring.full) {
      this.#drop(1);
      if (this.overflow !== 'drop-oldest') {
        if (this.overflow === 'block') this.#refusing = true;
        return 'refused';
      }
      ring.shift();
      result = 'evicted';
    }
    ring.push(item);
    if (ring.length > this.#highWater) this.#highWater = ring.length;
    return result;
  }

  /** Removes and returns the oldest item. Call settle() once done taking. */
  shift(): T | undefined {
    return this.#ring.shift();
  }

  /**
   * After taking items: wakes whoever waits for room, and reports (onRoom)
   * that a `block` queue which refused an item has room again.
   */
  settle(): void {
    if (this.#ring.full) return;
    if (this.#roomWaiters.length > 0) this.wakeAll();
    if (this.#refusing) {
      this.#refusing = false;
      this.#hooks.onRoom?.();
    }
  }

  /** Resolves once the queue has room, or it is closed, or wakeAll() is called. */
  waitForRoom(): Promise<void> {
    if (!this.#ring.full || this.#closed) return Promise.resolve();
    return new Promise((resolve) => this.#roomWaiters.push(resolve));
  }

  /** Wakes every waitForRoom() now, room or not: its owner gives up waiting. */
  wakeAll(): void {
    const ws = this.#roomWaiters;
    if (ws.length === 0) return;
    this.#roomWaiters = [];
    for (const w of ws) w();
  }

  /** From now on waitForRoom() resolves at once; those waiting are woken. */
  close(): void {
    this.#closed = true;
    this.wakeAll();
  }

  /** Empties the queue; what it held counts as dropped. Returns how many. */
  discard(): number {
    const n = this.#ring.clear();
    if (n > 0) this.#drop(n);
    return n;
  }

  #drop(n: number): void {
    this.#dropped += n;
    this.#hooks.onDrop?.(n);
  }
}

/**
 * Rate-limited drop reporting: drops are summed per key and logged in one
 * line at most once per interval (an unref'd timer started by the first
 * drop), so a flood of drops costs one line, never one per message.
 */
export class DropReporter<K> {
  readonly #logger: Logger;
  readonly #intervalMs: number;
  readonly #format: (drops: ReadonlyMap<K, number>, total: number) => string;
  readonly #pending = new Map<K, number>();
  #timer: NodeJS.Timeout | null = null;

  constructor(logger: Logger, intervalMs: number, format: (drops: ReadonlyMap<K, number>, total: number) => string) {
    this.#logger = logger;
    this.#intervalMs = intervalMs;
    this.#format = format;
  }

  note(key: K, n: number): void {
    this.#pending.set(key, (this.#pending.get(key) ?? 0) + n);
    if (this.#timer === null) {
      this.#timer = setTimeout(this.#report, this.#intervalMs);
      this.#timer.unref();
    }
  }

  /** Reports what is pending now (at close), if a report was due. */
  flush(): void {
    if (this.#timer === null) return;
    clearTimeout(this.#timer);
    this.#report();
  }

  #report = (): void => {
    this.#timer = null;
    if (this.#pending.size === 0) return;
    let total = 0;
    for (const n of this.#pending.values()) total += n;
    const line = this.#format(this.#pending, total);
    this.#pending.clear();
    try {
      this.#logger.warn(line);
    } catch {
      // A throwing logger must not reach publish() or a timer.
    }
  };
}
