import { WireError } from '../errors.js';
import { kDefaultMaxFrameBytes } from './codec.js';

/*
 * A socket stream is a sequence of length-delimited frames:
 *
 *   +-----------------+------------------------------+-----------------+---
 *   | varint length L | L bytes: one runbus.v1.Frame | varint length L'| …
 *   +-----------------+------------------------------+-----------------+---
 *     1..5 bytes        L <= maxFrameBytes
 *
 * Chunks arrive cut anywhere: inside a varint, inside a body, or holding
 * several frames. The reader is a two-state machine (LENGTH, BODY). A body
 * that lies whole inside one chunk is handed out as a view of that chunk (no
 * copy); a body split across chunks is assembled in a buffer of exactly L
 * bytes, allocated only once L is known to be within the limit. After any
 * error the reader is dead and throws that error again.
 */

const kMaxVarintBytes = 5;

export interface FrameReaderOptions {
  /**
   * Largest frame body accepted, in bytes; a longer one is rejected as soon
   * as its length prefix is read, before any of it is buffered.
   * @default 1048576 (1 MiB)
   */
  maxFrameBytes?: number;
}

export class FrameReader {
  readonly #max: number;
  // LENGTH state: the varint read so far.
  #lenValue = 0;
  #lenBytes = 0;
  // BODY state: the body being assembled (null while in LENGTH state).
  #body: Uint8Array | null = null;
  #filled = 0;
  #error: WireError | null = null;

  constructor(options: FrameReaderOptions = {}) {
    const max = options.maxFrameBytes ?? kDefaultMaxFrameBytes;
    if (!Number.isSafeInteger(max) || max < 1 || max > 0xffffffff) {
      throw new RangeError(`options.maxFrameBytes must be an integer from 1 to 4294967295 (got ${String(max)})`);
    }
    this.#max = max;
  }

  /** Bytes held for an unfinished frame (length prefix or body). */
  get pendingBytes(): number {
    return this.#body === null ? this.#lenBytes : this.#filled + this.#lenBytes;
  }

  /** True between frames: nothing of a next frame has arrived yet. */
  get idle(): boolean {
    return this.#body === null && this.#lenBytes === 0 && this.#error === null;
  }

  /**
   * Feeds one chunk; calls `onFrame` for each complete frame body, in order.
   * Throws {@link WireError} (ERR_WIRE_BAD_VARINT, ERR_WIRE_OVERSIZED) and
   * stays failed afterwards. A throw from `onFrame` propagates and the rest
   * of that chunk is not read: treat it as the end of the connection.
   */
  push(chunk: Uint8Array, onFrame: (body: Uint8Array) => void): void {
    if (this.#error !== null) throw this.#error;
    let pos = 0;
    const n = chunk.length;
    while (pos < n) {
      if (this.#body === null) {
        // LENGTH state.
        const b = chunk[pos++]!;
        this.#lenValue += (b & 0x7f) * 2 ** (7 * this.#lenBytes);
        this.#lenBytes++;
        if (b & 0x80) {
          if (this.#lenBytes >= kMaxVarintBytes) {
            throw this.#fail('ERR_WIRE_BAD_VARINT', `frame length varint runs past ${kMaxVarintBytes} bytes`);
          }
          continue;
        }
        const len = this.#lenValue;
        this.#lenValue = 0;
        this.#lenBytes = 0;
        if (len > this.#max) {
          throw this.#fail('ERR_WIRE_OVERSIZED', `frame of ${len} bytes exceeds the limit of ${this.#max} bytes`);
        }
        if (n - pos >= len) {
          const body = chunk.subarray(pos, pos + len);
          pos += len;
          onFrame(body);
        } else {
          this.#body = new Uint8Array(len);
          this.#body.set(chunk.subarray(pos));
          this.#filled = n - pos;
          pos = n;
        }
      } else {
        // BODY state: finish the body under assembly.
        const body = this.#body;
        const take = Math.min(body.length - this.#filled, n - pos);
        body.set(chunk.subarray(pos, pos + take), this.#filled);
        this.#filled += take;
        pos += take;
        if (this.#filled === body.length) {
          this.#body = null;
          this.#filled = 0;
          onFrame(body);
        }
      }
    }
  }

  /**
   * Declares the stream finished. Throws ERR_WIRE_TRUNCATED when it stopped
   * inside a frame.
   */
  end(): void {
    if (this.#error !== null) throw this.#error;
    if (this.#body !== null) {
      throw this.#fail('ERR_WIRE_TRUNCATED', `stream ended ${this.#body.length - this.#filled} bytes short of a ${this.#body.length}-byte frame`);
    }
    if (this.#lenBytes > 0) {
      throw this.#fail('ERR_WIRE_TRUNCATED', 'stream ended inside a frame length prefix');
    }
  }

  #fail(code: 'ERR_WIRE_BAD_VARINT' | 'ERR_WIRE_OVERSIZED' | 'ERR_WIRE_TRUNCATED', message: string): WireError {
    this.#error = new WireError(code, message);
    this.#body = null;
    return this.#error;
  }
}

/**
 * Splits a complete byte string into frame bodies (a file, a test vector).
 * Throws {@link WireError}, including ERR_WIRE_TRUNCATED for a cut-off tail.
 */
export function splitFrames(bytes: Uint8Array, options?: FrameReaderOptions): Uint8Array[] {
  const reader = new FrameReader(options);
  const out: Uint8Array[] = [];
  reader.push(bytes, (b) => out.push(b));
  reader.end();
  return out;
}
