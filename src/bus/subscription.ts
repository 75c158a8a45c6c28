import { BoundedQueue } from './bounded-queue.js';
import type { OverflowPolicy } from './bounded-queue.js';
import { RingBuffer } from './ring-buffer.js';
import type { Topic, TopicPayloads } from '../wire/index.js';

export { kOverflowPolicies } from './bounded-queue.js';
export type { OverflowPolicy };

/** A subscriber callback. Returning a promise holds back the next message until it settles. */
export type Handler<T extends Topic> = (payload: TopicPayloads[T], topic: T) => unknown;

/** Counters of one subscriber queue. published = delivered + dropped + queued. */
export interface QueueStats {
  readonly name: string;
  readonly topics: readonly Topic[];
  readonly capacity: number;
  readonly overflow: OverflowPolicy;
  /** Messages offered to this queue (after its filters). */
  readonly published: number;
  /** Messages handed to the handler or the iterator. */
  readonly delivered: number;
  /** Messages evicted, refused, or discarded by unsubscribe. */
  readonly dropped: number;
  /** Messages waiting now. */
  readonly queued: number;
  /** Most messages ever waiting at once. */
  readonly highWater: number;
  /** Handler calls that threw or rejected (they count as delivered). */
  readonly errors: number;
}

/** The bus side of a subscription: how it reports drops and errors. */
export interface SubscriptionHost {
  noteDrop(sub: Subscription, n: number): void;
  noteRefused(): void;
  noteDrained(sub: Subscription): void;
  reportError(err: unknown, sub: Subscription): void;
  detach(sub: Subscription): void;
}

export interface ResolvedSubscribeOptions {
  name: string;
  capacity: number;
  overflow: OverflowPolicy;
  runId: string | undefined;
  component: string | undefined;
}

type Payload = TopicPayloads[Topic];

function isThenable(r: unknown): r is PromiseLike<unknown> {
  return r != null && typeof (r as { then?: unknown }).then === 'function';
}
type Waiter = () => void;

/**
 * One subscriber: a bounded queue in front of a callback or an async
 * iterator. Delivery to callbacks happens in a microtask after publish(), so
 * a publisher never runs subscriber code and a burst is absorbed (or dropped,
 * per policy) by the queue.
 */
export class Subscription<T extends Topic = Topic> implements AsyncIterable<TopicPayloads[T]> {
  readonly name: string;
  readonly topics: readonly T[];
  readonly capacity: number;
  readonly overflow: OverflowPolicy;
  readonly runId: string | undefined;
  readonly component: string | undefined;

  #host: SubscriptionHost;
  #handler: Handler<T> | null;
  #queue: BoundedQueue<Payload>;
  // Topic of each queued payload; only kept when there are several topics.
  #topicQueue: RingBuffer<Topic> | null;
  #published = 0;
  #delivered = 0;
  #errors = 0;
  #scheduled = false;
  #busy = false;
  #closed = false;
  #ended = false;
  #pull: ((r: IteratorResult<TopicPayloads[T]>) => void) | null = null;
  #idleWaiters: Waiter[] = [];
  #iterating = false;

  constructor(host: SubscriptionHost, topics: readonly T[], handler: Handler<T> | null, opts: ResolvedSubscribeOptions) {
    this.#host = host;
    this.topics = topics;
    this.#handler = handler;
    this.name = opts.name;
    this.capacity = opts.capacity;
    this.overflow = opts.overflow;
    this.runId = opts.runId;
    this.component = opts.component;
    this.#queue = new BoundedQueue(opts.capacity, opts.overflow, {
      onDrop: (n) => {
        this.#host.noteDrop(this.#self, n);
      },
      onRoom: () => {
        this.#host.noteDrained(this.#self);
      },
    });
    this.#topicQueue = topics.length > 1 ? new RingBuffer(opts.capacity) : null;
  }

  // The host sees every subscription as Subscription<Topic>.
  get #self(): Subscription {
    return this as unknown as Subscription;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** True when a `block` queue is full and would refuse a message. */
  matchesAndFull(payload: object): boolean {
    return this.#queue.full && this.#matches(payload);
  }

  #matches(payload: object): boolean {
    const p = payload as { runId?: unknown; component?: unknown };
    return (this.runId === undefined || p.runId === this.runId) && (this.component === undefined || p.component === this.component);
  }

  /**
   * Called by the bus for every message on a subscribed topic. Never throws.
   * @internal
   */
  offer(payload: Payload, topic: Topic): void {
    if (this.#closed || !this.#matches(payload)) return;
    this.#published++;
    // An iterator waiting on an empty queue takes the message directly.
    if (this.#pull !== null) {
      const pull = this.#pull;
      this.#pull = null;
      this.#delivered++;
      pull({ value: payload as TopicPayloads[T], done: false });
      return;
    }
    const pushed = this.#queue.push(payload);
    if (pushed === 'refused') {
      if (this.overflow === 'block') this.#host.noteRefused();
      return;
    }
    if (pushed === 'evicted') this.#topicQueue?.shift();
    this.#topicQueue?.push(topic);
    if (this.#handler !== null && !this.#scheduled && !this.#busy) {
      this.#scheduled = true;
      queueMicrotask(this.#drain);
    }
  }

  #drain = (): void => {
    this.#scheduled = false;
    const q = this.#queue;
    const handler = this.#handler!;
    while (!this.#busy && !this.#closed && q.length > 0) {
      const payload = q.shift()!;
      const topic = (this.#topicQueue?.shift() ?? this.topics[0]!) as T;
      this.#delivered++;
      let r: unknown;
      try {
        r = handler(payload as TopicPayloads[T], topic);
      } catch (err) {
        this.#errors++;
        this.#host.reportError(err, this.#self);
        continue;
      }
      if (isThenable(r)) {
        this.#busy = true;
        r.then(this.#settled, this.#failed);
      }
    }
    this.#afterTake();
  };

  #settled = (): void => {
    this.#busy = false;
    this.#drain();
  };

  #failed = (err: unknown): void => {
    this.#errors++;
    this.#host.reportError(err, this.#self);
    this.#settled();
  };

  // Wakes whoever waits for room or for an empty queue.
  #afterTake(): void {
    this.#queue.settle();
    if (this.#idleWaiters.length > 0 && this.#queue.length === 0 && !this.#busy) {
      const ws = this.#idleWaiters;
      this.#idleWaiters = [];
      for (const w of ws) w();
    }
  }

  /** Resolves once the queue has room (or the subscription closed). */
  waitForRoom(): Promise<void> {
    return this.#queue.waitForRoom();
  }

  /**
   * Resolves once every queued message has been handled (handler mode) or
   * the subscription closed. Iterator subscriptions resolve at once: their
   * consumer decides when to read.
   */
  idle(): Promise<void> {
    if (this.#closed || this.#handler === null || (this.#queue.length === 0 && !this.#busy)) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Stops delivery; queued messages are discarded and counted as dropped. */
  unsubscribe(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#queue.discard();
    this.#topicQueue?.clear();
    this.#host.detach(this.#self);
    this.#finishPull();
    this.#queue.close();
    const ws = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const w of ws) w();
  }

  /** Bus closing: an iterator yields what is queued, then ends. @internal */
  end(): void {
    this.#ended = true;
    if (this.#queue.length === 0) this.#finishPull();
    // Publishers waiting for room give up: the bus refuses from now on.
    this.#queue.wakeAll();
  }

  #finishPull(): void {
    if (this.#pull !== null) {
      const pull = this.#pull;
      this.#pull = null;
      pull({ value: undefined, done: true });
    }
  }

  /** Explicit resource management: `using sub = bus.subscribe(…)`. */
  [Symbol.dispose](): void {
    this.unsubscribe();
  }

  stats(): QueueStats {
    return {
      name: this.name,
      topics: this.topics,
      capacity: this.capacity,
      overflow: this.overflow,
      published: this.#published,
      delivered: this.#delivered,
      dropped: this.#queue.dropped,
      queued: this.#queue.length,
      highWater: this.#queue.highWater,
      errors: this.#errors,
    };
  }

  /** True while a `block` queue has refused a message and not yet made room. @internal */
  get refusing(): boolean {
    return this.#queue.refusing;
  }

  [Symbol.asyncIterator](): AsyncIterator<TopicPayloads[T]> {
    if (this.#handler !== null) {
      throw new TypeError('a subscription with a handler cannot also be iterated');
    }
    if (this.#iterating) throw new TypeError('a subscription can be iterated only once');
    this.#iterating = true;
    return {
      next: (): Promise<IteratorResult<TopicPayloads[T]>> => {
        if (this.#queue.length > 0) {
          const value = this.#queue.shift() as TopicPayloads[T];
          this.#topicQueue?.shift();
          this.#delivered++;
          this.#afterTake();
          if (this.#ended && this.#queue.length === 0) this.#closed = true;
          return Promise.resolve({ value, done: false });
        }
        if (this.#closed || this.#ended) return Promise.resolve({ value: undefined, done: true });
        if (this.#pull !== null) return Promise.reject(new TypeError('next() called again before the previous call settled'));
        return new Promise((resolve) => {
          this.#pull = resolve;
        });
      },
      return: (): Promise<IteratorResult<TopicPayloads[T]>> => {
        this.unsubscribe();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }
}
