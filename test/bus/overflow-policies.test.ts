import { describe, expect, it } from 'vitest';
import { RunBus } from '../../src/bus/index.js';
import { Topic } from '../../src/wire/index.js';
import { resource } from '../../support/samples.js';
import { expectBalanced, flushMicrotasks, quietLogger } from '../support/bus.js';

const snap = (pid: number) => resource({ pid });

describe('overflow policies under a burst', () => {
  it('drop-oldest keeps the newest `capacity` messages', async () => {
    const bus = new RunBus({ logger: quietLogger() });
    const seen: number[] = [];
    const sub = bus.subscribe(Topic.RESOURCE, (s) => { seen.push(s.pid); }, { capacity: 3, overflow: 'drop-oldest' });
    for (let pid = 1; pid <= 10; ++pid) expect(bus.publish(Topic.RESOURCE, snap(pid))).toBe(true);
    expect(sub.stats()).toMatchObject({ published: 10, dropped: 7, queued: 3, delivered: 0, highWater: 3 });
    await flushMicrotasks();
    expect(seen).toEqual([8, 9, 10]);
    expectBalanced(sub.stats());
  });

  it('drop-newest keeps the first `capacity` messages', async () => {
    const bus = new RunBus({ logger: quietLogger() });
    const seen: number[] = [];
    const sub = bus.subscribe(Topic.RESOURCE, (s) => { seen.push(s.pid); }, { capacity: 3, overflow: 'drop-newest' });
    for (let pid = 1; pid <= 10; ++pid) expect(bus.publish(Topic.RESOURCE, snap(pid))).toBe(true);
    await flushMicrotasks();
    expect(seen).toEqual([1, 2, 3]);
    expect(sub.stats()).toMatchObject({ published: 10, delivered: 3, dropped: 7, queued: 0 });
  });

  it('block refuses with publish() returning false, and publishAsync() waits for room and loses nothing', async () => {
    const bus = new RunBus({ logger: quietLogger() });
    const seen: number[] = [];
    let release!: () => void;
    let gate = new Promise<void>((r) => (release = r));
    const sub = bus.subscribe(Topic.RESOURCE, async (s) => { seen.push(s.pid); await gate; }, { capacity: 2, overflow: 'block' });
    const other: number[] = [];
    bus.subscribe(Topic.RESOURCE, (s) => { other.push(s.pid); }, { capacity: 100 });

    expect(bus.publish(Topic.RESOURCE, snap(1))).toBe(true);
    await flushMicrotasks(); // 1 is in the handler, which now waits on the gate
    expect(bus.publish(Topic.RESOURCE, snap(2))).toBe(true);
    expect(bus.publish(Topic.RESOURCE, snap(3))).toBe(true);
    expect(bus.publish(Topic.RESOURCE, snap(4))).toBe(false); // full: refused for this subscriber only
    expect(sub.stats()).toMatchObject({ published: 4, delivered: 1, queued: 2, dropped: 1 });

    let drained = 0;
    bus.on('drain', () => drained++);
    const pending = bus.publishAsync(Topic.RESOURCE, snap(5));
    let settled = false;
    void pending.then(() => (settled = true));
    await flushMicrotasks();
    expect(settled).toBe(false); // still waiting for room

    release();
    gate = Promise.resolve();
    expect(await pending).toBe(true);
    await flushMicrotasks(20);
    expect(seen).toEqual([1, 2, 3, 5]);
    expect(other).toEqual([1, 2, 3, 4, 5]); // the other subscriber was never held back
    expect(drained).toBeGreaterThan(0);
    expectBalanced(sub.stats());
  });

  it('a slow async consumer only holds back its own queue', async () => {
    const bus = new RunBus({ logger: quietLogger() });
    let fast = 0;
    const slow = bus.subscribe(Topic.RESOURCE, () => new Promise((r) => setImmediate(r)), { capacity: 10, name: 'slow' });
    const quick = bus.subscribe(Topic.RESOURCE, () => { fast++; }, { capacity: 1000, name: 'fast' });
    for (let i = 1; i <= 500; ++i) {
      bus.publish(Topic.RESOURCE, snap(i));
      if (i % 50 === 0) await flushMicrotasks();
    }
    await bus.close();
    expect(fast).toBe(500);
    expect(quick.stats().dropped).toBe(0);
    expect(slow.stats().dropped).toBeGreaterThan(0);
    expectBalanced(slow.stats());
    expectBalanced(quick.stats());
  });
});
