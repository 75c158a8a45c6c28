import type { Connection } from './connection.js';
import { RemoteErrorCode } from './errors.js';

/*
 * The hub's connections in two pools:
 *
 *   pending (no Hello yet, ≤ maxPendingConnections) ──Hello──► ready (≤ maxConnections)
 *
 * A full pending pool makes room by evicting its oldest silent connection: a
 * real client says Hello at once and leaves the pool, so a flood of idle
 * connects evicts only itself and never takes a ready client's slot.
 */

/** Why a connection is refused: its code and message. */
export type Refusal = readonly [code: RemoteErrorCode, message: string];

export class ConnectionPool implements Iterable<Connection> {
  readonly #conns = new Set<Connection>();
  readonly #maxReady: number;
  readonly #maxPending: number;

  constructor(maxConnections: number, maxPendingConnections: number) {
    this.#maxReady = maxConnections;
    this.#maxPending = maxPendingConnections;
  }

  get size(): number {
    return this.#conns.size;
  }

  [Symbol.iterator](): Iterator<Connection> {
    return this.#conns.values();
  }

  add(conn: Connection): void {
    this.#conns.add(conn);
  }

  /** False when `conn` was not (or no longer) in the pool. */
  delete(conn: Connection): boolean {
    return this.#conns.delete(conn);
  }

  /** Clients that said Hello and are still here (`except` not counted). */
  readyCount(except: Connection | null = null): number {
    let n = 0;
    for (const c of this.#conns) if (c !== except && c.open && !c.pending) n++;
    return n;
  }

  /** Connections that have not said Hello yet. */
  pendingCount(): number {
    let n = 0;
    for (const c of this.#conns) if (c.pending) n++;
    return n;
  }

  /**
   * At accept: why a new connection is refused, or null. When the pending
   * pool is full, its oldest silent connection is evicted (ERR_TOO_MANY_PENDING)
   * to make room.
   */
  onAccept(closing: boolean): Refusal | null {
    if (closing) return kClosing;
    const refused = this.#readyRefusal(null);
    if (refused !== null) return refused;
    const pending = this.pendingCount();
    if (pending < this.#maxPending) return null;
    for (const c of this.#conns) {
      if (!c.pending) continue;
      c.fail(RemoteErrorCode.TOO_MANY_PENDING, `evicted: ${pending} connections had not said Hello (maxPendingConnections ${this.#maxPending}) and this one was the oldest`);
      break;
    }
    return null;
  }

  /** At Hello: why `conn` may not join the ready pool, or null. */
  onHello(conn: Connection, closing: boolean): Refusal | null {
    return closing ? kClosing : this.#readyRefusal(conn);
  }

  #readyRefusal(except: Connection | null): Refusal | null {
    const ready = this.readyCount(except);
    if (ready < this.#maxReady) return null;
    return [RemoteErrorCode.TOO_MANY_CONNECTIONS, `the hub already has ${ready} clients (maxConnections ${this.#maxReady})`];
  }
}

const kClosing: Refusal = [RemoteErrorCode.HUB_CLOSING, 'the hub is closing'];
