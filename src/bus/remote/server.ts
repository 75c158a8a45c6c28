import { createHash, timingSafeEqual } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { lstatSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { EventEmitter } from 'eventemitter3';
import { FrameReader, decodeFrame, encodeFrame, kDefaultMaxFrameBytes, kProtocolVersion, kTopicNames } from '../../wire/index.js';
import type { Envelope, Frame, Hello, LoopReport, Subscribe, Topic, TopicPayloads } from '../../wire/index.js';
import { RunbusError } from '../../errors.js';
import { checkInt, checkKeys, checkObject, checkOneOf, checkString, kLibraryLogger } from '../../options.js';
import type { RunBus, Logger } from '../run-bus.js';
import { kOverflowPolicies } from '../subscription.js';
import type { OverflowPolicy, QueueStats, Subscription } from '../subscription.js';
import { RemoteBusError } from './errors.js';
import type { RemoteErrorCode } from './errors.js';
import { encodePublishFrames, kMaxBatchEnvelopes } from './frames.js';
import { IpcLink, linkMessage } from './ipc-link.js';
import type { IpcEndpoint } from './ipc-link.js';
import { LogLimiter } from './log-limiter.js';
import { peerCred } from './peer-cred.js';
import type { PeerCred } from './peer-cred.js';
import { defaultSocketDir, defaultSocketPath, lockDownSocket, prepareSocketPath, removeSocketFile } from './socket-path.js';

/*
 * One connection's life:
 *
 *   accept ──► HELLO ──hello ok──► READY ──► CLOSED
 *     │          │ (helloTimeoutMs)   │ publish → bus.publish
 *     │          │                    │ subscribe → one bounded RunBus
 *     │          └─ anything else,    │   subscription per topic, whose
 *     │             bad bytes, bad    │   handler batches into Publish
 *     │             token/version ──► │   frames and pauses on 'drain'
 *     └─ over maxConnections ───────► CLOSED (ErrorFrame with a code)
 *
 * Every way out of HELLO or READY other than a clean end is a reason code,
 * counted in stats().rejected (or .closed) and logged once per interval.
 */

/** Default cap on simultaneous client connections. */
export const kDefaultMaxConnections = 128;
/** Default time a new connection has to send Hello. */
export const kDefaultHelloTimeoutMs = 5_000;
/** Default time a started frame has to be completed. */
export const kDefaultFrameTimeoutMs = 10_000;
/** Default capacity of each remote subscriber's queue. */
export const kDefaultSubscriberCapacity = 10_000;
/** Default flush budget of close(). */
export const kDefaultCloseTimeoutMs = 1_000;
/** Default cap on connections that have not said Hello yet. */
export const kDefaultMaxPendingConnections = 64;
/** Default time close() keeps reading what clients already sent. */
export const kDefaultDrainTimeoutMs = 2_000;

export interface BusServerOptions {
  /**
   * Path of the Unix socket. Its directory is created (0700) when missing.
   * @default defaultSocketPath(): `$XDG_RUNTIME_DIR/runbus/hub.sock`, else `<tmpdir>/runbus-<uid>/hub.sock`
   */
  socketPath?: string;
  /**
   * Shared secret every client must present in Hello (compared in constant
   * time). Empty or absent: no token needed. Callers usually pass
   * `process.env.RUNBUS_TOKEN`.
   * @default undefined (no token)
   */
  token?: string;
  /**
   * Most simultaneous connections; one more gets ERR_TOO_MANY_CONNECTIONS.
   * @default 128
   */
  maxConnections?: number;
  /**
   * Most simultaneous connections that have not said Hello yet, a pool of
   * their own apart from maxConnections. When it is full, a new connection
   * evicts the oldest silent one (ERR_TOO_MANY_PENDING): a flood of idle
   * connects takes no slot of a client that says Hello, and cannot keep one
   * that does from saying it.
   * @default 64
   */
  maxPendingConnections?: number;
  /**
   * How long close() keeps reading and publishing what open connections had
   * already sent (after telling them it is closing) before it abandons the
   * rest; envelopes it still reads after that are counted in
   * stats().abandoned.
   * @default 2000
   */
  drainTimeoutMs?: number;
  /**
   * Largest frame accepted from a client, and largest frame sent to one.
   * @default 1048576 (1 MiB)
   */
  maxFrameBytes?: number;
  /**
   * Time a new connection has to send its Hello (ERR_HELLO_TIMEOUT).
   * @default 5000
   */
  helloTimeoutMs?: number;
  /**
   * Time a frame, once begun, has to arrive whole (ERR_FRAME_TIMEOUT): a
   * client that trickles a frame out (slowloris) is closed. A client that is
   * silent between frames is fine.
   * @default 10000
   */
  frameTimeoutMs?: number;
  /**
   * Queue capacity of each remote subscriber (one queue per client per topic).
   * @default 10000
   */
  subscriberCapacity?: number;
  /**
   * Overflow policy of remote subscriber queues. `block` would make the hub's
   * publish() return false for a slow client; the drop policies never do.
   * @default 'drop-oldest'
   */
  subscriberOverflow?: OverflowPolicy;
  /**
   * How long close() lets each client's queue drain before cutting it off.
   * @default 1000
   */
  closeTimeoutMs?: number;
  /**
   * The hub's component name, sent in Welcome.
   * @default 'hub'
   */
  component?: string;
  /**
   * Rejections of one reason code are logged at most once per this many ms.
   * @default 10000
   */
  logIntervalMs?: number;
  /**
   * Where rejected connections and send failures are reported.
   * @default silent: util.debuglog('runbus') (NODE_DEBUG=runbus shows it)
   */
  logger?: Logger;
}

export interface ResolvedBusServerOptions {
  socketPath: string;
  isDefaultPath: boolean;
  token: string;
  maxConnections: number;
  maxPendingConnections: number;
  drainTimeoutMs: number;
  maxFrameBytes: number;
  helloTimeoutMs: number;
  frameTimeoutMs: number;
  subscriberCapacity: number;
  subscriberOverflow: OverflowPolicy;
  closeTimeoutMs: number;
  component: string;
  logIntervalMs: number;
  logger: Logger;
}

const kServerKeys = [
  'socketPath',
  'token',
  'maxConnections',
  'maxPendingConnections',
  'drainTimeoutMs',
  'maxFrameBytes',
  'helloTimeoutMs',
  'frameTimeoutMs',
  'subscriberCapacity',
  'subscriberOverflow',
  'closeTimeoutMs',
  'component',
  'logIntervalMs',
  'logger',
] as const;

function checkLogger(logger: unknown): Logger {
  if (typeof logger !== 'object' || logger === null || typeof (logger as Partial<Logger>).warn !== 'function') {
    throw new TypeError('options.logger must have a warn(message) method');
  }
  return logger as Logger;
}

export function resolveBusServerOptions(options: BusServerOptions = {}): ResolvedBusServerOptions {
  checkObject(options, 'options');
  checkKeys(options, kServerKeys, 'serveBus');
  const socketPath = options.socketPath === undefined ? defaultSocketPath() : checkString(options.socketPath, 'options.socketPath');
  if (socketPath === '') throw new TypeError('options.socketPath must not be empty');
  return {
    socketPath,
    // The default directory gets the strict check however the path was given
    // (callers often pass defaultSocketPath() explicitly).
    isDefaultPath: path.resolve(path.dirname(socketPath)) === path.resolve(defaultSocketDir()),
    token: options.token === undefined ? '' : checkString(options.token, 'options.token'),
    maxConnections: checkInt(options.maxConnections ?? kDefaultMaxConnections, 'options.maxConnections', 1, 65_536),
    maxPendingConnections: checkInt(options.maxPendingConnections ?? kDefaultMaxPendingConnections, 'options.maxPendingConnections', 1, 65_536),
    drainTimeoutMs: checkInt(options.drainTimeoutMs ?? kDefaultDrainTimeoutMs, 'options.drainTimeoutMs', 0),
    maxFrameBytes: checkInt(options.maxFrameBytes ?? kDefaultMaxFrameBytes, 'options.maxFrameBytes', 64, 0xffffffff),
    helloTimeoutMs: checkInt(options.helloTimeoutMs ?? kDefaultHelloTimeoutMs, 'options.helloTimeoutMs', 1),
    frameTimeoutMs: checkInt(options.frameTimeoutMs ?? kDefaultFrameTimeoutMs, 'options.frameTimeoutMs', 1),
    subscriberCapacity: checkInt(options.subscriberCapacity ?? kDefaultSubscriberCapacity, 'options.subscriberCapacity', 1, 2 ** 24),
    subscriberOverflow: checkOneOf(options.subscriberOverflow ?? 'drop-oldest', 'options.subscriberOverflow', kOverflowPolicies),
    closeTimeoutMs: checkInt(options.closeTimeoutMs ?? kDefaultCloseTimeoutMs, 'options.closeTimeoutMs', 0),
    component: options.component === undefined ? 'hub' : checkString(options.component, 'options.component'),
    logIntervalMs: checkInt(options.logIntervalMs ?? 10_000, 'options.logIntervalMs', 1),
    logger: checkLogger(options.logger ?? kLibraryLogger),
  };
}

/** Who a client said it is in Hello. */
export interface ClientInfo {
  /** Connection number on this server, from 1. */
  readonly id: number;
  readonly component: string;
  /** The client's pid as it announced it (0 when it did not). */
  readonly pid: number;
  /**
   * True when `pid` is proven to be the client's own: the kernel's peer
   * credentials of the socket (same user as the hub) or, over fork() IPC,
   * the hub's own child. Only a verified pid is sampled.
   */
  readonly pidVerified: boolean;
  readonly runId: string;
  readonly protocolVersion: number;
}

/** What {@link BusServer.checkSocket} found. */
export type SocketCheck = { state: 'ok' } | { state: 'recreated' } | { state: 'missing'; reason: string };

/** Why a connection ended: an ERR_* code, or a clean end by either side. */
export type CloseReason = string;

export interface ClientStats extends ClientInfo {
  readonly framesIn: number;
  readonly framesOut: number;
  readonly bytesIn: number;
  readonly bytesOut: number;
  readonly envelopesIn: number;
  readonly envelopesOut: number;
  /** One bounded queue per subscribed topic; published = delivered + dropped + queued. */
  readonly subscriptions: readonly QueueStats[];
}

export interface BusServerStats {
  /** Connections accepted past the connection cap (handshake or not). */
  readonly accepted: number;
  /** Connections that completed the handshake. */
  readonly handshakes: number;
  /** Open connections now. */
  readonly connections: number;
  /** Connections refused or cut off, by reason code. */
  readonly rejected: Readonly<Record<string, number>>;
  /** Envelopes not sent because a single one exceeded maxFrameBytes or did not encode. */
  readonly unsendable: number;
  /**
   * Envelopes a client had sent that close() read but did not publish,
   * because the drain time (drainTimeoutMs) was over.
   */
  readonly abandoned: number;
  /** Connections that have not said Hello yet. */
  readonly pending: number;
  /** Times the socket file was found missing (or replaced) and listened on anew. */
  readonly socketRecreated: number;
  readonly framesIn: number;
  readonly framesOut: number;
  readonly bytesIn: number;
  readonly bytesOut: number;
  readonly envelopesIn: number;
  readonly envelopesOut: number;
  readonly clients: readonly ClientStats[];
}

export interface BusServerEvents {
  /** A client completed the handshake. */
  client: [info: ClientInfo];
  /** A client's own event-loop figures (about once per second). */
  loop: [info: ClientInfo, report: LoopReport];
  /** A client that completed the handshake is gone. */
  'client-closed': [info: ClientInfo, reason: CloseReason];
  /** A connection was refused or cut off for bad behaviour. */
  reject: [code: string, message: string, info: ClientInfo | null];
  /** The listening socket failed after start. */
  error: [err: RunbusError];
}

// A clean close by the client, and by the hub.
export const kReasonClientEnd = 'CLIENT_END';
export const kReasonHubClose = 'HUB_CLOSE';

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

interface TopicSub {
  runId: string;
  component: string;
  sub: Subscription;
}

/**
 * How a connection's peer can prove its pid: the kernel's peer credentials
 * of a Unix socket (or why they could not be read), or being the hub's own
 * fork() child.
 */
type PeerProof = { kind: 'cred'; cred: PeerCred } | { kind: 'child'; pid: number } | { kind: 'none'; reason: string };

/** What a Connection needs from its server. */
interface ConnectionHost {
  readonly opts: ResolvedBusServerOptions;
  readonly bus: RunBus;
  readonly tokenDigest: Buffer | null;
  readonly totals: Totals;
  /** Null when the client may complete its Hello, else why not (code, message). */
  admit(conn: Connection): [code: string, message: string] | null;
  /** A claimed pid could not be checked: logged once per reason. */
  unverified(conn: Connection, reason: string): void;
  accept(conn: Connection): void;
  /** close() gives up on reading a client's data. */
  abandon(conn: Connection, why: string): void;
  reject(conn: Connection, code: string, message: string): void;
  closed(conn: Connection, reason: CloseReason): void;
  onLoop(info: ClientInfo, report: LoopReport): void;
}

interface Totals {
  framesIn: number;
  framesOut: number;
  bytesIn: number;
  bytesOut: number;
  envelopesIn: number;
  envelopesOut: number;
  unsendable: number;
  abandoned: number;
}

class Connection {
  readonly id: number;
  readonly socket: Duplex;
  readonly #host: ConnectionHost;
  readonly #reader: FrameReader;
  // 'draining': the hub is closing; what the client sends is still read and
  // published (until drainTimeoutMs), nothing more goes out.
  // 'abandoning': past the drain time; frames are read and counted only.
  #state: 'hello' | 'ready' | 'draining' | 'abandoning' | 'closed' = 'hello';
  readonly #proof: PeerProof;
  info: ClientInfo | null = null;
  reason: CloseReason | null = null;
  readonly subs = new Map<Topic, TopicSub>();
  // Outgoing batch, filled by subscription handlers.
  #batch: Envelope[] = [];
  #flushQueued = false;
  // Set while the socket's write buffer is over its high-water mark.
  #drained: Promise<void> | null = null;
  #resolveDrained: (() => void) | null = null;
  #helloTimer: NodeJS.Timeout | null;
  #frameTimer: NodeJS.Timeout | null = null;
  #killTimer: NodeJS.Timeout | null = null;
  framesIn = 0;
  framesOut = 0;
  bytesIn = 0;
  bytesOut = 0;
  envelopesIn = 0;
  envelopesOut = 0;
  abandoned = 0;
  /** Settles when the socket has closed. */
  readonly gone: Promise<void>;

  constructor(host: ConnectionHost, id: number, socket: Duplex, proof: PeerProof) {
    this.#host = host;
    this.id = id;
    this.socket = socket;
    this.#proof = proof;
    this.#reader = new FrameReader({ maxFrameBytes: host.opts.maxFrameBytes });
    this.#helloTimer = setTimeout(this.#onHelloTimeout, host.opts.helloTimeoutMs);
    this.#helloTimer.unref();
    socket.on('data', this.#onData);
    socket.on('drain', this.#onDrain);
    socket.on('end', this.#onEnd);
    socket.on('error', this.#onError);
    socket.on('close', this.#onClose);
    this.gone = new Promise((resolve) => socket.once('close', () => {
      resolve();
    }));
  }

  get open(): boolean {
    return this.#state !== 'closed';
  }

  /** Has not said Hello yet. */
  get pending(): boolean {
    return this.#state === 'hello';
  }

  #onHelloTimeout = (): void => {
    this.#helloTimer = null;
    this.fail('ERR_HELLO_TIMEOUT', `no Hello within ${this.#host.opts.helloTimeoutMs} ms`);
  };

  #onFrameTimeout = (): void => {
    this.#frameTimer = null;
    this.fail('ERR_FRAME_TIMEOUT', `a frame was begun and not finished within ${this.#host.opts.frameTimeoutMs} ms`);
  };

  #onData = (chunk: Buffer): void => {
    if (this.#state === 'closed') return;
    this.bytesIn += chunk.length;
    this.#host.totals.bytesIn += chunk.length;
    const before = this.framesIn;
    try {
      this.#reader.push(chunk, this.#onFrame);
    } catch (err) {
      if (!this.open) return;
      const code = err instanceof RunbusError ? err.code : 'ERR_WIRE_UNDECODABLE';
      this.fail(code, err instanceof Error ? err.message : String(err));
      return;
    }
    if (!this.open) return;
    // Slowloris guard: a frame in progress must finish within frameTimeoutMs
    // of the last completed one.
    if (this.#reader.idle) {
      if (this.#frameTimer !== null) {
        clearTimeout(this.#frameTimer);
        this.#frameTimer = null;
      }
    } else if (this.#frameTimer === null) {
      this.#frameTimer = setTimeout(this.#onFrameTimeout, this.#host.opts.frameTimeoutMs);
      this.#frameTimer.unref();
    } else if (this.framesIn !== before) {
      this.#frameTimer.refresh();
    }
  };

  // Throws to stop reading the chunk; #onData turns the throw into fail().
  #onFrame = (body: Uint8Array): void => {
    if (this.#state === 'closed') throw new RemoteBusError('ERR_SOCKET', 'connection closed');
    const frame: Frame = decodeFrame(body);
    this.framesIn++;
    this.#host.totals.framesIn++;
    if (this.#state === 'abandoning') {
      if (frame.kind === 'publish') {
        this.abandoned += frame.envelopes.length;
        this.#host.totals.abandoned += frame.envelopes.length;
      }
      return;
    }
    if (this.#state === 'draining' && frame.kind !== 'publish') return;
    if (this.#state === 'hello') {
      if (frame.kind !== 'hello') throw new RemoteBusError('ERR_HELLO_REQUIRED', `the first frame must be hello (got ${frame.kind})`);
      this.#hello(frame.hello);
      return;
    }
    switch (frame.kind) {
      case 'publish':
        this.#publish(frame.envelopes);
        break;
      case 'subscribe':
        this.#subscribe(frame.subscribe);
        break;
      case 'error':
        throw new RemoteBusError('ERR_PEER_ERROR', `client reported ${frame.error.code}: ${frame.error.message ?? ''}`);
      case 'loop':
        this.#host.onLoop(this.info!, frame.loop);
        break;
      case 'hello':
      case 'welcome':
        throw new RemoteBusError('ERR_UNEXPECTED_FRAME', `unexpected ${frame.kind} frame after the handshake`);
      default: {
        const never: never = frame;
        throw new RemoteBusError('ERR_UNEXPECTED_FRAME', `unknown frame kind ${String((never as { kind: unknown }).kind)}`);
      }
    }
  };

  #hello(h: Hello): void {
    if (h.protocolVersion !== kProtocolVersion) {
      throw new RemoteBusError('ERR_PROTOCOL_VERSION', `protocol version ${h.protocolVersion} is not supported; this hub speaks ${kProtocolVersion}`);
    }
    const want = this.#host.tokenDigest;
    if (want !== null && !timingSafeEqual(want, digest(h.token ?? ''))) {
      throw new RemoteBusError('ERR_UNAUTHORIZED', 'wrong or missing token');
    }
    const pid = h.pid ?? 0;
    const pidVerified = this.#verifyPid(pid);
    const refused = this.#host.admit(this);
    if (refused !== null) throw new RemoteBusError(refused[0] as RemoteErrorCode, refused[1]);
    if (this.#helloTimer !== null) {
      clearTimeout(this.#helloTimer);
      this.#helloTimer = null;
    }
    this.info = {
      id: this.id,
      component: h.component ?? '',
      pid,
      pidVerified,
      runId: h.runId ?? '',
      protocolVersion: h.protocolVersion,
    };
    this.#state = 'ready';
    this.#write(encodeFrame({ kind: 'welcome', welcome: { protocolVersion: kProtocolVersion, pid: process.pid, component: this.#host.opts.component } }));
    this.#host.accept(this);
  }

  // True when `pid` is proven; throws (refusing the client) when it is
  // disproven; false with a logged reason when it cannot be checked here.
  #verifyPid(pid: number): boolean {
    const proof = this.#proof;
    if (proof.kind === 'cred' && proof.cred.uid !== process.getuid?.()) {
      throw new RemoteBusError('ERR_PEER_UID', `the client runs as uid ${proof.cred.uid}, the hub as uid ${String(process.getuid?.())}; only the hub's own user may connect`);
    }
    if (pid === 0) return false;
    switch (proof.kind) {
      case 'cred':
        if (proof.cred.pid !== pid) {
          throw new RemoteBusError('ERR_PID_UNVERIFIED', `Hello says pid ${pid}, but the kernel says pid ${proof.cred.pid} made this connection; a client may only announce its own pid (or 0)`);
        }
        return true;
      case 'child':
        if (proof.pid !== pid) {
          throw new RemoteBusError('ERR_PID_UNVERIFIED', `Hello says pid ${pid}, but this IPC channel belongs to the hub's child ${proof.pid}`);
        }
        return true;
      case 'none':
        this.#host.unverified(this, proof.reason);
        return false;
      default: {
        const never: never = proof;
        throw new Error(`unknown peer proof ${String(never)}`);
      }
    }
  }

  #publish(envelopes: Envelope[]): void {
    const bus = this.#host.bus;
    this.envelopesIn += envelopes.length;
    this.#host.totals.envelopesIn += envelopes.length;
    for (const e of envelopes) bus.publish(e.topic, e.payload);
  }

  #subscribe(s: Subscribe): void {
    const runId = s.runId ?? '';
    const component = s.component ?? '';
    const topics = [...new Set(s.topics ?? [])] as Topic[];
    const opts = this.#host.opts;
    for (const topic of topics) {
      const old = this.subs.get(topic);
      if (old !== undefined && old.runId === runId && old.component === component && !old.sub.closed) continue;
      // One filter per topic per connection: a new one replaces the old.
      old?.sub.unsubscribe();
      let sub: Subscription;
      try {
        sub = this.#host.bus.subscribe(topic, this.#deliver, {
          name: `remote-${this.id}-${this.info?.component ?? ''}-${kTopicNames[topic]}`,
          capacity: opts.subscriberCapacity,
          overflow: opts.subscriberOverflow,
          ...(runId === '' ? {} : { runId }),
          ...(component === '' ? {} : { component }),
        });
      } catch (err) {
        throw new RemoteBusError('ERR_HUB_CLOSING', 'the hub bus is closed', { cause: err });
      }
      this.subs.set(topic, { runId, component, sub });
    }
  }

  // Subscription handler: batches, and pauses the queue while the socket is
  // over its high-water mark, so the queue (bounded) absorbs a slow reader.
  #deliver = (payload: TopicPayloads[Topic], topic: Topic): Promise<void> | undefined => {
    if (this.#state === 'closed') return undefined;
    this.#batch.push({ topic, payload } as Envelope);
    if (this.#batch.length >= kMaxBatchEnvelopes) this.flush();
    else if (!this.#flushQueued) {
      this.#flushQueued = true;
      // After the subscription's drain loop has handed over all it holds.
      queueMicrotask(this.#flushQueuedBatch);
    }
    return this.#drained ?? undefined;
  };

  #flushQueuedBatch = (): void => {
    this.#flushQueued = false;
    this.flush();
  };

  /** Writes the pending batch. */
  flush(): void {
    if (this.#batch.length === 0 || this.#state === 'closed') return;
    const batch = this.#batch;
    this.#batch = [];
    const frames: Uint8Array[] = [];
    const bad = encodePublishFrames(batch, this.#host.opts.maxFrameBytes, frames);
    const skipped = bad.oversized + bad.unencodable;
    if (skipped > 0) this.#host.totals.unsendable += skipped;
    this.envelopesOut += batch.length - skipped;
    this.#host.totals.envelopesOut += batch.length - skipped;
    for (const f of frames) this.#write(f);
  }

  #write(bytes: Uint8Array): void {
    if (this.socket.destroyed || !this.socket.writable) return;
    this.framesOut++;
    this.bytesOut += bytes.length;
    this.#host.totals.framesOut++;
    this.#host.totals.bytesOut += bytes.length;
    if (!this.socket.write(bytes) && this.#drained === null) {
      this.#drained = new Promise((resolve) => {
        this.#resolveDrained = resolve;
      });
    }
  }

  #release(): void {
    const r = this.#resolveDrained;
    this.#drained = null;
    this.#resolveDrained = null;
    r?.();
  }

  #onDrain = (): void => {
    this.#release();
  };

  #onEnd = (): void => {
    this.#endSeen?.();
    if (this.#state === 'closed') return;
    try {
      this.#reader.end();
    } catch (err) {
      this.fail(err instanceof RunbusError ? err.code : 'ERR_WIRE_TRUNCATED', (err as Error).message);
      return;
    }
    this.reason ??= kReasonClientEnd;
    this.#shutdown();
    this.socket.end();
  };

  #onError = (err: NodeJS.ErrnoException): void => {
    this.reason ??= 'ERR_SOCKET';
    if (this.#state !== 'closed') this.#host.reject(this, 'ERR_SOCKET', `socket error: ${err.code ?? err.message}`);
    this.#shutdown();
  };

  #onClose = (): void => {
    this.reason ??= kReasonClientEnd;
    this.#shutdown();
    if (this.#killTimer !== null) clearTimeout(this.#killTimer);
    this.#host.closed(this, this.reason);
  };

  /** Sends an ErrorFrame with `code` and closes; counted and logged by the host. */
  fail(code: string, message: string): void {
    if (this.#state === 'closed') return;
    this.reason = code;
    this.#host.reject(this, code, message);
    this.#shutdown();
    this.endWith(encodeFrame({ kind: 'error', error: { code, message } }));
  }

  /** Ends the socket after `last`, and destroys it if the peer does not close in time. */
  endWith(last?: Uint8Array): void {
    if (!this.socket.destroyed && this.socket.writable) {
      if (last !== undefined) this.socket.end(last);
      else this.socket.end();
    }
    if (this.#killTimer === null && !this.socket.destroyed) {
      this.#killTimer = setTimeout(() => this.socket.destroy(), Math.max(this.#host.opts.closeTimeoutMs, 100));
      this.#killTimer.unref();
    }
    // Reading goes on (and is discarded) so the peer's end is seen.
  }

  /** Stops reading and delivering; drops queued messages (counted). */
  #shutdown(): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    if (this.#helloTimer !== null) clearTimeout(this.#helloTimer);
    if (this.#frameTimer !== null) clearTimeout(this.#frameTimer);
    this.#helloTimer = null;
    this.#frameTimer = null;
    this.#stopOutgoing();
    this.#endSeen?.();
  }

  // Ends delivery to this client; what its queues still held counts as dropped.
  #stopOutgoing(): void {
    for (const { sub } of this.subs.values()) sub.unsubscribe();
    this.#batch = [];
    this.#release();
  }

  #endSeen: (() => void) | null = null;

  /**
   * The hub is closing. Lets queued messages go out for up to `ms`; then
   * ends the hub's side of the socket (the client sees end-of-stream and
   * ends its own) and keeps reading and publishing what the client had
   * already sent until its end arrives or `drainMs` passes. Past that the
   * rest is read and counted as abandoned until the socket is destroyed.
   *
   *   ready ──flush──► draining ──client's end──► closed
   *                        └──drainMs──► abandoning ──closeTimeoutMs──► destroyed
   */
  async drainAndClose(ms: number, drainMs: number): Promise<void> {
    if (this.#state === 'ready') {
      const subs = [...this.subs.values()].map((s) => s.sub);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all(subs.map((s) => s.idle())),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, ms);
          timer.unref();
        }),
      ]);
      clearTimeout(timer);
      this.flush();
    }
    this.reason ??= kReasonHubClose;
    if (this.#state !== 'ready') {
      this.#shutdown();
      this.endWith();
      return;
    }
    this.#state = 'draining';
    this.#stopOutgoing();
    const ended = new Promise<void>((resolve) => {
      this.#endSeen = resolve;
    });
    if (!this.socket.destroyed && this.socket.writable) this.socket.end();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      ended,
      this.gone,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, drainMs);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
    if (this.#state === 'draining') {
      this.#state = 'abandoning';
      this.#host.abandon(this, `the client did not finish within drainTimeoutMs (${drainMs} ms)`);
    }
    this.endWith();
  }

  stats(): ClientStats {
    const info = this.info ?? { id: this.id, component: '', pid: 0, pidVerified: false, runId: '', protocolVersion: 0 };
    return {
      ...info,
      framesIn: this.framesIn,
      framesOut: this.framesOut,
      bytesIn: this.bytesIn,
      bytesOut: this.bytesOut,
      envelopesIn: this.envelopesIn,
      envelopesOut: this.envelopesOut,
      subscriptions: [...this.subs.values()].map((s) => s.sub.stats()),
    };
  }
}

/**
 * A hub's listening end: clients publish into `bus` and subscribe to it.
 * Made by {@link serveBus}.
 */
export class BusServer {
  readonly #opts: ResolvedBusServerOptions;
  #server: net.Server;
  readonly #events = new EventEmitter<BusServerEvents>();
  readonly #conns = new Set<Connection>();
  readonly #log: LogLimiter;
  readonly #rejected: Record<string, number> = {};
  readonly #totals: Totals = { framesIn: 0, framesOut: 0, bytesIn: 0, bytesOut: 0, envelopesIn: 0, envelopesOut: 0, unsendable: 0, abandoned: 0 };
  readonly #host: ConnectionHost;
  #ino = -1;
  #socketRecreated = 0;
  #recreating: Promise<SocketCheck> | null = null;
  #nextId = 1;
  #accepted = 0;
  #handshakes = 0;
  #closing: Promise<void> | null = null;

  /** @internal Use {@link serveBus}. */
  constructor(bus: RunBus, opts: ResolvedBusServerOptions) {
    this.#opts = opts;
    this.#log = new LogLimiter(opts.logger, opts.logIntervalMs);
    this.#server = this.#makeServer();
    const tokenDigest = opts.token === '' ? null : digest(opts.token);
    this.#host = {
      opts,
      bus,
      tokenDigest,
      totals: this.#totals,
      admit: (conn) => {
        if (this.#closing !== null) return ['ERR_HUB_CLOSING', 'the hub is closing'];
        const ready = this.#readyCount(conn);
        if (ready >= opts.maxConnections) return ['ERR_TOO_MANY_CONNECTIONS', `the hub already has ${ready} clients (maxConnections ${opts.maxConnections})`];
        return null;
      },
      unverified: (_conn, reason) => {
        this.#log.warn(`unverified:${reason}`, `runbus hub: cannot verify client pids, so they are not sampled: ${reason}`);
      },
      abandon: (conn, why) => {
        this.#log.warn('abandon', `runbus hub: closing: abandoning the rest of client ${conn.id}'s data (counted in abandoned): ${why}`);
      },
      accept: (conn) => {
        this.#handshakes++;
        this.#emit('client', conn.info!);
      },
      reject: (conn, code, message) => {
        this.#rejected[code] = (this.#rejected[code] ?? 0) + 1;
        const who = conn.info === null ? `connection ${conn.id}` : `client ${conn.id} (${conn.info.component || '?'}, pid ${conn.info.pid})`;
        this.#log.warn(code, `runbus hub: closed ${who}: ${code}: ${message}`);
        this.#emit('reject', code, message, conn.info);
      },
      closed: (conn, reason) => {
        if (!this.#conns.delete(conn)) return;
        if (conn.info !== null) this.#emit('client-closed', conn.info, reason);
      },
      onLoop: (info, report) => {
        this.#emit('loop', info, report);
      },
    };
  }

  #makeServer(): net.Server {
    const server = net.createServer((socket) => {
      this.#onConnection(socket, null);
    });
    server.on('error', (err) => {
      this.#emitError(new RemoteBusError('ERR_SOCKET_LISTEN', `hub socket failed: ${err.message}`, { cause: err }));
    });
    return server;
  }

  // Clients that said Hello and are still here (`except` not counted).
  #readyCount(except: Connection | null): number {
    let n = 0;
    for (const c of this.#conns) if (c !== except && c.open && !c.pending) n++;
    return n;
  }

  #pendingCount(): number {
    let n = 0;
    for (const c of this.#conns) if (c.pending) n++;
    return n;
  }

  /** @internal */
  async listen(): Promise<void> {
    const { socketPath, isDefaultPath } = this.#opts;
    await prepareSocketPath(socketPath, isDefaultPath);
    await this.#listenOn(this.#server);
  }

  async #listenOn(server: net.Server): Promise<void> {
    const { socketPath } = this.#opts;
    await new Promise<void>((resolve, reject) => {
      const onError = (err: NodeJS.ErrnoException): void => {
        const code = err.code === 'EADDRINUSE' ? 'ERR_SOCKET_IN_USE' : 'ERR_SOCKET_LISTEN';
        reject(new RemoteBusError(code, `cannot listen on ${socketPath}: ${err.message}`, { cause: err }));
      };
      server.once('error', onError);
      server.listen(socketPath, () => {
        server.off('error', onError);
        resolve();
      });
    });
    try {
      this.#ino = lockDownSocket(socketPath);
    } catch (err) {
      server.close();
      throw new RemoteBusError('ERR_SOCKET_LISTEN', `cannot restrict ${socketPath} to its owner: ${(err as Error).message}`, { cause: err });
    }
  }

  /**
   * Checks that the socket file clients connect to is still ours (cheap: one
   * lstat). When it was deleted, listens anew on the same path (open
   * connections are kept) and reports 'recreated'; when it cannot, or
   * something else now sits at the path, reports 'missing' with the reason.
   * Meant to be called on a tick the caller already has. Never rejects.
   */
  checkSocket(): Promise<SocketCheck> {
    if (this.#closing !== null) return Promise.resolve({ state: 'ok' });
    if (this.#recreating !== null) return this.#recreating;
    try {
      if (lstatSync(this.#opts.socketPath).ino === this.#ino) return Promise.resolve({ state: 'ok' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        return Promise.resolve({ state: 'missing', reason: `cannot stat ${this.#opts.socketPath}: ${(err as Error).message}` });
      }
    }
    this.#recreating = this.#recreate().finally(() => {
      this.#recreating = null;
    });
    return this.#recreating;
  }

  async #recreate(): Promise<SocketCheck> {
    const { socketPath, isDefaultPath } = this.#opts;
    try {
      // Refuses to replace a live socket or a file that is not a socket.
      await prepareSocketPath(socketPath, isDefaultPath);
      // The old listener can accept nothing any more (its file is gone);
      // close it first, since closing a Unix listener unlinks its path, which
      // would be the new file. The connections it made stay open.
      this.#server.close();
      const fresh = this.#makeServer();
      this.#server = fresh;
      await this.#listenOn(fresh);
      this.#socketRecreated++;
      if (this.#closing !== null) {
        fresh.close();
        removeSocketFile(socketPath, this.#ino);
      }
      return { state: 'recreated' };
    } catch (err) {
      return { state: 'missing', reason: err instanceof Error ? err.message : String(err) };
    }
  }

  #onConnection = (socket: Duplex, childPid: number | null): void => {
    const id = this.#nextId++;
    const pending = this.#closing === null ? this.#pendingCount() : 0;
    const ready = this.#closing === null ? this.#readyCount(null) : 0;
    let refusal: [string, string] | null = null;
    if (this.#closing !== null) refusal = ['ERR_HUB_CLOSING', 'the hub is closing'];
    else if (ready >= this.#opts.maxConnections) refusal = ['ERR_TOO_MANY_CONNECTIONS', `the hub already has ${ready} clients (maxConnections ${this.#opts.maxConnections})`];
    else if (pending >= this.#opts.maxPendingConnections) {
      // The pool is full: the oldest silent connection makes room. A real
      // client says Hello at once and leaves the pool; an idle flood only
      // evicts itself.
      for (const c of this.#conns) {
        if (!c.pending) continue;
        c.fail('ERR_TOO_MANY_PENDING', `evicted: ${pending} connections had not said Hello (maxPendingConnections ${this.#opts.maxPendingConnections}) and this one was the oldest`);
        break;
      }
    }
    if (refusal !== null) {
      const [code, message] = refusal;
      this.#rejected[code] = (this.#rejected[code] ?? 0) + 1;
      this.#log.warn(code, `runbus hub: refused connection ${id}: ${code}: ${message}`);
      this.#emit('reject', code, message, null);
      socket.on('error', () => {
        // The peer may already be gone; nothing to do.
      });
      socket.end(encodeFrame({ kind: 'error', error: { code, message } }));
      const t = setTimeout(() => socket.destroy(), 1000);
      t.unref();
      socket.once('close', () => {
        clearTimeout(t);
      });
      return;
    }
    this.#accepted++;
    let proof: PeerProof;
    if (childPid !== null) proof = { kind: 'child', pid: childPid };
    else {
      // Read at accept: the kernel's record of who connect()ed.
      const cred = peerCred(socket);
      proof = typeof cred === 'string' ? { kind: 'none', reason: cred } : { kind: 'cred', cred };
    }
    this.#conns.add(new Connection(this.#host, id, socket, proof));
  };

  #emit<E extends keyof BusServerEvents>(event: E, ...args: BusServerEvents[E]): void {
    try {
      (this.#events.emit as (e: E, ...a: BusServerEvents[E]) => boolean)(event, ...args);
    } catch (err) {
      // A listener's throw must not break the connection that triggered it.
      this.#log.warn('listener', `runbus hub: a '${event}' listener threw: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  #emitError(err: RunbusError): void {
    if (this.#events.listenerCount('error') > 0) this.#emit('error', err);
    else this.#log.warn(err.code, `runbus hub: ${err.message}`);
  }

  /** The socket path clients connect to. */
  get address(): string {
    return this.#opts.socketPath;
  }

  /** Open connections now (handshake done or not). */
  get connections(): number {
    return this.#conns.size;
  }

  /** Clients that completed the handshake and are still connected. */
  clients(): ClientInfo[] {
    const out: ClientInfo[] = [];
    for (const c of this.#conns) if (c.info !== null && c.open) out.push(c.info);
    return out;
  }

  get closed(): boolean {
    return this.#closing !== null;
  }

  on<E extends keyof BusServerEvents>(event: E, listener: (...args: BusServerEvents[E]) => void): this {
    this.#events.on(event, listener);
    return this;
  }

  once<E extends keyof BusServerEvents>(event: E, listener: (...args: BusServerEvents[E]) => void): this {
    this.#events.once(event, listener);
    return this;
  }

  off<E extends keyof BusServerEvents>(event: E, listener: (...args: BusServerEvents[E]) => void): this {
    this.#events.off(event, listener);
    return this;
  }

  /**
   * Serves a child started with `child_process.fork()` over its IPC channel
   * as well (the child calls `connectBus({ ipc: true, … })`). The child's
   * connections count like socket ones (handshake, limits, stats). The
   * app's own IPC messages pass untouched. Detaches when the child exits.
   */
  attachChild(child: ChildProcess): void {
    if (typeof child.send !== 'function') throw new TypeError('attachChild() needs a child started with fork() (it has no IPC channel)');
    const ep = child as unknown as IpcEndpoint;
    const links = new Map<number, IpcLink>();
    let highest = 0;
    const onMessage = (m: unknown): void => {
      const w = linkMessage(m);
      if (w === null) return;
      let link = links.get(w.c);
      if (link === undefined) {
        // Only a new, higher id opens a link: stragglers of a closed one are dropped.
        if (w.c <= highest) return;
        highest = w.c;
        const l = new IpcLink(ep, w.c);
        link = l;
        links.set(w.c, l);
        l.once('close', () => links.delete(l.id));
        // The child proves its pid by being the one this channel leads to.
        this.#onConnection(l, child.pid ?? 0);
      }
      link.deliver(w);
    };
    const detach = (): void => {
      child.off('message', onMessage);
      for (const l of links.values()) l.destroy();
      links.clear();
    };
    child.on('message', onMessage);
    child.once('disconnect', detach);
    child.once('exit', detach);
  }

  stats(): BusServerStats {
    return {
      accepted: this.#accepted,
      handshakes: this.#handshakes,
      connections: this.#conns.size,
      pending: this.#pendingCount(),
      socketRecreated: this.#socketRecreated,
      rejected: { ...this.#rejected },
      ...this.#totals,
      clients: [...this.#conns].map((c) => c.stats()),
    };
  }

  /**
   * Stops accepting, lets each client's queue drain for up to
   * `closeTimeoutMs`, closes every connection and removes the socket file.
   * Does not close the bus. Idempotent; never rejects.
   */
  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  async #close(): Promise<void> {
    const stopped = new Promise<void>((resolve) => {
      this.#server.close(() => {
        resolve();
      });
    });
    removeSocketFile(this.#opts.socketPath, this.#ino);
    const conns = [...this.#conns];
    await Promise.all(conns.map((c) => c.drainAndClose(this.#opts.closeTimeoutMs, this.#opts.drainTimeoutMs)));
    // Each socket is destroyed at the latest closeTimeoutMs after its end().
    await Promise.all(conns.map((c) => c.gone));
    await stopped;
  }
}

/**
 * Listens on a Unix socket so other processes can publish into `bus` and
 * subscribe to it (see `connectBus`). Rejects with {@link RemoteBusError}
 * (ERR_SOCKET_IN_USE, ERR_SOCKET_DIR_INSECURE, …) when it cannot listen.
 */
export async function serveBus(bus: RunBus, options?: BusServerOptions): Promise<BusServer> {
  const opts = resolveBusServerOptions(options);
  const server = new BusServer(bus, opts);
  await server.listen();
  return server;
}
