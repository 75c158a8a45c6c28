import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Batcher } from '../../src/hub/index.js';
import { Topic } from '../../src/wire/index.js';
import { resource } from '../../support/samples.js';

beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { vi.useRealTimers(); });

// `commit` settles each write; by default at once.
function batcher(commit: () => Promise<void> = () => Promise.resolve()): { b: Batcher; writes: number[] } {
  const writes: number[] = [];
  const b = new Batcher({
    batchSize: 100, batchAgeMs: 200, capacity: 1000, retryMs: 100,
    write: (ab) => { writes.push(ab.byteLength); return commit(); },
    onWriteError: () => undefined,
    onRecovered: () => undefined,
  });
  return { b, writes };
}

describe('batcher flushSoon', () => {
  it('writes what is pending at the end of the turn, before the batch age, in one batch', async () => {
    const { b, writes } = batcher();
    for (let i = 0; i < 3; i++) b.add({ topic: Topic.RESOURCE, payload: resource({ pid: i + 1 }) });
    b.flushSoon();
    b.flushSoon(); // once per turn
    expect(writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(writes).toHaveLength(1);
    expect(b.stats()).toMatchObject({ added: 3, written: 3, pending: 0, batches: 1 });
    // The age timer it replaced does not write an empty batch later.
    await vi.advanceTimersByTimeAsync(1000);
    expect(b.stats().batches).toBe(1);
  });

  it('without it, the batch waits for its age', async () => {
    const { b, writes } = batcher();
    b.add({ topic: Topic.RESOURCE, payload: resource() });
    await vi.advanceTimersByTimeAsync(199);
    expect(writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(writes).toHaveLength(1);
  });
});

describe('batcher expectFlush', () => {
  it('what is added while a flushSoon() is expected arms no timer and goes with that flush', async () => {
    const { b, writes } = batcher();
    b.expectFlush();
    b.add({ topic: Topic.HEARTBEAT, payload: { tsMs: 1, runId: 'r', component: 'hub', pid: 1 } });
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(500);
    expect(writes).toHaveLength(0);
    b.add({ topic: Topic.RESOURCE, payload: resource() });
    b.flushSoon();
    await vi.advanceTimersByTimeAsync(0);
    expect(writes).toHaveLength(1);
    expect(b.stats()).toMatchObject({ added: 2, written: 2, pending: 0, batches: 1 });
    // Once the flush came, the age timer is back.
    b.add({ topic: Topic.RESOURCE, payload: resource() });
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(writes).toHaveLength(2);
  });

  it('a second expectFlush() before the flush came writes what waits at once', async () => {
    const { b, writes } = batcher();
    b.expectFlush();
    b.add({ topic: Topic.RESOURCE, payload: resource() });
    b.expectFlush();
    await vi.advanceTimersByTimeAsync(0);
    expect(writes).toHaveLength(1);
    expect(b.stats()).toMatchObject({ added: 1, written: 1, pending: 0 });
  });

  it('a full batch does not wait for the expected flush', async () => {
    const { b, writes } = batcher();
    b.expectFlush();
    for (let i = 0; i < 100; i++) b.add({ topic: Topic.RESOURCE, payload: resource({ pid: i + 1 }) });
    await vi.advanceTimersByTimeAsync(0);
    expect(writes).toHaveLength(1);
  });
});

describe('batcher: an envelope added between flushSoon() and its flush', () => {
  it('goes with that flush and arms no age timer', async () => {
    const { b, writes } = batcher();
    b.expectFlush();
    b.add({ topic: Topic.RESOURCE, payload: resource() });
    b.flushSoon();
    // E.g. the heartbeat, published at the end of the same turn.
    b.add({ topic: Topic.HEARTBEAT, payload: { tsMs: 1, runId: 'r', component: 'hub', pid: 1 } });
    // Only the flush's setImmediate: an age timer, even cleared by that
    // flush, would still wake the thread when it would have fired.
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(writes).toHaveLength(1);
    expect(b.stats()).toMatchObject({ added: 2, written: 2, pending: 0, batches: 1 });
  });
});

describe('batcher with a write whose commit is read late', () => {
  function lateBatcher(): { b: Batcher; hurries: () => number; commit: () => void } {
    let hurried = 0;
    const waiting: (() => void)[] = [];
    const commit = (): void => { for (const r of waiting.splice(0)) r(); };
    const b = new Batcher({
      batchSize: 2, batchAgeMs: 200, capacity: 1000, retryMs: 100,
      write: () => new Promise((r) => { waiting.push(() => { r({ latencyMs: 7 }); }); }),
      hurry: () => { hurried++; commit(); },
      onWriteError: () => undefined,
      onRecovered: () => undefined,
    });
    return { b, hurries: () => hurried, commit };
  }

  it('records the latency the write reports, not the time until it was read', async () => {
    const { b, commit } = lateBatcher();
    b.add({ topic: Topic.RESOURCE, payload: resource() });
    b.flushSoon();
    await vi.advanceTimersByTimeAsync(900);
    expect(b.stats()).toMatchObject({ written: 0, held: 1 });
    commit();
    await vi.advanceTimersByTimeAsync(0);
    expect(b.stats()).toMatchObject({ written: 1, held: 0, flushP50Ms: 7 });
  });

  it('a commit read at the next tick arms no age timer for that tick\'s envelopes', async () => {
    const { b, commit } = lateBatcher();
    b.expectFlush();
    b.add({ topic: Topic.RESOURCE, payload: resource({ pid: 1 }) });
    b.flushSoon();
    await vi.advanceTimersByTimeAsync(0);
    expect(b.stats()).toMatchObject({ written: 0, held: 1 });
    // The next tick, as the hub's hooks run it: the last commit read, the
    // flush expected, the tick's envelopes added, its flushSoon().
    commit();
    b.expectFlush();
    b.add({ topic: Topic.RESOURCE, payload: resource({ pid: 2 }) });
    b.flushSoon();
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(b.stats()).toMatchObject({ written: 1, held: 0, pending: 1 });
    // Only the flush's setImmediate: an age timer armed when the write
    // settled, even cleared by that flush, would still wake the thread.
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(b.stats()).toMatchObject({ written: 1, held: 1, pending: 0 });
  });

  it('hurries the write in flight when a full batch waits, and when draining', async () => {
    const { b, hurries } = lateBatcher();
    b.add({ topic: Topic.RESOURCE, payload: resource({ pid: 1 }) });
    b.add({ topic: Topic.RESOURCE, payload: resource({ pid: 2 }) }); // a full batch: in flight
    expect(hurries()).toBe(0);
    b.add({ topic: Topic.RESOURCE, payload: resource({ pid: 3 }) });
    b.add({ topic: Topic.RESOURCE, payload: resource({ pid: 4 }) }); // the next full batch waits
    expect(hurries()).toBe(1);
    await vi.advanceTimersByTimeAsync(0);
    b.add({ topic: Topic.RESOURCE, payload: resource({ pid: 5 }) });
    expect(await b.drain(Date.now() + 1000)).toBe(0);
    expect(hurries()).toBeGreaterThanOrEqual(2);
    expect(b.stats()).toMatchObject({ added: 5, written: 5, pending: 0, held: 0 });
  });
});

describe('batcher: a tick of more than batchSize envelopes', () => {
  it('writes the rest as soon as the first batch is committed, not after the batch age', async () => {
    const waiting: (() => void)[] = [];
    const { b, writes } = batcher(() => new Promise<void>((r) => { waiting.push(r); }));
    b.expectFlush();
    // 250 envelopes in one tick: two full batches, the second waiting on the first.
    for (let i = 0; i < 250; i++) b.add({ topic: Topic.RESOURCE, payload: resource({ pid: i + 1 }) });
    b.flushSoon();
    await vi.advanceTimersByTimeAsync(0);
    expect(writes).toHaveLength(1);
    for (let k = 2; k <= 3; k++) {
      waiting.shift()!();
      await vi.advanceTimersByTimeAsync(0);
      expect(writes).toHaveLength(k);
    }
    waiting.shift()!();
    await vi.advanceTimersByTimeAsync(0);
    expect(b.stats()).toMatchObject({ added: 250, written: 250, pending: 0, batches: 3 });
    // Nothing was left for an age timer.
    await vi.advanceTimersByTimeAsync(1000);
    expect(writes).toHaveLength(3);
  });

  it('without a flushSoon(), a partial rest still waits for its age', async () => {
    const { b, writes } = batcher();
    for (let i = 0; i < 150; i++) b.add({ topic: Topic.RESOURCE, payload: resource({ pid: i + 1 }) });
    await vi.advanceTimersByTimeAsync(199);
    expect(writes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(writes).toHaveLength(2);
  });
});
