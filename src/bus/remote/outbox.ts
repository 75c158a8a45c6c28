import type { Envelope } from '../../wire/index.js';
import type { Logger } from '../../options.js';
import { BoundedQueue, DropReporter } from '../bounded-queue.js';
import type { OverflowPolicy } from '../bounded-queue.js';
import { encodePublishFrames, kMaxBatchEnvelopes } from './frames.js';

/*
 * A remote bus's outbox: what publish() hands over, held in a bounded queue
 * until the socket takes it, then sent as Publish frames of at most
 * kMaxBatchEnvelopes each.
 *
 *   publish ──► [ queue, capacity C, overflow policy ] ──take()──► Publish frames ──► socket
 *
 * published = sent + dropped + queued, where dropped counts what the policy
 * evicted or refused, what was too big (or not encodable) to send, and what
 * was left at close.
 */

export interface OutboxOptions {
  capacity: number;
  overflow: OverflowPolicy;
  maxFrameBytes: number;
  /** Drops are logged at most once per this many ms. */
  logIntervalMs: number;
  logger: Logger;
  /** Named in the drop warning. */
  component: string;
}

export interface OutboxStats {
  readonly published: number;
  readonly sent: number;
  readonly dropped: number;
  readonly queued: number;
  readonly highWater: number;
}

export class Outbox {
  readonly #q: BoundedQueue<Envelope>;
  readonly #drops: DropReporter<'outbox'>;
  readonly #maxFrameBytes: number;
  #published = 0;
  #sent = 0;
  #unsendable = 0;

  constructor(o: OutboxOptions) {
    this.#maxFrameBytes = o.maxFrameBytes;
    this.#drops = new DropReporter(o.logger, o.logIntervalMs, (_drops, n) =>
      `runbus client "${o.component}": outbox dropped ${n} envelopes (${o.overflow}, capacity ${o.capacity}); ${this.dropped} in all`);
    this.#q = new BoundedQueue(o.capacity, o.overflow, {
      onDrop: (n) => {
        this.#drops.note('outbox', n);
      },
    });
  }

  get length(): number {
    return this.#q.length;
  }

  get full(): boolean {
    return this.#q.full;
  }

  get dropped(): number {
    return this.#q.dropped + this.#unsendable;
  }

  /** Queues one envelope under the overflow policy; false when it was refused. */
  push(e: Envelope): boolean {
    this.#published++;
    return this.#q.push(e) !== 'refused';
  }

  /** Resolves once there is room (see {@link BoundedQueue.waitForRoom}). */
  waitForRoom(): Promise<void> {
    return this.#q.waitForRoom();
  }

  /**
   * Takes the oldest envelopes (up to one batch) and appends their Publish
   * frames, each within maxFrameBytes, to `out`. Returns how many of them
   * were too big for one frame or did not encode: dropped, counted.
   */
  take(out: Uint8Array[]): number {
    const q = this.#q;
    const n = Math.min(q.length, kMaxBatchEnvelopes);
    const batch = new Array<Envelope>(n);
    for (let i = 0; i < n; ++i) batch[i] = q.shift()!;
    const bad = encodePublishFrames(batch, this.#maxFrameBytes, out);
    const skipped = bad.oversized + bad.unencodable;
    if (skipped > 0) {
      this.#unsendable += skipped;
      this.#drops.note('outbox', skipped);
    }
    this.#sent += n - skipped;
    return skipped;
  }

  /** After take(): wakes publishers waiting for room. */
  settle(): void {
    this.#q.settle();
  }

  /** Closing: nobody waits for room any more. */
  stopWaiting(): void {
    this.#q.close();
  }

  /** Closing: what is still queued counts as dropped; the last drop report goes out. */
  discard(): void {
    this.#q.discard();
    this.#drops.flush();
  }

  stats(): OutboxStats {
    return { published: this.#published, sent: this.#sent, dropped: this.dropped, queued: this.#q.length, highWater: this.#q.highWater };
  }
}
