import { describe, expect, it } from 'vitest';
import { Batcher } from '../../src/hub/index.js';
import type { BatcherStats } from '../../src/hub/index.js';
import { Topic } from '../../src/wire/index.js';
import { resource } from '../../support/samples.js';

const env = (pid: number) => ({ topic: Topic.RESOURCE, payload: resource({ pid }) }) as const;

function balances(s: BatcherStats): void {
  expect(s.added).toBe(s.written + s.dropped + s.pending + s.held);
}

describe('batcher counts: added = written + dropped + pending + held', () => {
  it('a full batcher drops the oldest, counted; waitForRoom resolves once a batch is taken out', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const written: number[] = [];
    const b = new Batcher({
      batchSize: 2, batchAgeMs: 60_000, capacity: 4, retryMs: 10,
      write: async (ab) => { await gate; written.push(ab.byteLength); },
      onWriteError: () => undefined,
      onRecovered: () => undefined,
    });
    // The first two go into the batch in flight (held) as soon as they make a batch.
    for (let pid = 1; pid <= 2; pid++) b.add(env(pid));
    for (let pid = 3; pid <= 6; pid++) b.add(env(pid));
    expect(b.full).toBe(true);
    let roomed = false;
    const room = b.waitForRoom().then(() => { roomed = true; });
    b.add(env(7)); // evicts the oldest pending (pid 3)
    expect(b.stats()).toMatchObject({ added: 7, dropped: 1, pending: 4, held: 2 });
    balances(b.stats());
    await Promise.resolve();
    expect(roomed).toBe(false);
    release();
    await room; // the next batch left the queue
    expect(await b.drain(Date.now() + 1000)).toBe(0);
    expect(b.stats()).toMatchObject({ added: 7, written: 6, dropped: 1, pending: 0, held: 0 });
    balances(b.stats());
  });

  it('a store that keeps failing: drain gives up at its deadline and counts what it abandons', async () => {
    let errors = 0;
    const b = new Batcher({
      batchSize: 3, batchAgeMs: 60_000, capacity: 10, retryMs: 5,
      write: () => Promise.reject(new Error('disk full')),
      onWriteError: () => { errors++; },
      onRecovered: () => undefined,
    });
    for (let pid = 1; pid <= 5; pid++) b.add(env(pid));
    const lost = await b.drain(Date.now() + 30);
    expect(lost).toBe(5);
    expect(errors).toBeGreaterThan(0);
    expect(b.stats()).toMatchObject({ added: 5, written: 0, dropped: 5, pending: 0, held: 0 });
    balances(b.stats());
    // Nothing waits on a drained batcher.
    await b.waitForRoom();
  });

  it('flushAdded writes what was added before it, even while a publisher keeps adding', async () => {
    const b = new Batcher({
      batchSize: 2, batchAgeMs: 60_000, capacity: 1000, retryMs: 5,
      write: () => new Promise((r) => setTimeout(r, 1)),
      onWriteError: () => undefined,
      onRecovered: () => undefined,
    });
    for (let pid = 1; pid <= 7; pid++) b.add(env(pid));
    let pid = 100;
    const flood = setInterval(() => { for (let i = 0; i < 5; i++) b.add(env(pid++)); }, 0);
    try {
      await b.flushAdded(Date.now() + 5000);
      expect(b.stats().written).toBeGreaterThanOrEqual(7);
    } finally {
      clearInterval(flood);
    }
    balances(b.stats());
  });

  it('flushAdded gives up at its deadline when the store keeps failing, dropping nothing', async () => {
    const b = new Batcher({
      batchSize: 3, batchAgeMs: 60_000, capacity: 10, retryMs: 5,
      write: () => Promise.reject(new Error('disk full')),
      onWriteError: () => undefined,
      onRecovered: () => undefined,
    });
    for (let pid = 1; pid <= 4; pid++) b.add(env(pid));
    await b.flushAdded(Date.now() + 30);
    expect(b.stats()).toMatchObject({ added: 4, written: 0, dropped: 0 });
    expect(b.stats().pending + b.stats().held).toBe(4);
  });
});
