import { runbus } from './gen/telemetry.js';

const Snapshot = runbus.v1.ResourceSnapshot;

/**
 * A ResourceSnapshot read from a batch the reader may keep (the sampler's,
 * transferred from its worker; see decodeBatchKeepingBytes in codec.ts): it
 * remembers where its encoding lies in those bytes, and the batch encoder
 * (fast-encode.ts) copies them instead of writing the fields again. Anything
 * that changes a field of such a payload calls {@link KeptSnapshot.forget}
 * first. BatchScanner keeps the encoding only where encoding the decoded
 * fields afresh gives the same bytes: for a batch the fast encoder wrote,
 * always but for a 64-bit figure past 2^53 (the double rounds it). Private
 * fields: invisible to Object.keys, JSON and test equality.
 */
export class KeptSnapshot extends Snapshot {
  #from: Uint8Array | null = null;
  #start = 0;
  #end = 0;

  /** Records that `p` was read from from[start, end). */
  static keep(p: KeptSnapshot, from: Uint8Array, start: number, end: number): void {
    p.#from = from;
    p.#start = start;
    p.#end = end;
  }

  /** The length of the encoding kept for `p`, or -1 when it has none. */
  static keptLength(p: object): number {
    return #from in p && p.#from !== null ? p.#end - p.#start : -1;
  }

  /** Copies the kept body of `p` (keptLength(p) >= 0) to out[at…]; returns the position after it. */
  static putBody(p: object, out: Uint8Array, at: number): number {
    if (!(#from in p) || p.#from === null) throw new TypeError('runbus fast-encode: this snapshot keeps no encoding');
    const from = p.#from;
    // A loop: cheaper than Buffer#copy's checks and view for some 150 bytes.
    for (let i = p.#start, end = p.#end; i < end; ++i) out[at++] = from[i]!;
    return at;
  }

  /** Drops the encoding kept for `p`, if any: call before changing a field of a decoded payload. */
  static forget(p: object): void {
    if (#from in p) p.#from = null;
  }
}
