// The writer thread's counters, shared with the hub without a message: the
// thread writes them after each attempt under a sequence lock; the hub
// reads them when it wants (at each heartbeat). No wake-up on either side.
//
//   Int32 [0] seq (odd while being written)   Int32 [1] byte length
//   bytes [8 …] the TargetStats[] as UTF-8 JSON
import type { TargetStats } from './writer-types.js';

/** Room for the counters of about a hundred targets. */
export const kSharedStatsBytes = 64 << 10;
const kHeader = 8;

export class SharedStatsWriter {
  readonly #head: Int32Array;
  readonly #bytes: Uint8Array;
  readonly #enc = new TextEncoder();

  constructor(sab: SharedArrayBuffer) {
    this.#head = new Int32Array(sab, 0, 2);
    this.#bytes = new Uint8Array(sab, kHeader);
  }

  /** False when the counters do not fit (the reader keeps what it had). */
  write(stats: readonly TargetStats[]): boolean {
    const b = this.#enc.encode(JSON.stringify(stats));
    if (b.byteLength > this.#bytes.byteLength) return false;
    const seq = Atomics.load(this.#head, 0);
    Atomics.store(this.#head, 0, seq + 1);
    this.#bytes.set(b);
    Atomics.store(this.#head, 1, b.byteLength);
    Atomics.store(this.#head, 0, seq + 2);
    return true;
  }
}

export class SharedStatsReader {
  readonly #head: Int32Array;
  readonly #bytes: Uint8Array;
  readonly #dec = new TextDecoder();
  #seen = 0;

  constructor(sab: SharedArrayBuffer) {
    this.#head = new Int32Array(sab, 0, 2);
    this.#bytes = new Uint8Array(sab, kHeader);
  }

  /** The counters written since the last read; undefined when none are new (or one is being written). */
  read(): TargetStats[] | undefined {
    const seq = Atomics.load(this.#head, 0);
    if (seq === this.#seen || seq % 2 === 1) return undefined;
    const len = Atomics.load(this.#head, 1);
    // slice(): a private copy, which TextDecoder can read (it refuses shared memory).
    const copy = this.#bytes.slice(0, len);
    if (Atomics.load(this.#head, 0) !== seq) return undefined;
    this.#seen = seq;
    return JSON.parse(this.#dec.decode(copy)) as TargetStats[];
  }
}
