// The writer thread's counters reach the hub through shared memory under a
// sequence lock: a read sees a whole write or nothing new, never half.
import { describe, expect, it } from 'vitest';
import { kSharedStatsBytes, SharedStatsReader, SharedStatsWriter } from '../../src/remote-write/shared-stats.js';
import type { TargetStats } from '../../src/remote-write/index.js';

function stats(samplesSent: number, lastError: string | null = null): TargetStats[] {
  return [{
    url: 'http://receiver.test/api/v1/write', rowsBehind: 3, samplesSent, requestsSent: 1, retries: 0, refusedRequests: 0, refusedSamples: 0,
    replayedRequests: 0, dropped: { out_of_order: 2 }, failingSinceMs: null, lastError, lastSuccessMs: 1_700_000_000_000,
  }];
}

describe('shared counters', () => {
  it('a read returns the last write once; nothing new reads as undefined', () => {
    const sab = new SharedArrayBuffer(kSharedStatsBytes);
    const w = new SharedStatsWriter(sab);
    const r = new SharedStatsReader(sab);
    expect(r.read()).toBeUndefined();
    expect(w.write(stats(10, 'HTTP 500: ünïcode reason'))).toBe(true);
    expect(w.write(stats(20))).toBe(true);
    expect(r.read()).toEqual(stats(20));
    expect(r.read()).toBeUndefined();
    // A shorter write after a longer one: the length is the new one's.
    expect(w.write(stats(30, 'x'.repeat(300)))).toBe(true);
    expect(w.write(stats(40))).toBe(true);
    expect(r.read()).toEqual(stats(40));
  });

  it('while a write is under way (odd sequence) a read sees nothing new', () => {
    const sab = new SharedArrayBuffer(kSharedStatsBytes);
    const w = new SharedStatsWriter(sab);
    const r = new SharedStatsReader(sab);
    w.write(stats(1));
    const head = new Int32Array(sab, 0, 2);
    Atomics.add(head, 0, 1);
    expect(r.read()).toBeUndefined();
    Atomics.add(head, 0, 1);
    expect(r.read()).toEqual(stats(1));
  });

  it('counters that do not fit are refused, and the last ones stay readable', () => {
    const sab = new SharedArrayBuffer(600);
    const w = new SharedStatsWriter(sab);
    const r = new SharedStatsReader(sab);
    expect(w.write(stats(1))).toBe(true);
    expect(w.write([...stats(2), ...stats(3), ...stats(4)])).toBe(false);
    expect(r.read()).toEqual(stats(1));
  });
});
