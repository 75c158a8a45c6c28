import fc from 'fast-check';
import { expect } from 'vitest';
import { decodeBatchKeepingBytes } from '../../src/wire/codec.js';
import { decodeBatchReference, encodeBatch, encodeBatchTransferable, encodePublishFrame } from '../../src/wire/index.js';
import type { Envelope, Topic } from '../../src/wire/index.js';
import { agreesAt, outcome } from './decode-outcome.js';
import { everyTopic } from '../../support/samples.js';

// For the tests of payloads that keep their bytes (test/wire): one check of
// the contract, for any kind.

const hex = (b: Uint8Array | ArrayBuffer): string => Buffer.from(b instanceof ArrayBuffer ? new Uint8Array(b) : b).toString('hex');

/**
 * `envelopes`, encoded and read back keeping their bytes, encode by every
 * encoder to the bytes of the same envelopes with their `topic` payloads as
 * plain objects (nothing kept); a payload with one of `wideKeys` at or past
 * 2^53 keeps none (the double rounds it).
 */
export function keptEncodeAsAfresh(envelopes: readonly Envelope[], topic: Topic, kept: { keptLength(p: object): number }, wideKeys: readonly string[]): void {
  const bytes = encodeBatch(envelopes);
  if (!('ok' in outcome(() => decodeBatchReference(bytes)))) return;
  const decoded = decodeBatchKeepingBytes(bytes);
  const fresh = decoded.map((e) => (e.topic === topic ? ({ topic: e.topic, payload: { ...e.payload } } as Envelope) : e));
  expect(hex(encodeBatch(decoded))).toBe(hex(encodeBatch(fresh)));
  expect(hex(encodeBatchTransferable(decoded))).toBe(hex(encodeBatchTransferable(fresh)));
  expect(hex(encodePublishFrame(decoded))).toBe(hex(encodePublishFrame(fresh)));
  for (const e of decoded) {
    if (e.topic !== topic) continue;
    const p = e.payload as unknown as Record<string, unknown>;
    if (wideKeys.some((k) => ((p[k] as number | undefined) ?? 0) >= 2 ** 53)) expect(kept.keptLength(e.payload)).toBe(-1);
  }
}

/** Arrays of up to 10 envelopes, mostly of `payload`'s kind (`topic`), some of every other topic. */
export function envelopesOf<T>(payload: fc.Arbitrary<T>, topic: Topic): fc.Arbitrary<Envelope[]> {
  return fc.array(
    fc.oneof({ weight: 4, arbitrary: payload.map((p) => ({ topic, payload: p }) as unknown as Envelope) }, fc.constantFrom(...everyTopic())),
    { maxLength: 10 },
  );
}

/** Whatever the bytes, the fast path reads what the reference reads at `nowMs`, or gives up: with kept bytes or without. */
export function agreesKeptOrNot(bytes: Uint8Array, nowMs: number): void {
  agreesAt(bytes, nowMs);
  agreesAt(bytes, nowMs, true);
}
