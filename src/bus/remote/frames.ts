import { encodePublishFrame } from '../../wire/index.js';
import type { Envelope } from '../../wire/index.js';

// A Publish frame holds nothing but the Publish message, so src/wire writes
// it with the batch encoder (hand-written for RESOURCE) and its two length
// prefixes in one go — the same bytes as encodeFrame({ kind: 'publish', … }),
// which goes through protobufjs (test/bus/remote/frames.test.ts checks).
export { encodePublishFrame };

/** Most envelopes packed into one Publish frame. */
export const kMaxBatchEnvelopes = 512;

/**
 * Encodes `envelopes` as Publish frames, each within `maxFrameBytes` (the
 * peer's limit, length prefix included), splitting a batch in halves when it
 * is too big. An envelope too big on its own is skipped and counted in the
 * returned `oversized`; one that does not encode at all in `unencodable`.
 */
export function encodePublishFrames(
  envelopes: Envelope[],
  maxFrameBytes: number,
  out: Uint8Array[],
): { oversized: number; unencodable: number } {
  const r = { oversized: 0, unencodable: 0 };
  encodeInto(envelopes, maxFrameBytes, out, r);
  return r;
}

function encodeInto(envelopes: Envelope[], max: number, out: Uint8Array[], r: { oversized: number; unencodable: number }): void {
  if (envelopes.length === 0) return;
  let frame: Uint8Array;
  try {
    frame = encodePublishFrame(envelopes);
  } catch {
    if (envelopes.length === 1) {
      r.unencodable++;
      return;
    }
    frame = new Uint8Array(max + 1); // split to find the culprit
  }
  // The limit applies to the body; the prefix is at most 5 bytes.
  if (frame.length <= max) {
    out.push(frame);
    return;
  }
  if (envelopes.length === 1) {
    r.oversized++;
    return;
  }
  const mid = envelopes.length >> 1;
  encodeInto(envelopes.slice(0, mid), max, out, r);
  encodeInto(envelopes.slice(mid), max, out, r);
}
