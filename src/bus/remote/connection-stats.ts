import type { QueueStats } from '../subscription.js';

// What the hub knows and counts of each client connection (see connection.ts).

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

/** Frames, bytes and envelopes in each direction (a client's, or the server's sums). */
export interface TrafficStats {
  readonly framesIn: number;
  readonly framesOut: number;
  readonly bytesIn: number;
  readonly bytesOut: number;
  readonly envelopesIn: number;
  readonly envelopesOut: number;
}

export interface ClientStats extends ClientInfo, TrafficStats {
  /** One bounded queue per subscribed topic; published = delivered + dropped + queued. */
  readonly subscriptions: readonly QueueStats[];
  /**
   * Which side of a quiet connection stopped: ms since the last byte came in
   * (or since accept), whether the hub stopped reading (never expected),
   * whether deliveries wait for 'drain', and the bytes held for the client.
   */
  readonly inIdleMs: number;
  readonly readPaused: boolean;
  /**
   * Node no longer asks the kernel for this socket's bytes (libuv read
   * stopped) though the stream has not ended: set by a pause, or by Node
   * itself while `readBuffered` is over its high-water mark. Never expected.
   */
  readonly readStopped: boolean;
  /** Bytes Node has read from the socket and not yet handed to the hub (normally 0). */
  readonly readBuffered: number;
  readonly awaitingDrain: boolean;
  readonly writeBuffered: number;
}

export interface Totals {
  framesIn: number;
  framesOut: number;
  bytesIn: number;
  bytesOut: number;
  envelopesIn: number;
  envelopesOut: number;
  unsendable: number;
  abandoned: number;
}
