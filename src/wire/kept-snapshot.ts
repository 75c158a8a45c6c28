import { runbus } from './gen/telemetry.js';

/** A generated message class (protobufjs): constructed with its optional properties. */
// A mixin's base must be typed with a rest parameter of any[] (TS2545).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type MessageClass = new (...args: any[]) => object;

/**
 * A payload class of `Base` read from a batch the reader may keep (the
 * sampler's, transferred from its worker; see decodeBatchKeepingBytes in
 * codec.ts): each payload remembers where its encoding lies in those bytes,
 * and the batch encoder copies them instead of writing the fields again.
 * Anything that changes a field of such a payload calls `forget` first. The
 * decoders keep the encoding only where encoding the decoded fields afresh
 * gives the same bytes. Private fields: invisible to Object.keys, JSON and
 * test equality. Each class made here has a brand of its own: one's statics
 * see no encoding in another's payloads.
 */
function keptBytes<B extends MessageClass>(Base: B, what: string) {
  return class Kept extends Base {
    #from: Uint8Array | null = null;
    #start = 0;
    #end = 0;

    /** Records that `p` (made by this class) was read from from[start, end). */
    static keep(p: object, from: Uint8Array, start: number, end: number): void {
      if (!(#from in p)) throw new TypeError(`runbus wire: this ${what} cannot keep an encoding`);
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
      if (!(#from in p) || p.#from === null) throw new TypeError(`runbus wire: this ${what} keeps no encoding`);
      const from = p.#from;
      // A loop: cheaper than Buffer#copy's checks and view for some 150 bytes.
      for (let i = p.#start, end = p.#end; i < end; ++i) out[at++] = from[i]!;
      return at;
    }

    /** Drops the encoding kept for `p`, if any: call before changing a field of a decoded payload. */
    static forget(p: object): void {
      if (#from in p) p.#from = null;
    }
  };
}

/**
 * A ResourceSnapshot that keeps its encoding (see keptBytes): for a batch
 * the fast encoder wrote, always but for a 64-bit figure past 2^53 (the
 * double rounds it).
 */
export class KeptSnapshot extends keptBytes(runbus.v1.ResourceSnapshot, 'snapshot') {}

/** A ContainerSnapshot that keeps its encoding (see keptBytes). */
export class KeptContainer extends keptBytes(runbus.v1.ContainerSnapshot, 'container snapshot') {}

/** A HostSnapshot that keeps its encoding (see keptBytes). */
export class KeptHost extends keptBytes(runbus.v1.HostSnapshot, 'host snapshot') {}
