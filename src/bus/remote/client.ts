import net from 'node:net';
import type { Duplex } from 'node:stream';
import { EventEmitter } from 'eventemitter3';
import { encodeFrame } from '../../wire/index.js';
// The loop sampler alone (perf_hooks, no bus): every process that embeds the
// bus measures its own event loop, which no other process can.
import { startLoopTicks } from '../loop-sampler.js';
import type { LoopReports } from '../loop-sampler.js';
import type { Envelope, Topic, TopicPayloads, Welcome } from '../../wire/index.js';
import { RunbusError } from '../../errors.js';
import { RunBus } from '../run-bus.js';
import type { BusStats, SubscribeOptions } from '../run-bus.js';
import type { OverflowPolicy } from '../bounded-queue.js';
import type { Handler, Subscription } from '../subscription.js';
import { Backoff } from './backoff.js';
import { resolveRemoteBusOptions } from './client-options.js';
import type { RemoteBusOptions, ResolvedRemoteBusOptions } from './client-options.js';
import { RemoteBusError, RemoteErrorCode } from './errors.js';
import { kMaxBatchEnvelopes } from './frames.js';
import { HubLink } from './hub-link.js';
import type { LinkCounters } from './hub-link.js';
import { ParentChannel } from './ipc-link.js';
import { LogLimiter } from './log-limiter.js';
import { LoopFrames } from './loop-frame.js';
import { Outbox } from './outbox.js';
import { RemoteFilters } from './remote-filters.js';

/*
 * A client's states:
 *
 *            connect()                Welcome
 *   WAITING ───────────► CONNECTING ──────────► CONNECTED
 *      ▲   (backoff timer)   │  (Hello sent)        │
 *      └─────────────────────┴──── socket closed ───┘
 *   ErrorFrame ERR_UNAUTHORIZED / ERR_PROTOCOL_VERSION /
 *   ERR_PID_UNVERIFIED / ERR_PEER_UID ──► FAILED (no retry; 'error' event)
 *   close() from any state ──► CLOSED
 *
 * publish() only ever touches the outbox (a bounded ring); the outbox is
 * written out in Publish frames while CONNECTED and the socket takes more.
 */

export type RemoteBusState = 'waiting' | 'connecting' | 'connected' | 'failed' | 'closed';

export interface RemoteBusStats {
  readonly state: RemoteBusState;
  readonly connected: boolean;
  /** publish() calls while open. published = sent + dropped + queued. */
  readonly published: number;
  /** Envelopes written to the socket. */
  readonly sent: number;
  /** Envelopes evicted or refused by the outbox, left in it at close(), or too big to send. */
  readonly dropped: number;
  /** Envelopes in the outbox now. */
  readonly queued: number;
  readonly outboxCapacity: number;
  readonly outboxOverflow: OverflowPolicy;
  readonly highWater: number;
  /** publish() calls after close(). */
  readonly refusedClosed: number;
  /** Successful handshakes after the first. */
  readonly reconnects: number;
  /** Connection attempts that failed. */
  readonly failedAttempts: number;
  /** Envelopes received from the hub (for remote subscriptions). */
  readonly received: number;
  readonly framesIn: number;
  readonly framesOut: number;
  readonly bytesIn: number;
  readonly bytesOut: number;
  /** The socket asked for 'drain' (the hub reads slower than we write); the outbox waits for it. */
  readonly awaitingDrain: boolean;
  /** The local bus that delivers what the hub sends. */
  readonly local: BusStats;
}

export interface RemoteBusEvents {
  /** The hub accepted the handshake (first time and after each reconnect). */
  connect: [welcome: Welcome];
  /** A connection that had been accepted is gone; reconnecting follows unless closed or failed. */
  disconnect: [reason: RunbusError | null];
  /** The hub refused us, sent something bad, or became unreachable (once per outage). */
  error: [err: RunbusError];
}

/**
 * A process's link to a hub's bus; see {@link connectBus}. `publish()`
 * sends to the hub; `subscribe()` receives what the hub's bus carries
 * (from every process, this one included), through a local {@link RunBus}.
 */
export class RemoteBus {
  readonly #opts: ResolvedRemoteBusOptions;
  readonly #local: RunBus;
  readonly #events = new EventEmitter<RemoteBusEvents>();
  readonly #log: LogLimiter;
  readonly #outbox: Outbox;
  readonly #filters = new RemoteFilters();
  readonly #backoff: Backoff;
  #state: RemoteBusState = 'waiting';
  // The connection in use (or being made), and the IPC transport when opts.ipc.
  #link: HubLink | null = null;
  #ipc: ParentChannel | null = null;
  #everConnected = false;
  #outageReported = false;
  #reconnectTimer: NodeJS.Timeout | null = null;
  #loop: LoopReports | null = null;
  readonly #loopFrames = new LoopFrames();
  #refTimer: NodeJS.Timeout | null = null;
  #flushScheduled: NodeJS.Immediate | null = null;
  #closing: Promise<void> | null = null;
  #shutting = false;
  #stateWaiters: (() => void)[] = [];
  #refusedClosed = 0;
  #reconnects = 0;
  #failedAttempts = 0;
  #received = 0;
  readonly #traffic: LinkCounters = { framesIn: 0, framesOut: 0, bytesIn: 0, bytesOut: 0 };

  /** @internal Use {@link connectBus}. */
  constructor(opts: ResolvedRemoteBusOptions) {
    this.#opts = opts;
    this.#log = new LogLimiter(opts.logger, opts.logIntervalMs);
    this.#local = new RunBus({ logger: opts.logger });
    this.#outbox = new Outbox({
      capacity: opts.outboxCapacity,
      overflow: opts.outboxOverflow,
      maxFrameBytes: opts.maxFrameBytes,
      logIntervalMs: opts.logIntervalMs,
      logger: opts.logger,
      component: opts.component,
    });
    this.#backoff = new Backoff(opts.reconnectMinMs, opts.reconnectMaxMs);
    if (opts.loopIntervalMs > 0 && opts.pid !== 0) {
      // One unref'd wake-up per interval (probe and report); sent only while connected.
      this.#loop = startLoopTicks(opts.loopIntervalMs, (tick) => {
        if (this.#state === 'connected' && this.#link !== null) this.#loopFrames.send(this.#link, tick);
      });
    }
    this.#connect();
  }

  get state(): RemoteBusState {
    return this.#state;
  }

  get connected(): boolean {
    return this.#state === 'connected';
  }

  /** The socket path this client connects to. */
  get socketPath(): string {
    return this.#opts.socket;
  }

  on<E extends keyof RemoteBusEvents>(event: E, listener: (...args: RemoteBusEvents[E]) => void): this {
    this.#events.on(event, listener);
    return this;
  }

  once<E extends keyof RemoteBusEvents>(event: E, listener: (...args: RemoteBusEvents[E]) => void): this {
    this.#events.once(event, listener);
    return this;
  }

  off<E extends keyof RemoteBusEvents>(event: E, listener: (...args: RemoteBusEvents[E]) => void): this {
    this.#events.off(event, listener);
    return this;
  }

  // ── publishing ─────────────────────────────────────────────────────────

  /**
   * Queues `payload` for the hub. Returns false when the outbox refused it
   * (`drop-newest`/`block` and full) or the client is closed. Never throws.
   * Local subscribers see it when the hub sends it back, like every
   * other process's messages.
   */
  publish<T extends Topic>(topic: T, payload: TopicPayloads[T]): boolean {
    if (this.#shutting) {
      this.#refusedClosed++;
      return false;
    }
    const q = this.#outbox;
    if (!q.push({ topic, payload } as Envelope)) return false;
    if (q.length >= kMaxBatchEnvelopes) this.#flush();
    else this.#scheduleFlush();
    return true;
  }

  /**
   * Like {@link publish}, but with a `block` outbox first waits for room, so
   * nothing is refused. Resolves false only when closed or failed (a refused
   * handshake: nothing will empty the outbox) meanwhile. Never rejects.
   */
  async publishAsync<T extends Topic>(topic: T, payload: TopicPayloads[T]): Promise<boolean> {
    const waits = () => this.#opts.outboxOverflow === 'block' && this.#outbox.full && !this.#shutting && this.#state !== 'failed';
    while (waits()) await this.#outbox.waitForRoom();
    return this.publish(topic, payload);
  }

  /** True when a publish() now would be queued without loss. */
  get writable(): boolean {
    return !this.#shutting && !this.#outbox.full;
  }

  #scheduleFlush(): void {
    if (this.#flushScheduled !== null || this.#state !== 'connected') return;
    // setImmediate rather than a microtask: a burst of publish() calls in
    // one tick goes out as one frame.
    this.#flushScheduled = setImmediate(this.#flushNow);
  }

  #flushNow = (): void => {
    this.#flushScheduled = null;
    this.#flush();
  };

  // Writes Publish frames while connected and the socket takes more.
  #flush(): void {
    const link = this.#link;
    if (this.#state !== 'connected' || link === null) return;
    const s = link.socket;
    const q = this.#outbox;
    const frames: Uint8Array[] = [];
    // Not once the socket is ending (the hub closes by ending its side; ours
    // follows): what is left stays in the outbox, counted, never written
    // into a closed stream and miscounted as sent.
    while (q.length > 0 && !s.writableNeedDrain && s.writable) {
      frames.length = 0;
      const skipped = q.take(frames);
      if (skipped > 0) {
        this.#emitError(new RemoteBusError(RemoteErrorCode.OVERSIZED_ENVELOPE, `${skipped} envelope(s) too big for one frame (maxFrameBytes ${this.#opts.maxFrameBytes}) or not encodable; dropped`));
      }
      for (const f of frames) link.write(f);
    }
    q.settle();
  }

  // ── subscribing ────────────────────────────────────────────────────────

  /** Subscribes to what the hub's bus carries, with a callback. */
  subscribe<T extends Topic>(topic: T | readonly T[], handler: Handler<T>, options?: SubscribeOptions): Subscription<T>;
  /** Subscribes for `for await (const payload of sub)`. */
  subscribe<T extends Topic>(topic: T | readonly T[], options?: SubscribeOptions): Subscription<T>;
  subscribe<T extends Topic>(
    topic: T | readonly T[],
    handlerOrOptions?: Handler<T> | SubscribeOptions,
    maybeOptions?: SubscribeOptions,
  ): Subscription<T> {
    const sub =
      typeof handlerOrOptions === 'function'
        ? this.#local.subscribe(topic, handlerOrOptions, maybeOptions)
        : this.#local.subscribe(topic, handlerOrOptions);
    this.#filters.add(sub as unknown as Subscription);
    this.#sendFilters();
    this.#updateRef();
    return sub;
  }

  #sendFilters(): void {
    if (this.#state !== 'connected') return;
    for (const subscribe of this.#filters.changes()) this.#link?.write(encodeFrame({ kind: 'subscribe', subscribe }));
  }

  // The socket keeps the process alive while a handshake is under way
  // (bounded by handshakeTimeoutMs) and while someone waits for data from
  // the hub (a live remote subscription); otherwise a publisher-only
  // process exits when its own work is done. Backoff timers follow suit.
  #updateRef(): void {
    // An awaited close() holds the process too, up to closeTimeoutMs.
    const want =
      this.#shutting ? this.#state !== 'closed' && this.#state !== 'waiting' : this.#state === 'connecting' || this.#filters.live;
    const sock = this.#link?.socket instanceof net.Socket ? this.#link.socket : null;
    if (want) {
      sock?.ref();
      this.#reconnectTimer?.ref();
      if (this.#refTimer === null) {
        // Notice unsubscribe() (the local bus has no hook for it).
        this.#refTimer = setInterval(() => {
          this.#updateRef();
        }, 1000);
        this.#refTimer.unref();
      }
    } else {
      sock?.unref();
      this.#reconnectTimer?.unref();
      if (this.#refTimer !== null) {
        clearInterval(this.#refTimer);
        this.#refTimer = null;
      }
    }
  }

  // ── connection ─────────────────────────────────────────────────────────

  #setState(s: RemoteBusState): void {
    this.#state = s;
    this.#updateRef();
    const ws = this.#stateWaiters;
    this.#stateWaiters = [];
    for (const w of ws) w();
  }

  #connect(): void {
    this.#reconnectTimer = null;
    if (this.#shutting) return;
    this.#setState('connecting');
    let socket: Duplex;
    if (this.#opts.ipc) socket = (this.#ipc ??= new ParentChannel()).open();
    else socket = net.connect(this.#opts.socket);
    const link: HubLink = new HubLink(socket, this.#opts, this.#traffic, {
      welcome: (w) => {
        this.#onWelcome(w);
      },
      publish: (envelopes) => {
        const bus = this.#local;
        this.#received += envelopes.length;
        for (const e of envelopes) bus.publish(e.topic, e.payload);
      },
      drain: () => {
        if (link === this.#link) this.#flush();
      },
      closed: (err, fatal) => {
        if (link === this.#link) this.#onClose(err, fatal);
      },
    });
    this.#link = link;
    this.#updateRef();
  }

  #onWelcome(w: Welcome): void {
    if (this.#everConnected) this.#reconnects++;
    this.#everConnected = true;
    this.#backoff.reset();
    this.#outageReported = false;
    this.#filters.reset();
    this.#setState('connected');
    this.#sendFilters();
    this.#flush();
    this.#emit('connect', w);
  }

  #onClose(err: RunbusError | null, fatal: boolean): void {
    const wasConnected = this.#state === 'connected';
    this.#link = null;
    if (wasConnected) this.#emit('disconnect', err);
    else this.#failedAttempts++;
    if (this.#shutting) {
      this.#setState('closed');
      return;
    }
    if (fatal) {
      this.#setState('failed');
      // Nothing will send again: publishers waiting for room give up.
      this.#outbox.stopWaiting();
      if (err !== null) this.#emitError(err);
      return;
    }
    if (err !== null && (err.code !== RemoteErrorCode.HUB_UNREACHABLE || !this.#outageReported)) {
      if (err.code === RemoteErrorCode.HUB_UNREACHABLE) this.#outageReported = true;
      if (!wasConnected || err.code !== RemoteErrorCode.SOCKET) this.#emitError(err);
    }
    this.#setState('waiting');
    const delay = this.#backoff.next();
    this.#reconnectTimer = setTimeout(() => {
      this.#connect();
    }, delay);
    this.#updateRef();
  }

  #emit<E extends keyof RemoteBusEvents>(event: E, ...args: RemoteBusEvents[E]): void {
    try {
      (this.#events.emit as (e: E, ...a: RemoteBusEvents[E]) => boolean)(event, ...args);
    } catch (err) {
      this.#log.warn('listener', `runbus client: a '${event}' listener threw: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  // eventemitter3 does not throw on an unheard 'error'; log it instead.
  #emitError(err: RunbusError): void {
    if (this.#events.listenerCount('error') > 0) this.#emit('error', err);
    else this.#log.warn(err.code, `runbus client "${this.#opts.component}": ${err.message}`);
  }

  // ── stats and lifecycle ────────────────────────────────────────────────

  stats(): RemoteBusStats {
    const outbox = this.#outbox.stats();
    return {
      state: this.#state,
      connected: this.#state === 'connected',
      published: outbox.published,
      sent: outbox.sent,
      dropped: outbox.dropped,
      queued: outbox.queued,
      outboxCapacity: this.#opts.outboxCapacity,
      outboxOverflow: this.#opts.outboxOverflow,
      highWater: outbox.highWater,
      refusedClosed: this.#refusedClosed,
      reconnects: this.#reconnects,
      failedAttempts: this.#failedAttempts,
      received: this.#received,
      ...this.#traffic,
      awaitingDrain: this.#link?.socket.writableNeedDrain ?? false,
      local: this.#local.stats(),
    };
  }

  /**
   * Waits (up to closeTimeoutMs) for a connection attempt in progress and
   * for the outbox to be written, closes the socket and the local bus.
   * Whatever could not be sent is counted as dropped. Idempotent; never rejects.
   */
  close(): Promise<void> {
    if (this.#closing === null) {
      // Set before #close() runs: its synchronous part already depends on it.
      this.#shutting = true;
      this.#closing = this.#close();
    }
    return this.#closing;
  }

  // The timers here are not unref'd: whoever awaits close() wants it to
  // finish (at most closeTimeoutMs), not the process to exit under it.
  async #close(): Promise<void> {
    const deadline = Date.now() + this.#opts.closeTimeoutMs;
    this.#loop?.stop();
    this.#updateRef();
    this.#outbox.stopWaiting();
    if (this.#reconnectTimer !== null) {
      clearTimeout(this.#reconnectTimer);
      this.#reconnectTimer = null;
    }
    // A connection attempt in progress may still carry the outbox out.
    while (this.#state === 'connecting' && Date.now() < deadline) await this.#waitState(deadline);
    if (this.#state === 'connected') {
      while (this.#state === 'connected' && this.#outbox.length > 0 && Date.now() < deadline) {
        this.#flush();
        if (this.#outbox.length > 0) await this.#waitDrainOrState(deadline);
      }
    }
    this.#outbox.discard();
    if (this.#flushScheduled !== null) clearImmediate(this.#flushScheduled);
    this.#flushScheduled = null;
    if (this.#refTimer !== null) clearInterval(this.#refTimer);
    this.#refTimer = null;
    const s = this.#link?.socket ?? null;
    if (s !== null) {
      // end() lets written frames reach the hub; destroy if it hangs.
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          s.destroy();
        }, Math.max(0, deadline - Date.now()) + 100);
        s.once('close', () => {
          clearTimeout(t);
          resolve();
        });
        s.end();
      });
    }
    this.#setState('closed');
    this.#ipc?.close();
    await this.#local.close();
  }

  #waitState(deadline: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, Math.max(0, deadline - Date.now()));
      this.#stateWaiters.push(() => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  #waitDrainOrState(deadline: number): Promise<void> {
    const s = this.#link?.socket;
    if (s === undefined) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(t);
        s.off('drain', done);
        resolve();
      };
      const t = setTimeout(done, Math.max(0, deadline - Date.now()));
      s.once('drain', done);
      this.#stateWaiters.push(done);
    });
  }
}

/**
 * Connects this process to a hub's bus over its Unix socket (see
 * `serveBus`). Returns at once; the connection is made, and remade after
 * the hub goes away, in the background ('connect', 'disconnect', 'error'
 * events). Throws TypeError/RangeError only for bad options.
 */
export function connectBus(options: RemoteBusOptions): RemoteBus {
  return new RemoteBus(resolveRemoteBusOptions(options));
}
