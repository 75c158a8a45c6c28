import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Batcher } from '../../src/hub/index.js';
import { Topic } from '../../src/wire/index.js';
import { resource } from '../../support/samples.js';

beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { vi.useRealTimers(); });

function batcher(): { b: Batcher; writes: number[] } {
  const writes: number[] = [];
  const b = new Batcher({
    batchSize: 100, batchAgeMs: 200, capacity: 1000, retryMs: 100,
    write: (ab) => { writes.push(ab.byteLength); return Promise.resolve(); },
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
