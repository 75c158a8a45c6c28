import type { Duplex } from 'node:stream';
import { FrameReader, LifecycleKind, Topic, WireError, decodeFrame, encodeFrame, kProtocolVersion, kTopicNames } from '../../wire/index.js';
import type { Envelope, Frame, Hello, LoopReport, Subscribe, TopicPayloads } from '../../wire/index.js';
import type { RunBus } from '../run-bus.js';
import type { Subscription } from '../subscription.js';
import type { ClientInfo, ClientStats, Totals } from './connection-stats.js';
import { CloseReason, RemoteBusError, RemoteErrorCode, connectionCode } from './errors.js';
import type { ConnectionErrorCode } from './errors.js';
import { encodePublishFrames, kMaxBatchEnvelopes } from './frames.js';
import { checkHello } from './handshake.js';
import type { PeerProof } from './handshake.js';
import type { Refusal } from './connection-pool.js';
import type { ResolvedBusServerOptions } from './server-options.js';

export type { ClientInfo, ClientStats, Totals, TrafficStats } from './connection-stats.js';

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

interface TopicSub {
  runId: string;
  component: string;
  sub: Subscription;
}

/** What a Connection needs from its server. */
export interface ConnectionHost {
  readonly opts: ResolvedBusServerOptions;
  readonly bus: RunBus;
  readonly tokenDigest: Buffer | null;
  readonly totals: Totals;
  /** Null when the client may complete its Hello, else why not (code, message). */
  admit(conn: Connection): Refusal | null;
  /** A claimed pid could not be checked: logged once per reason. */
  unverified(conn: Connection, reason: string): void;
  accept(conn: Connection): void;
  /** close() gives up on reading a client's data. */
  abandon(conn: Connection, why: string): void;
  reject(conn: Connection, code: ConnectionErrorCode, message: string): void;
  closed(conn: Connection, reason: CloseReason): void;
  onLoop(info: ClientInfo, report: LoopReport): void;
}

/** One client connection: its framing, handshake, state and outgoing batch. */
export class Connection {
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
  #lastInAt = Date.now();
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

  // A timer may fire late because this process was held up (a long pause,
  // descheduled on a loaded machine), with the client's bytes already in the
  // socket: judge in the check phase, after the poll phase has read them.
  #onHelloTimeout = (): void => {
    setImmediate(() => {
      if (this.#state !== 'hello' || this.#helloTimer === null) return;
      this.#helloTimer = null;
      this.fail(RemoteErrorCode.HELLO_TIMEOUT, `no Hello within ${this.#host.opts.helloTimeoutMs} ms`);
    });
  };

  #onFrameTimeout = (): void => {
    const frames = this.framesIn;
    setImmediate(() => {
      // Cleared (the frame finished) or refreshed (it finished, another began).
      if (this.#frameTimer === null || this.framesIn !== frames) return;
      this.#frameTimer = null;
      this.fail(RemoteErrorCode.FRAME_TIMEOUT, `a frame was begun and not finished within ${this.#host.opts.frameTimeoutMs} ms`);
    });
  };

  #onData = (chunk: Buffer): void => {
    if (this.#state === 'closed') return;
    this.#lastInAt = Date.now();
    this.bytesIn += chunk.length;
    this.#host.totals.bytesIn += chunk.length;
    const before = this.framesIn;
    try {
      this.#reader.push(chunk, this.#onFrame);
    } catch (err) {
      if (!this.open) return;
      this.fail(connectionCode(err, 'ERR_WIRE_UNDECODABLE'), err instanceof Error ? err.message : String(err));
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
    if (this.#state === 'closed') throw new RemoteBusError(RemoteErrorCode.SOCKET, 'connection closed');
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
      if (frame.kind !== 'hello') throw new RemoteBusError(RemoteErrorCode.HELLO_REQUIRED, `the first frame must be hello (got ${frame.kind})`);
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
        throw new RemoteBusError(RemoteErrorCode.PEER_ERROR, `client reported ${frame.error.code}: ${frame.error.message ?? ''}`);
      case 'loop':
        this.#host.onLoop(this.info!, frame.loop);
        break;
      case 'hello':
      case 'welcome':
        throw new RemoteBusError(RemoteErrorCode.UNEXPECTED_FRAME, `unexpected ${frame.kind} frame after the handshake`);
      default: {
        const never: never = frame;
        throw new RemoteBusError(RemoteErrorCode.UNEXPECTED_FRAME, `unknown frame kind ${String((never as { kind: unknown }).kind)}`);
      }
    }
  };

  #hello(h: Hello): void {
    const pidVerified = checkHello(h, this.#host.tokenDigest, this.#proof, (reason) => {
      this.#host.unverified(this, reason);
    });
    const refused = this.#host.admit(this);
    if (refused !== null) throw new RemoteBusError(refused[0], refused[1]);
    if (this.#helloTimer !== null) {
      clearTimeout(this.#helloTimer);
      this.#helloTimer = null;
    }
    this.info = {
      id: this.id,
      component: h.component ?? '',
      pid: h.pid ?? 0,
      pidVerified,
      runId: h.runId ?? '',
      protocolVersion: h.protocolVersion,
    };
    this.#state = 'ready';
    this.#write(encodeFrame({ kind: 'welcome', welcome: { protocolVersion: kProtocolVersion, pid: process.pid, component: this.#host.opts.component } }));
    this.#host.accept(this);
  }

  #publish(envelopes: Envelope[]): void {
    // Renaming rewrites stored history: only the hub's own sampler says it.
    for (const [i, e] of envelopes.entries()) {
      if (e.topic === Topic.LIFECYCLE && (e.payload.kind as number) === LifecycleKind.PROCESS_RENAMED) {
        throw new WireError('ERR_WIRE_INVALID', `envelope ${i}: lifecycle kind ${LifecycleKind.PROCESS_RENAMED} (process renamed) comes only from the hub's sampler`);
      }
    }
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
        throw new RemoteBusError(RemoteErrorCode.HUB_CLOSING, 'the hub bus is closed', { cause: err });
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
      this.fail(connectionCode(err, 'ERR_WIRE_TRUNCATED'), (err as Error).message);
      return;
    }
    this.reason ??= CloseReason.CLIENT_END;
    this.#shutdown();
    this.socket.end();
  };

  #onError = (err: NodeJS.ErrnoException): void => {
    this.reason ??= RemoteErrorCode.SOCKET;
    if (this.#state !== 'closed') this.#host.reject(this, RemoteErrorCode.SOCKET, `socket error: ${err.code ?? err.message}`);
    this.#shutdown();
  };

  #onClose = (): void => {
    this.reason ??= CloseReason.CLIENT_END;
    this.#shutdown();
    if (this.#killTimer !== null) clearTimeout(this.#killTimer);
    this.#host.closed(this, this.reason);
  };

  /** Sends an ErrorFrame with `code` and closes; counted and logged by the host. */
  fail(code: ConnectionErrorCode, message: string): void {
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
    this.reason ??= CloseReason.HUB_CLOSE;
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
      inIdleMs: Date.now() - this.#lastInAt,
      readPaused: this.socket.isPaused(),
      readStopped: readStopped(this.socket),
      readBuffered: this.socket.readableLength,
      awaitingDrain: this.#drained !== null,
      writeBuffered: this.socket.writableLength,
    };
  }
}

// A net.Socket's libuv handle says whether Node is reading from the kernel
// (`reading`, kept by Node's net module); an IPC link has no handle.
function readStopped(socket: Duplex): boolean {
  const handle = (socket as unknown as { _handle?: { reading?: unknown } | null })._handle;
  return handle?.reading === false && !socket.readableEnded && !socket.destroyed;
}
