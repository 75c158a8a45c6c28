import fc from 'fast-check';
import { expect } from 'vitest';
import { decodePublishFast } from '../../src/wire/codec.js';
import { decodeBatchReference, WireError } from '../../src/wire/index.js';
import type { Envelope } from '../../src/wire/index.js';

// For the decoder tests that hold a fast path to its reference (test/wire).

/** What a decode gave: its result, or its WireError's code and message. */
export type Outcome = { ok: unknown } | { code: string; message: string };

export function outcome(fn: () => unknown): Outcome {
  try {
    return { ok: fn() };
  } catch (err) {
    if (!(err instanceof WireError)) throw err;
    return { code: err.code, message: err.message };
  }
}

/** Random single-byte edits, insertions and deletions. */
export function mutated(base: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Uint8Array> {
  const edits = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'insert', 'delete')), { minLength: 1, maxLength: 6 });
  return fc.tuple(base, edits).map(([bytes, es]) => {
    const b = [...bytes];
    for (const [i, v, op] of es) {
      const at = b.length === 0 ? 0 : i % (b.length + 1);
      if (op === 'set' && at < b.length) b[at] = v;
      else if (op === 'insert') b.splice(at, 0, v);
      else b.splice(at, 1);
    }
    return Uint8Array.from(b);
  });
}

/**
 * The fast path agrees with the reference on `bytes` (a Publish message) at
 * `nowMs`: the same messages (same class, same own fields), or it gives up;
 * input the reference refuses never gets through it. `keep` as for
 * decodePublishFast (kept payloads are compared by value).
 */
export function agreesAt(bytes: Uint8Array, nowMs: number, keep = false): { fast: Envelope[] | null; ref: Outcome } {
  const ref = outcome(() => decodeBatchReference(bytes, nowMs));
  const fast = decodePublishFast(bytes, 0, bytes.length, nowMs, 0, keep);
  if ('ok' in ref) {
    if (fast !== null) {
      if (keep) expect(fast).toEqual(ref.ok);
      else expect(fast).toStrictEqual(ref.ok);
    }
  } else {
    expect(fast).toBeNull();
  }
  return { fast, ref };
}
