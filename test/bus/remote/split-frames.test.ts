// The hub's connection reads Publish frames cut anywhere by the socket: in
// the length varint (1, 2 and 3-byte prefixes), right after it, and inside
// the body, with a pause between the pieces so they arrive as separate
// reads. Every envelope arrives and the connection stays open.
import { expect, test } from 'vitest';
import { encodeFrame, Topic } from '../../../src/wire/index.js';
import { RawClient, hubPerTest, snapshot, waitFor } from './helpers.js';

const h = hubPerTest();

function publishFrame(n: number, from: number): Uint8Array {
  const envelopes = [];
  for (let i = 0; i < n; ++i) envelopes.push({ topic: Topic.RESOURCE, payload: snapshot(from + i, { component: 'split' }) });
  return encodeFrame({ kind: 'publish', envelopes });
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 2));

test('Publish frames split in and around their length prefixes all arrive', { timeout: 60_000 }, async () => {
  // 1, 2 and 3-byte length prefixes.
  const frames = [publishFrame(1, 0), publishFrame(40, 1), publishFrame(3000, 41)];
  const perStream = 3041;
  // Body lengths under 2^7, under 2^14, and over 2^14.
  expect(frames[0]!.length).toBeLessThan(129);
  expect(frames[1]!.length).toBeGreaterThan(130);
  expect(frames[1]!.length).toBeLessThan(16_386);
  expect(frames[2]!.length).toBeGreaterThan(16_387);
  const stream = Buffer.concat(frames);
  // Cut points: each byte of every prefix and the two bytes after it, and the middle of each body.
  const cuts = new Set<number>();
  let at = 0;
  for (const f of frames) {
    for (let k = 1; k <= 6; ++k) cuts.add(at + k);
    cuts.add(at + (f.length >> 1));
    at += f.length;
  }
  let got = 0;
  h.bus.subscribe(Topic.RESOURCE, (p) => {
    if (p.component === 'split') got++;
  }, { capacity: 1_000_000 });
  let sent = 0;
  for (const cut of [...cuts].filter((c) => c < stream.length).sort((a, b) => a - b)) {
    const c = await RawClient.open(h.t.sock);
    c.hello({ component: 'split' });
    // One stream cut at `cut`, then the same stream fed a byte at a time
    // across the cut (so the pieces before and after it are reads of their own).
    c.write(stream.subarray(0, cut));
    await tick();
    c.write(stream.subarray(cut));
    await tick();
    const lo = Math.max(0, cut - 3);
    const hi = Math.min(stream.length, cut + 3);
    c.write(stream.subarray(0, lo));
    for (let i = lo; i < hi; ++i) {
      await tick();
      c.write(stream.subarray(i, i + 1));
    }
    await tick();
    c.write(stream.subarray(hi));
    sent += 2 * perStream;
    await waitFor(() => got === sent, `cut at ${cut}: ${sent} envelopes (got ${got})`);
    expect(c.isClosed, `cut at ${cut}`).toBe(false);
    expect(c.errorCode()).toBeUndefined();
    c.destroy();
  }
  expect(h.server.stats().rejected).toEqual({});
});
