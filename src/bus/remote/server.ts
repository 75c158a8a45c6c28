import type { ChildProcess } from 'node:child_process';
import { lstatSync } from 'node:fs';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { EventEmitter } from 'eventemitter3';
import { encodeFrame } from '../../wire/index.js';
import type { LoopReport } from '../../wire/index.js';
import type { RunbusError } from '../../errors.js';
import type { RunBus } from '../run-bus.js';
import { Connection } from './connection.js';
import type { ClientInfo, ClientStats, ConnectionHost, Totals, TrafficStats } from './connection.js';
import { ConnectionPool } from './connection-pool.js';
import { RemoteBusError, RemoteErrorCode } from './errors.js';
import type { CloseReason, ConnectionErrorCode } from './errors.js';
import { peerProofOf, tokenDigest } from './handshake.js';
import { IpcLink, linkMessage } from './ipc-link.js';
import type { IpcEndpoint } from './ipc-link.js';
import { LogLimiter } from './log-limiter.js';
import { resolveBusServerOptions } from './server-options.js';
import type { BusServerOptions, ResolvedBusServerOptions } from './server-options.js';
import { lockDownSocket, prepareSocketPath, removeSocketFile } from './socket-path.js';

/** What {@link BusServer.checkSocket} found. */
export type SocketCheck = { state: 'ok' } | { state: 'recreated' } | { state: 'missing'; reason: string };

export interface BusServerStats extends TrafficStats {
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
  reject: [code: ConnectionErrorCode, message: string, info: ClientInfo | null];
  /** The listening socket failed after start. */
  error: [err: RunbusError];
}

/**
 * A hub's listening end: clients publish into `bus` and subscribe to it.
 * Made by {@link serveBus}.
 */
export class BusServer {
  readonly #opts: ResolvedBusServerOptions;
  #server: net.Server;
  readonly #events = new EventEmitter<BusServerEvents>();
  readonly #conns: ConnectionPool;
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
    this.#conns = new ConnectionPool(opts.maxConnections, opts.maxPendingConnections);
    this.#server = this.#makeServer();
    this.#host = {
      opts,
      bus,
      tokenDigest: tokenDigest(opts.token),
      totals: this.#totals,
      admit: (conn) => this.#conns.onHello(conn, this.#closing !== null),
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
      this.#emitError(new RemoteBusError(RemoteErrorCode.SOCKET_LISTEN, `hub socket failed: ${err.message}`, { cause: err }));
    });
    return server;
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
        const code = err.code === 'EADDRINUSE' ? RemoteErrorCode.SOCKET_IN_USE : RemoteErrorCode.SOCKET_LISTEN;
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
      throw new RemoteBusError(RemoteErrorCode.SOCKET_LISTEN, `cannot restrict ${socketPath} to its owner: ${(err as Error).message}`, { cause: err });
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
    const refusal = this.#conns.onAccept(this.#closing !== null);
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
    this.#conns.add(new Connection(this.#host, id, socket, peerProofOf(socket, childPid)));
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
      pending: this.#conns.pendingCount(),
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
