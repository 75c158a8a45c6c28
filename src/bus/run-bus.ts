import { EventEmitter } from 'eventemitter3';
import { kTopicNames, kTopics } from '../wire/index.js';
import type { Topic, TopicPayloads } from '../wire/index.js';
import { checkBool, checkInt, checkKeys, checkLogger, checkObject, checkOneOf, checkString } from '../options.js';
import type { Logger } from '../options.js';
import { DropReporter } from './bounded-queue.js';
import { Subscription, kOverflowPolicies } from './subscription.js';
import type { Handler, OverflowPolicy, QueueStats, ResolvedSubscribeOptions, SubscriptionHost } from './subscription.js';

/** Default queue capacity of a subscriber. */
export const kDefaultCapacity = 10_000;
/** Default interval between drop warnings. */
export const kDefaultDropLogIntervalMs = 10_000;

export type { Logger };

export interface RunBusOptions {
  /**
   * Queue capacity of a subscriber that names none.
   * @default 10000
   */
  capacity?: number;
  /**
   * Overflow policy of a subscriber that names none.
   * @default 'drop-oldest'
   */
  overflow?: OverflowPolicy;
  /**
   * Run-scoped capacity: the default capacity of subscribers filtered to a
   * given run id, per run id.
   * @default {}
   */
  runCapacity?: Record<string, number>;
  /**
   * Drops are summed and logged at most once per this many milliseconds.
   * @default 10000
   */
  dropLogIntervalMs?: number;
  /**
   * Where drop warnings (and handler errors with no 'error' listener) go.
   * @default silent: util.debuglog('runbus') (NODE_DEBUG=runbus shows it)
   */
  logger?: Logger;
}

export interface ResolvedRunBusOptions {
  capacity: number;
  overflow: OverflowPolicy;
  runCapacity: Map<string, number>;
  dropLogIntervalMs: number;
  logger: Logger;
}

export interface SubscribeOptions {
  /** Label in stats and logs. @default 'sub-<n>' */
  name?: string;
  /** Queue capacity. @default the run's capacity, else the bus default */
  capacity?: number;
  /** Overflow policy. @default the bus default ('drop-oldest') */
  overflow?: OverflowPolicy;
  /** Only payloads whose runId equals this. @default every run */
  runId?: string;
  /** Only payloads whose component equals this. @default every component */
  component?: string;
  /**
   * A viewer's buffer (the dashboard's page feed): what it drops is the
   * viewer falling behind, not lost data. Its queue keeps its own counts
   * (published = delivered + dropped + queued), but its drops go to
   * `BusStats.viewDropped` instead of `BusStats.dropped`, which the hub's
   * heartbeat and the samples_dropped alert report.
   * @default false
   */
  view?: boolean;
}

export interface TopicStats {
  /** publish() calls on this topic. */
  readonly published: number;
  readonly subscribers: number;
}

export interface BusStats {
  readonly published: number;
  /**
   * Sum of every subscriber's drops, including subscribers gone since;
   * viewers' buffers (`view: true`) are in `viewDropped` instead.
   */
  readonly dropped: number;
  /** Drops of viewers' buffers (subscribers with `view: true`), including those gone since. */
  readonly viewDropped: number;
  /** publish() calls refused because the bus was closed. */
  readonly refusedClosed: number;
  readonly topics: Readonly<Record<string, TopicStats>>;
  readonly subscribers: readonly QueueStats[];
}

export interface RunBusEvents {
  /** A handler threw or rejected. */
  error: [err: unknown, subscription: Subscription];
  /** A `block` queue that refused messages has room again. */
  drain: [subscription: Subscription];
}

const kBusKeys = ['capacity', 'overflow', 'runCapacity', 'dropLogIntervalMs', 'logger'] as const;
const kSubKeys = ['name', 'capacity', 'overflow', 'runId', 'component', 'view'] as const;
const kMaxCapacity = 2 ** 24;

export function resolveRunBusOptions(options: RunBusOptions = {}): ResolvedRunBusOptions {
  checkObject(options, 'options');
  checkKeys(options, kBusKeys, 'RunBus');
  const runCapacity = new Map<string, number>();
  if (options.runCapacity !== undefined) {
    checkObject(options.runCapacity, 'options.runCapacity');
    for (const [run, cap] of Object.entries(options.runCapacity)) {
      runCapacity.set(run, checkInt(cap, `options.runCapacity[${JSON.stringify(run)}]`, 1, kMaxCapacity));
    }
  }
  const logger = checkLogger(options.logger);
  return {
    capacity: checkInt(options.capacity ?? kDefaultCapacity, 'options.capacity', 1, kMaxCapacity),
    overflow: checkOneOf(options.overflow ?? 'drop-oldest', 'options.overflow', kOverflowPolicies),
    runCapacity,
    dropLogIntervalMs: checkInt(options.dropLogIntervalMs ?? kDefaultDropLogIntervalMs, 'options.dropLogIntervalMs', 1),
    logger,
  };
}

function describe(err: unknown): string {
  return err instanceof Error ? err.stack ?? err.message : String(err);
}

function toTopics<T extends Topic>(topic: T | readonly T[]): T[] {
  const list = Array.isArray(topic) ? [...(topic as readonly T[])] : [topic as T];
  if (list.length === 0) throw new TypeError('subscribe() needs at least one topic');
  for (const t of list) {
    if (!kTopics.includes(t)) throw new TypeError(`unknown topic ${String(t)}; use Topic.RESOURCE, Topic.HOST, …`);
  }
  return [...new Set(list)];
}

/**
 * The typed publish/subscribe bus. Topics map to payload types
 * ({@link TopicPayloads}); every subscriber owns a bounded queue with a named
 * overflow policy, and for each queue published = delivered + dropped +
 * queued at every moment.
 *
 * `publish()` is synchronous and never throws: it offers the message to each
 * matching queue (eventemitter3 fans it out) and returns. Callbacks run in a
 * microtask; async iterators pull.
 */
export class RunBus {
  readonly #opts: ResolvedRunBusOptions;
  readonly #emitter = new EventEmitter<Record<number, [payload: TopicPayloads[Topic], topic: Topic]>>();
  readonly #events = new EventEmitter<RunBusEvents>();
  readonly #subs = new Set<Subscription>();
  /** The subscribers created with `view: true`. */
  readonly #views = new WeakSet<Subscription>();
  readonly #publishedByTopic = new Array<number>(8).fill(0);
  #droppedGone = 0;
  #viewDroppedGone = 0;
  /** Drops by subscribers other than views, as they happen (detached ones included). */
  #droppedCount = 0;
  #refusedClosed = 0;
  #refused = false;
  #closed = false;
  #closing: Promise<void> | null = null;
  #nextId = 1;
  // Drop reporting: per subscriber, drops since the last warning.
  readonly #drops: DropReporter<Subscription>;
  #unhandledErrorLogged = false;
  #listenerThrowLogged = false;

  readonly #host: SubscriptionHost = {
    noteDrop: (sub, n) => {
      if (!this.#views.has(sub)) this.#droppedCount += n;
      this.#drops.note(sub, n);
    },
    noteRefused: () => {
      this.#refused = true;
    },
    noteDrained: (sub) => {
      try {
        this.#events.emit('drain', sub);
      } catch (err) {
        this.#host.reportError(err, sub);
      }
    },
    // Never throws: it runs inside a subscription's delivery loop, which a
    // throw here would leave stopped for good (a rejected handler's queue
    // never delivering again, 'block' publishers never woken).
    reportError: (err, sub) => {
      try {
        if (this.#events.listenerCount('error') > 0) {
          this.#events.emit('error', err, sub);
        } else if (!this.#unhandledErrorLogged) {
          this.#unhandledErrorLogged = true;
          this.#opts.logger.warn(`runbus: subscriber "${sub.name}" threw (further errors are only counted; listen to 'error' to see them): ${describe(err)}`);
        }
      } catch (thrown) {
        if (this.#listenerThrowLogged) return;
        this.#listenerThrowLogged = true;
        try {
          this.#opts.logger.warn(`runbus: an 'error' listener or the logger threw (further throws are ignored): ${describe(thrown)}`);
        } catch {
          // A logger that throws has nowhere left to report to.
        }
      }
    },
    detach: (sub) => {
      // eventemitter3 calls offer with `sub` as `this` (the third argument).
      // eslint-disable-next-line @typescript-eslint/unbound-method
      for (const t of sub.topics) this.#emitter.off(t, sub.offer, sub);
      this.#subs.delete(sub);
      if (this.#views.has(sub)) this.#viewDroppedGone += sub.stats().dropped;
      else this.#droppedGone += sub.stats().dropped;
    },
  };

  constructor(options?: RunBusOptions) {
    this.#opts = resolveRunBusOptions(options);
    this.#drops = new DropReporter(this.#opts.logger, this.#opts.dropLogIntervalMs, (drops, total) => {
      const parts: string[] = [];
      for (const [sub, n] of drops) parts.push(`${sub.name} ${n} (${sub.overflow}, capacity ${sub.capacity})`);
      return `runbus: ${total} messages dropped: ${parts.join(', ')}`;
    });
  }

  /**
   * Offers `payload` to every subscriber of `topic`. Returns false when a
   * `block` subscriber's queue was full (that subscriber did not get it;
   * see {@link publishAsync}) or the bus is closed. Never throws.
   */
  publish<T extends Topic>(topic: T, payload: TopicPayloads[T]): boolean {
    if (this.#closed) {
      this.#refusedClosed++;
      return false;
    }
    this.#publishedByTopic[topic]!++;
    this.#refused = false;
    this.#emitter.emit(topic, payload, topic);
    return !this.#refused;
  }

  /**
   * Like {@link publish}, but first waits until every matching `block`
   * subscriber has room, so nothing is refused. Resolves false only when the
   * bus closed meanwhile. Never rejects.
   */
  async publishAsync<T extends Topic>(topic: T, payload: TopicPayloads[T]): Promise<boolean> {
    for (;;) {
      if (this.#closed) return this.publish(topic, payload);
      const full = this.#fullBlocker(topic, payload);
      if (full === undefined) return this.publish(topic, payload);
      await full.waitForRoom();
    }
  }

  #fullBlocker(topic: Topic, payload: object): Subscription | undefined {
    for (const sub of this.#subs) {
      if (sub.overflow === 'block' && sub.topics.includes(topic) && sub.matchesAndFull(payload)) return sub;
    }
    return undefined;
  }

  /** Subscribes with a callback. */
  subscribe<T extends Topic>(topic: T | readonly T[], handler: Handler<T>, options?: SubscribeOptions): Subscription<T>;
  /** Subscribes for `for await (const payload of sub)`. */
  subscribe<T extends Topic>(topic: T | readonly T[], options?: SubscribeOptions): Subscription<T>;
  subscribe<T extends Topic>(
    topic: T | readonly T[],
    handlerOrOptions?: Handler<T> | SubscribeOptions,
    maybeOptions?: SubscribeOptions,
  ): Subscription<T> {
    const topics = toTopics(topic);
    const handler = typeof handlerOrOptions === 'function' ? handlerOrOptions : null;
    const options = typeof handlerOrOptions === 'function' ? maybeOptions : handlerOrOptions;
    if (this.#closed) throw new TypeError('subscribe() on a closed RunBus');
    const sub = new Subscription<T>(this.#host, topics, handler, this.#resolveSubscribe(options));
    this.#subs.add(sub as unknown as Subscription);
    if (options?.view === true) this.#views.add(sub as unknown as Subscription);
    // eslint-disable-next-line @typescript-eslint/unbound-method
    for (const t of topics) this.#emitter.on(t, sub.offer, sub);
    return sub;
  }

  #resolveSubscribe(options: SubscribeOptions = {}): ResolvedSubscribeOptions {
    checkObject(options, 'options');
    checkKeys(options, kSubKeys, 'subscribe');
    const runId = options.runId === undefined ? undefined : checkString(options.runId, 'options.runId');
    const component = options.component === undefined ? undefined : checkString(options.component, 'options.component');
    if (options.view !== undefined) checkBool(options.view, 'options.view');
    const fallback = (runId !== undefined ? this.#opts.runCapacity.get(runId) : undefined) ?? this.#opts.capacity;
    return {
      name: options.name === undefined ? `sub-${this.#nextId++}` : checkString(options.name, 'options.name'),
      capacity: checkInt(options.capacity ?? fallback, 'options.capacity', 1, kMaxCapacity),
      overflow: checkOneOf(options.overflow ?? this.#opts.overflow, 'options.overflow', kOverflowPolicies),
      runId,
      component,
    };
  }

  /** Sets the default capacity of subscribers created later for `runId`. */
  setRunCapacity(runId: string, capacity: number): void {
    this.#opts.runCapacity.set(checkString(runId, 'runId'), checkInt(capacity, 'capacity', 1, kMaxCapacity));
  }

  on<E extends keyof RunBusEvents>(event: E, listener: (...args: RunBusEvents[E]) => void): this {
    this.#events.on(event, listener);
    return this;
  }

  off<E extends keyof RunBusEvents>(event: E, listener: (...args: RunBusEvents[E]) => void): this {
    this.#events.off(event, listener);
    return this;
  }

  stats(): BusStats {
    const all = [...this.#subs];
    const subscribers = all.map((s) => s.stats());
    let dropped = this.#droppedGone;
    let viewDropped = this.#viewDroppedGone;
    all.forEach((sub, i) => {
      if (this.#views.has(sub)) viewDropped += subscribers[i]!.dropped;
      else dropped += subscribers[i]!.dropped;
    });
    const topics: Record<string, TopicStats> = {};
    for (const t of kTopics) {
      topics[kTopicNames[t]] = {
        published: this.#publishedByTopic[t]!,
        subscribers: this.#emitter.listenerCount(t),
      };
    }
    return {
      published: this.#publishedByTopic.reduce((a, b) => a + b, 0),
      dropped,
      viewDropped,
      refusedClosed: this.#refusedClosed,
      topics,
      subscribers,
    };
  }

  /**
   * Messages dropped so far by subscribers other than views: what
   * `stats().dropped` counts, without building the stats (cheap enough for
   * every tick).
   */
  get droppedCount(): number {
    return this.#droppedCount;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Stops accepting messages, waits until every callback subscriber has
   * handled what is queued, ends iterators (they still yield what is
   * queued), and logs any drops not yet reported. Idempotent.
   */
  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  async #close(): Promise<void> {
    this.#closed = true;
    const subs = [...this.#subs];
    for (const s of subs) s.end();
    await Promise.all(subs.map((s) => s.idle()));
    this.#drops.flush();
  }
}
