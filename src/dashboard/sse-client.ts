// One browser on /events: a bounded queue of frames in front of the HTTP
// response. res.write()'s return value is honoured: once it says false,
// nothing more is written until 'drain'; frames wait in the queue, the oldest
// dropped when it is full. A browser whose queue keeps overflowing for
// `stallMs` is disconnected (EventSource reconnects and starts afresh).
//
//   push ─▶ [ queue: ≤ capacity frames ] ─▶ res.write() ─▶ socket
//              ▲ full: drop oldest, count      │ false: wait for 'drain'

import { RingBuffer } from '../bus/index.js';

/** The part of a ServerResponse an SSE client uses. */
export interface SseSink {
  write(chunk: string): boolean;
  end(): unknown;
  on(event: 'drain' | 'close', listener: () => void): unknown;
  off(event: 'drain' | 'close', listener: () => void): unknown;
}

/** Counters of one client. */
export interface SseClientStats {
  readonly sent: number;
  readonly dropped: number;
  readonly queued: number;
  readonly closed: boolean;
  /** Why the server closed it: 'stalled', 'shutdown', or null. */
  readonly closeReason: 'stalled' | 'shutdown' | null;
}

export interface SseClientOptions {
  capacity: number;
  stallMs: number;
  /** Clock, for tests. @default Date.now */
  now?: () => number;
  /** Called once when the client is gone (either side closed it). */
  onClose?: (client: SseClient) => void;
}

export class SseClient {
  readonly #sink: SseSink;
  readonly #queue: RingBuffer<string>;
  readonly #stallMs: number;
  readonly #now: () => number;
  readonly #onClose: ((client: SseClient) => void) | undefined;
  #writable = true;
  #overflowSince: number | null = null;
  #sent = 0;
  #dropped = 0;
  #closed = false;
  #reason: 'stalled' | 'shutdown' | null = null;

  constructor(sink: SseSink, options: SseClientOptions) {
    this.#sink = sink;
    this.#queue = new RingBuffer<string>(options.capacity);
    this.#stallMs = options.stallMs;
    this.#now = options.now ?? Date.now;
    this.#onClose = options.onClose;
    sink.on('drain', this.#drain);
    sink.on('close', this.#gone);
  }

  /** Queues one SSE frame (already formatted); never throws. */
  send(frame: string): void {
    if (this.#closed) return;
    if (this.#writable && this.#queue.length === 0) {
      this.#write(frame);
      return;
    }
    if (this.#queue.length >= this.#queue.capacity) {
      this.#queue.shift();
      this.#dropped++;
      this.#overflowSince ??= this.#now();
    }
    this.#queue.push(frame);
    this.check();
  }

  /** Disconnects the client if it has been overflowing for `stallMs`. */
  check(): void {
    if (this.#closed || this.#overflowSince === null) return;
    if (this.#now() - this.#overflowSince >= this.#stallMs) this.close('stalled');
  }

  #write(frame: string): void {
    this.#sent++;
    this.#writable = this.#sink.write(frame);
  }

  #drain = (): void => {
    this.#writable = true;
    while (this.#writable && this.#queue.length > 0) this.#write(this.#queue.shift()!);
    if (this.#queue.length === 0) this.#overflowSince = null;
  };

  #gone = (): void => {
    if (this.#closed) return;
    this.#closed = true;
    this.#cleanup();
  };

  #cleanup(): void {
    this.#sink.off('drain', this.#drain);
    this.#sink.off('close', this.#gone);
    this.#dropped += this.#queue.length;
    this.#queue.clear();
    this.#onClose?.(this);
  }

  /** Ends the response; queued frames are dropped (counted). Idempotent. */
  close(reason: 'stalled' | 'shutdown'): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#reason = reason;
    this.#cleanup();
    try {
      this.#sink.end();
    } catch {
      // The socket is already gone.
    }
  }

  stats(): SseClientStats {
    return { sent: this.#sent, dropped: this.#dropped, queued: this.#queue.length, closed: this.#closed, closeReason: this.#reason };
  }
}

/** One SSE frame: `event: <name>` and the JSON of `data` (one line). */
export function sseFrame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
