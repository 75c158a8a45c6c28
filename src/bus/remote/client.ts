import net from 'node:net';
import type { Duplex } from 'node:stream';
import { EventEmitter } from 'eventemitter3';
import { FrameReader, decodeFrame, encodeFrame, kDefaultMaxFrameBytes, kProtocolVersion, kTopics } from '../../wire/index.js';
// The loop sampler alone (perf_hooks, no bus): every process that embeds the
// bus measures its own event loop, which no other process can.
import { startLoopReports } from '../loop-sampler.js';
import type { LoopReports } from '../loop-sampler.js';
import type { Envelope, Frame, Topic, TopicPayloads, Welcome } from '../../wire/index.js';
import { RunbusError } from '../../errors.js';
import { checkInt, checkKeys, checkObject, checkOneOf, checkString, kLibraryLogger } from '../../options.js';
import { RunBus } from '../run-bus.js';
import type { BusStats, Logger, SubscribeOptions } from '../run-bus.js';
import { RingBuffer } from '../ring-buffer.js';
import { kOverflowPolicies } from '../subscription.js';
import type { Handler, OverflowPolicy, Subscription } from '../subscription.js';
import { RemoteBusError } from './errors.js';
import { encodePublishFrames, kMaxBatchEnvelopes } from './frames.js';
import { IpcLink, linkMessage } from './ipc-link.js';
import type { IpcEndpoint } from './ipc-link.js';
import { LogLimiter } from './log-limiter.js';
import { defaultSocketPath } from './socket-path.js';

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

/** Default outbox capacity. */
export const kDefaultOutboxCapacity = 10_000;
/** Default first reconnect delay. */
export const kDefaultReconnectMinMs = 50;
/** Default longest reconnect delay. */
export const kDefaultReconnectMaxMs = 5_000;

export interface RemoteBusOptions {
  /**
   * Path of the hub's Unix socket.
   * @default defaultSocketPath()
   */
  socket?: string;
  /**
   * Talk to the hub over this process's fork() IPC channel instead of the
   * socket (the parent calls `server.attachChild(child)`). The channel is
   * held open (the process kept alive) until close() or until the parent
   * disconnects.
   * @default false
   */
  ipc?: boolean;
  /** This process's role, e.g. "trainer"; sent in Hello. Required. */
  component: string;
  /**
   * Run id sent in Hello.
   * @default ''
   */
  runId?: string;
  /**
   * Shared secret sent in Hello; callers usually pass `process.env.RUNBUS_TOKEN`.
   * @default ''
   */
  token?: string;
  /**
   * pid announced in Hello (the hub samples it). The hub checks it against
   * the kernel's record of who connected and refuses any other pid with
   * ERR_PID_UNVERIFIED (a failed state, no retry); 0 asks for no sampling.
   * @default process.pid
   */
  pid?: number;
  /**
   * Envelopes held while the socket is slow or the hub is away.
   * @default 10000
   */
  outboxCapacity?: number;
  /**
   * What a full outbox does with the next publish(): `drop-oldest` evicts
   * the oldest, `drop-newest` refuses the new one, `block` refuses it and
   * publishAsync() waits for room. Every loss is counted in stats().dropped.
   * @default 'drop-oldest'
   */
  outboxOverflow?: OverflowPolicy;
  /**
   * Largest frame sent to or accepted from the hub.
   * @default 1048576 (1 MiB)
   */
  maxFrameBytes?: number;
  /**
   * First reconnect delay; it doubles per failed attempt up to
   * reconnectMaxMs, and each delay is jittered to 50–100 %.
   * @default 50
   */
  reconnectMinMs?: number;
  /**
   * Longest reconnect delay.
   * @default 5000
   */
  reconnectMaxMs?: number;
  /**
   * Time the hub has to answer Hello before the attempt counts as failed.
   * @default 5000
   */
  handshakeTimeoutMs?: number;
  /**
   * How long close() waits for a connection and for the outbox to drain.
   * @default 2000
   */
  closeTimeoutMs?: number;
  /**
   * Outbox drops and hub outages are logged at most once per this many ms.
   * @default 10000
   */
  logIntervalMs?: number;
  /**
   * Send this process's event-loop figures (lag p50/p99/max, utilization)
   * to the hub every this many ms; the hub merges them into this process's
   * ResourceSnapshot. 0 turns it off.
   * @default 1000
   */
  loopIntervalMs?: number;
  /**
   * Where outbox drops and hub outages are reported.
   * @default silent: util.debuglog('runbus') (NODE_DEBUG=runbus shows it)
   */
  logger?: Logger;
}

export interface ResolvedRemoteBusOptions {
  ipc: boolean;
  socket: string;
  component: string;
  runId: string;
  token: string;
  pid: number;
  outboxCapacity: number;
  outboxOverflow: OverflowPolicy;
  maxFrameBytes: number;
  reconnectMinMs: number;
  reconnectMaxMs: number;
  handshakeTimeoutMs: number;
  closeTimeoutMs: number;
  logIntervalMs: number;
  loopIntervalMs: number;
  logger: Logger;
}

const kClientKeys = [
  'ipc',
  'socket',
  'component',
  'runId',
  'token',
  'pid',
  'outboxCapacity',
  'outboxOverflow',
  'maxFrameBytes',
  'reconnectMinMs',
  'reconnectMaxMs',
  'handshakeTimeoutMs',
  'closeTimeoutMs',
  'logIntervalMs',
  'loopIntervalMs',
  'logger',
] as const;

export function resolveRemoteBusOptions(options: RemoteBusOptions): ResolvedRemoteBusOptions {
  if (options === undefined) throw new TypeError('connectBus() needs options with at least { component }');
  checkObject(options, 'options');
  checkKeys(options, kClientKeys, 'connectBus');
  const component = checkString(options.component, 'options.component');
  const logger = options.logger ?? kLibraryLogger;
  if (typeof logger !== 'object' || logger === null || typeof (logger as Partial<Logger>).warn !== 'function') {
    throw new TypeError('options.logger must have a warn(message) method');
  }
  const reconnectMinMs = checkInt(options.reconnectMinMs ?? kDefaultReconnectMinMs, 'options.reconnectMinMs', 1);
  const reconnectMaxMs = checkInt(options.reconnectMaxMs ?? Math.max(kDefaultReconnectMaxMs, reconnectMinMs), 'options.reconnectMaxMs', 1);
  if (reconnectMaxMs < reconnectMinMs) {
    throw new RangeError(`options.reconnectMaxMs (${reconnectMaxMs}) must be >= options.reconnectMinMs (${reconnectMinMs})`);
  }
  const socket = options.socket === undefined ? defaultSocketPath() : checkString(options.socket, 'options.socket');
  if (socket === '') throw new TypeError('options.socket must not be empty');
  const ipc = options.ipc ?? false;
  if (typeof ipc !== 'boolean') throw new TypeError('options.ipc must be a boolean');
  if (ipc && typeof process.send !== 'function') throw new TypeError('options.ipc needs a process started with child_process.fork() (process.send is missing)');
  return {
    ipc,
    socket,
    component,
    runId: options.runId === undefined ? '' : checkString(options.runId, 'options.runId'),
    token: options.token === undefined ? '' : checkString(options.token, 'options.token'),
    pid: checkInt(options.pid ?? process.pid, 'options.pid', 0, 0xffffffff),
    outboxCapacity: checkInt(options.outboxCapacity ?? kDefaultOutboxCapacity, 'options.outboxCapacity', 1, 2 ** 24),
    outboxOverflow: checkOneOf(options.outboxOverflow ?? 'drop-oldest', 'options.outboxOverflow', kOverflowPolicies),
    maxFrameBytes: checkInt(options.maxFrameBytes ?? kDefaultMaxFrameBytes, 'options.maxFrameBytes', 64, 0xffffffff),
    reconnectMinMs,
    reconnectMaxMs,
    handshakeTimeoutMs: checkInt(options.handshakeTimeoutMs ?? 5_000, 'options.handshakeTimeoutMs', 1),
    closeTimeoutMs: checkInt(options.closeTimeoutMs ?? 2_000, 'options.closeTimeoutMs', 0),
    logIntervalMs: checkInt(options.logIntervalMs ?? 10_000, 'options.logIntervalMs', 1),
    loopIntervalMs: checkInt(options.loopIntervalMs ?? 1000, 'options.loopIntervalMs', 0, 3_600_000),
    logger,
  };
}

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

// Codes after which retrying cannot help.
const kFatalCodes = new Set(['ERR_UNAUTHORIZED', 'ERR_PROTOCOL_VERSION', 'ERR_PID_UNVERIFIED', 'ERR_PEER_UID']);

interface TopicFilter {
  runId: string;
  component: string;
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
  readonly #outbox: RingBuffer<Envelope>;
  #state: RemoteBusState = 'waiting';
  #socket: Duplex | null = null;
  // IPC transport: the link id in use and the channel listener.
  #linkId = 0;
  #onIpcMessage: ((m: unknown) => void) | null = null;
  #reader: FrameReader | null = null;
  #attempt = 0;
  #everConnected = false;
  #outageReported = false;
  #lastError: RunbusError | null = null;
  #reconnectTimer: NodeJS.Timeout | null = null;
  #loop: LoopReports | null = null;
  #handshakeTimer: NodeJS.Timeout | null = null;
  #refTimer: NodeJS.Timeout | null = null;
  #flushScheduled: NodeJS.Immediate | null = null;
  #closing: Promise<void> | null = null;
  #shutting = false;
  // Remote subscriptions and the per-topic filter last sent to the hub.
  readonly #subs: Subscription[] = [];
  readonly #sentFilters = new Map<Topic, TopicFilter>();
  #roomWaiters: (() => void)[] = [];
  #stateWaiters: (() => void)[] = [];
  #published = 0;
  #sent = 0;
  #dropped = 0;
  #highWater = 0;
  #refusedClosed = 0;
  #reconnects = 0;
  #failedAttempts = 0;
  #received = 0;
  #framesIn = 0;
  #framesOut = 0;
  #bytesIn = 0;
  #bytesOut = 0;
  #dropsSinceLog = 0;
  #dropTimer: NodeJS.Timeout | null = null;

  /** @internal Use {@link connectBus}. */
  constructor(opts: ResolvedRemoteBusOptions) {
    this.#opts = opts;
    this.#log = new LogLimiter(opts.logger, opts.logIntervalMs);
    this.#local = new RunBus({ logger: opts.logger });
    this.#outbox = new RingBuffer(opts.outboxCapacity);
    if (opts.loopIntervalMs > 0 && opts.pid !== 0) {
      // One unref'd wake-up per interval, the probe and the report at once;
      // figures are sent only while connected.
      this.#loop = startLoopReports(opts.loopIntervalMs, (figures) => {
        if (this.#state === 'connected') this.#write(encodeFrame({ kind: 'loop', loop: { tsMs: Date.now(), ...figures } }));
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
    this.#published++;
    const q = this.#outbox;
    if (q.full) {
      this.#noteDrop(1);
      if (this.#opts.outboxOverflow !== 'drop-oldest') return false;
      q.shift();
    }
    q.push({ topic, payload } as Envelope);
    if (q.length > this.#highWater) this.#highWater = q.length;
    if (q.length >= kMaxBatchEnvelopes) this.#flush();
    else this.#scheduleFlush();
    return true;
  }

  /**
   * Like {@link publish}, but with a `block` outbox first waits for room, so
   * nothing is refused. Resolves false only when closed meanwhile. Never rejects.
   */
  async publishAsync<T extends Topic>(topic: T, payload: TopicPayloads[T]): Promise<boolean> {
    while (this.#opts.outboxOverflow === 'block' && this.#outbox.full && !this.#shutting) {
      await new Promise<void>((resolve) => this.#roomWaiters.push(resolve));
    }
    return this.publish(topic, payload);
  }

  /** True when a publish() now would be queued without loss. */
  get writable(): boolean {
    return !this.#shutting && !this.#outbox.full;
  }

  // Drops are summed and logged once per logIntervalMs (like RunBus).
  #noteDrop(n: number): void {
    this.#dropped += n;
    this.#dropsSinceLog += n;
    if (this.#dropTimer === null) {
      this.#dropTimer = setTimeout(this.#logDrops, this.#opts.logIntervalMs);
      this.#dropTimer.unref();
    }
  }

  #logDrops = (): void => {
    this.#dropTimer = null;
    if (this.#dropsSinceLog === 0) return;
    const n = this.#dropsSinceLog;
    this.#dropsSinceLog = 0;
    try {
      this.#opts.logger.warn(`runbus client "${this.#opts.component}": outbox dropped ${n} envelopes (${this.#opts.outboxOverflow}, capacity ${this.#opts.outboxCapacity}); ${this.#dropped} in all`);
    } catch {
      // A throwing logger must not reach publish().
    }
  };

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
    const s = this.#socket;
    if (this.#state !== 'connected' || s === null) return;
    const q = this.#outbox;
    const frames: Uint8Array[] = [];
    // Not once the socket is ending (the hub closes by ending its side; ours
    // follows): what is left stays in the outbox, counted, never written
    // into a closed stream and miscounted as sent.
    while (q.length > 0 && !s.writableNeedDrain && s.writable) {
      const n = Math.min(q.length, kMaxBatchEnvelopes);
      const batch = new Array<Envelope>(n);
      for (let i = 0; i < n; ++i) batch[i] = q.shift()!;
      frames.length = 0;
      const bad = encodePublishFrames(batch, this.#opts.maxFrameBytes, frames);
      const skipped = bad.oversized + bad.unencodable;
      if (skipped > 0) {
        this.#noteDrop(skipped);
        this.#emitError(new RemoteBusError('ERR_OVERSIZED_ENVELOPE', `${skipped} envelope(s) too big for one frame (maxFrameBytes ${this.#opts.maxFrameBytes}) or not encodable; dropped`));
      }
      this.#sent += n - skipped;
      for (const f of frames) this.#write(f);
    }
    this.#wakeRoom();
  }

  #write(bytes: Uint8Array): boolean {
    const s = this.#socket;
    if (s === null || s.destroyed || !s.writable) return false;
    this.#framesOut++;
    this.#bytesOut += bytes.length;
    return s.write(bytes);
  }

  #wakeRoom(): void {
    if (this.#roomWaiters.length > 0 && (!this.#outbox.full || this.#shutting)) {
      const ws = this.#roomWaiters;
      this.#roomWaiters = [];
      for (const w of ws) w();
    }
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
    this.#subs.push(sub as unknown as Subscription);
    this.#sendFilters();
    this.#updateRef();
    return sub;
  }

  // The hub keeps one filter per topic per connection, so ask for the
  // narrowest filter that covers every local subscriber of the topic; the
  // local bus applies each subscriber's own filter. No message arrives twice.
  #wantedFilters(): Map<Topic, TopicFilter> {
    const want = new Map<Topic, TopicFilter>();
    for (let i = this.#subs.length - 1; i >= 0; --i) {
      if (this.#subs[i]!.closed) this.#subs.splice(i, 1);
    }
    for (const sub of this.#subs) {
      for (const t of sub.topics) {
        const f = { runId: sub.runId ?? '', component: sub.component ?? '' };
        const had = want.get(t);
        if (had === undefined) want.set(t, f);
        else {
          if (had.runId !== f.runId) had.runId = '';
          if (had.component !== f.component) had.component = '';
        }
      }
    }
    return want;
  }

  #sendFilters(): void {
    if (this.#state !== 'connected') return;
    const want = this.#wantedFilters();
    // Group topics that share a filter into one Subscribe frame.
    const groups = new Map<string, { filter: TopicFilter; topics: Topic[] }>();
    for (const t of kTopics) {
      const f = want.get(t);
      if (f === undefined) continue;
      const sent = this.#sentFilters.get(t);
      if (sent !== undefined && sent.runId === f.runId && sent.component === f.component) continue;
      const key = `${f.runId}\u0000${f.component}`;
      const g = groups.get(key);
      if (g === undefined) groups.set(key, { filter: f, topics: [t] });
      else g.topics.push(t);
      this.#sentFilters.set(t, f);
    }
    for (const { filter, topics } of groups.values()) {
      this.#write(encodeFrame({ kind: 'subscribe', subscribe: { topics, runId: filter.runId, component: filter.component } }));
    }
  }

  // The socket keeps the process alive while a handshake is under way
  // (bounded by handshakeTimeoutMs) and while someone waits for data from
  // the hub (a live remote subscription); otherwise a publisher-only
  // process exits when its own work is done. Backoff timers follow suit.
  #updateRef(): void {
    // An awaited close() holds the process too, up to closeTimeoutMs.
    const want =
      this.#shutting ? this.#state !== 'closed' && this.#state !== 'waiting' : this.#state === 'connecting' || this.#subs.some((s) => !s.closed);
    const sock = this.#socket instanceof net.Socket ? this.#socket : null;
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
    const s = this.#opts.ipc ? this.#openLink() : net.connect(this.#opts.socket);
    this.#socket = s;
    this.#reader = new FrameReader({ maxFrameBytes: this.#opts.maxFrameBytes });
    this.#lastError = null;
    this.#updateRef();
    s.on('connect', () => {
      this.#write(
        encodeFrame({
          kind: 'hello',
          hello: { protocolVersion: kProtocolVersion, component: this.#opts.component, pid: this.#opts.pid, runId: this.#opts.runId, token: this.#opts.token },
        }),
      );
      this.#handshakeTimer = setTimeout(() => {
        this.#handshakeTimer = null;
        this.#dropConnection(s, new RemoteBusError('ERR_HANDSHAKE_TIMEOUT', `the hub did not answer Hello within ${this.#opts.handshakeTimeoutMs} ms`));
      }, this.#opts.handshakeTimeoutMs);
      this.#handshakeTimer.unref();
    });
    s.on('data', (chunk: Buffer) => {
      if (s !== this.#socket) return;
      this.#bytesIn += chunk.length;
      try {
        this.#reader!.push(chunk, (body) => {
          this.#onFrame(s, decodeFrame(body));
        });
      } catch (err) {
        const e = err instanceof RunbusError ? err : new RemoteBusError('ERR_WIRE_UNDECODABLE', String(err), { cause: err });
        this.#dropConnection(s, e);
      }
    });
    s.on('drain', () => {
      if (s === this.#socket) this.#flush();
    });
    s.on('error', (err: NodeJS.ErrnoException) => {
      if (s === this.#socket && this.#lastError === null) {
        this.#lastError = new RemoteBusError(this.#state === 'connected' ? 'ERR_SOCKET' : 'ERR_HUB_UNREACHABLE', `hub socket ${this.#opts.socket}: ${err.code ?? err.message}`, { cause: err });
      }
    });
    s.on('close', () => {
      this.#onClose(s);
    });
  }

  // An IPC link behaves like a socket that connects at once (or fails
  // when the channel is gone).
  #openLink(): Duplex {
    const ep = process as unknown as IpcEndpoint;
    if (this.#onIpcMessage === null) {
      this.#onIpcMessage = (m: unknown): void => {
        const w = linkMessage(m);
        const link = this.#socket;
        if (w !== null && link instanceof IpcLink && w.c === link.id) link.deliver(w);
      };
      process.on('message', this.#onIpcMessage);
    }
    const link = new IpcLink(ep, ++this.#linkId);
    queueMicrotask(() => {
      if (process.connected) link.emit('connect');
      else link.destroy(new Error('the IPC channel to the parent is closed'));
    });
    return link;
  }

  #onFrame(s: Duplex, frame: Frame): void {
    if (s !== this.#socket) return;
    this.#framesIn++;
    switch (frame.kind) {
      case 'welcome':
        if (this.#state !== 'connecting') throw new RemoteBusError('ERR_UNEXPECTED_FRAME', 'a second welcome from the hub');
        this.#onWelcome(frame.welcome);
        break;
      case 'publish': {
        if (this.#state !== 'connected') throw new RemoteBusError('ERR_UNEXPECTED_FRAME', 'publish from the hub before welcome');
        const bus = this.#local;
        this.#received += frame.envelopes.length;
        for (const e of frame.envelopes) bus.publish(e.topic, e.payload);
        break;
      }
      case 'error': {
        const code = frame.error.code === '' ? 'ERR_PEER_ERROR' : frame.error.code;
        const err = new RemoteBusError(code as `ERR_${string}`, `the hub closed the connection: ${code}: ${frame.error.message ?? ''}`);
        this.#lastError = err;
        if (kFatalCodes.has(code)) this.#fatal = true;
        break;
      }
      case 'hello':
      case 'subscribe':
      case 'loop':
        throw new RemoteBusError('ERR_UNEXPECTED_FRAME', `unexpected ${frame.kind} frame from the hub`);
      default: {
        const never: never = frame;
        throw new RemoteBusError('ERR_UNEXPECTED_FRAME', `unknown frame kind ${String((never as { kind: unknown }).kind)}`);
      }
    }
  }

  #fatal = false;

  #onWelcome(w: Welcome): void {
    if (this.#handshakeTimer !== null) clearTimeout(this.#handshakeTimer);
    this.#handshakeTimer = null;
    if (this.#everConnected) this.#reconnects++;
    this.#everConnected = true;
    this.#attempt = 0;
    this.#outageReported = false;
    this.#sentFilters.clear();
    this.#setState('connected');
    this.#sendFilters();
    this.#flush();
    this.#emit('connect', w);
  }

  #dropConnection(s: Duplex, err: RunbusError): void {
    if (s !== this.#socket) return;
    this.#lastError ??= err;
    s.destroy();
  }

  #onClose(s: Duplex): void {
    if (s !== this.#socket) return;
    if (this.#handshakeTimer !== null) clearTimeout(this.#handshakeTimer);
    this.#handshakeTimer = null;
    const wasConnected = this.#state === 'connected';
    this.#socket = null;
    this.#reader = null;
    const err = this.#lastError;
    if (wasConnected) this.#emit('disconnect', err);
    else this.#failedAttempts++;
    if (this.#shutting) {
      this.#setState('closed');
      return;
    }
    if (this.#fatal) {
      this.#setState('failed');
      if (err !== null) this.#emitError(err);
      return;
    }
    if (err !== null && (err.code !== 'ERR_HUB_UNREACHABLE' || !this.#outageReported)) {
      if (err.code === 'ERR_HUB_UNREACHABLE') this.#outageReported = true;
      if (!wasConnected || err.code !== 'ERR_SOCKET') this.#emitError(err);
    }
    this.#setState('waiting');
    const cap = Math.min(this.#opts.reconnectMaxMs, this.#opts.reconnectMinMs * 2 ** Math.min(this.#attempt, 30));
    this.#attempt++;
    const delay = Math.max(1, Math.round(cap * (0.5 + Math.random() * 0.5)));
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
    return {
      state: this.#state,
      connected: this.#state === 'connected',
      published: this.#published,
      sent: this.#sent,
      dropped: this.#dropped,
      queued: this.#outbox.length,
      outboxCapacity: this.#opts.outboxCapacity,
      outboxOverflow: this.#opts.outboxOverflow,
      highWater: this.#highWater,
      refusedClosed: this.#refusedClosed,
      reconnects: this.#reconnects,
      failedAttempts: this.#failedAttempts,
      received: this.#received,
      framesIn: this.#framesIn,
      framesOut: this.#framesOut,
      bytesIn: this.#bytesIn,
      bytesOut: this.#bytesOut,
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
    this.#wakeRoom();
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
    const left = this.#outbox.clear();
    if (left > 0) this.#noteDrop(left);
    if (this.#dropTimer !== null) {
      clearTimeout(this.#dropTimer);
      this.#logDrops();
    }
    if (this.#flushScheduled !== null) clearImmediate(this.#flushScheduled);
    this.#flushScheduled = null;
    if (this.#refTimer !== null) clearInterval(this.#refTimer);
    this.#refTimer = null;
    const s = this.#socket;
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
    if (this.#onIpcMessage !== null) {
      process.off('message', this.#onIpcMessage);
      this.#onIpcMessage = null;
    }
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
    const s = this.#socket;
    if (s === null) return Promise.resolve();
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
