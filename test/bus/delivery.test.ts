import { describe, expect, it, vi } from 'vitest';
import { RunBus } from '../../src/bus/index.js';
import { Topic } from '../../src/wire/index.js';
import type { ResourceSnapshot } from '../../src/wire/index.js';
import { kTs, resource } from '../../support/samples.js';
import { expectAllBalanced, expectBalanced, flushMicrotasks, quietLogger } from '../support/bus.js';

describe('delivery', () => {
  it('delivers in a microtask, not inside publish()', async () => {
    const bus = new RunBus();
    const seen: number[] = [];
    bus.subscribe(Topic.RESOURCE, (s) => { seen.push(s.pid); });
    bus.publish(Topic.RESOURCE, resource({ pid: 1 }));
    expect(seen).toEqual([]);
    await flushMicrotasks();
    expect(seen).toEqual([1]);
  });

  it('a throwing subscriber breaks neither the others nor the publisher', async () => {
    const log = quietLogger();
    const bus = new RunBus({ logger: log });
    const good: number[] = [];
    const bad = bus.subscribe(Topic.RESOURCE, () => { throw new Error('boom'); }, { name: 'bad' });
    const rejecting = bus.subscribe(Topic.RESOURCE, () => Promise.reject(new Error('async boom')), { name: 'rejecting' });
    bus.subscribe(Topic.RESOURCE, (s) => { good.push(s.pid); }, { name: 'good' });
    for (let pid = 1; pid <= 3; ++pid) expect(() => bus.publish(Topic.RESOURCE, resource({ pid }))).not.toThrow();
    await flushMicrotasks(20);
    expect(good).toEqual([1, 2, 3]);
    expect(bad.stats()).toMatchObject({ delivered: 3, errors: 3 });
    expect(rejecting.stats()).toMatchObject({ delivered: 3, errors: 3 });
    expect(log.lines).toHaveLength(1); // logged once, then only counted
    expect(log.lines[0]).toMatch(/subscriber "bad" threw/);
  });

  it("errors go to the 'error' event when someone listens", async () => {
    const bus = new RunBus({ logger: quietLogger() });
    const errors: unknown[] = [];
    bus.on('error', (err, sub) => errors.push([(err as Error).message, sub.name]));
    bus.subscribe(Topic.RESOURCE, () => { throw new Error('x'); }, { name: 'n' });
    bus.publish(Topic.RESOURCE, resource());
    await flushMicrotasks();
    expect(errors).toEqual([['x', 'n']]);
  });

  it('unsubscribe during delivery stops delivery at once and counts the rest as dropped', async () => {
    const bus = new RunBus({ logger: quietLogger() });
    const seen: number[] = [];
    const sub = bus.subscribe(Topic.RESOURCE, (s) => {
      seen.push(s.pid);
      if (s.pid === 2) sub.unsubscribe();
    });
    for (let pid = 1; pid <= 5; ++pid) bus.publish(Topic.RESOURCE, resource({ pid }));
    await flushMicrotasks();
    expect(seen).toEqual([1, 2]);
    expect(sub.stats()).toMatchObject({ published: 5, delivered: 2, dropped: 3, queued: 0 });
    bus.publish(Topic.RESOURCE, resource({ pid: 6 }));
    expect(sub.stats().published).toBe(5);
    expect(bus.stats().subscribers).toHaveLength(0);
    expect(bus.stats().dropped).toBe(3);
  });

  it('for await yields messages in order and ends when the bus closes', async () => {
    const bus = new RunBus();
    const sub = bus.subscribe(Topic.RESOURCE);
    const got: number[] = [];
    const done = (async () => {
      for await (const s of sub) got.push(s.pid);
    })();
    bus.publish(Topic.RESOURCE, resource({ pid: 1 }));
    await flushMicrotasks();
    bus.publish(Topic.RESOURCE, resource({ pid: 2 }));
    bus.publish(Topic.RESOURCE, resource({ pid: 3 }));
    await bus.close();
    await done;
    expect(got).toEqual([1, 2, 3]);
    expectBalanced(sub.stats());
  });

  it('breaking out of for await unsubscribes', async () => {
    const bus = new RunBus();
    const sub = bus.subscribe(Topic.RESOURCE);
    for (let pid = 1; pid <= 3; ++pid) bus.publish(Topic.RESOURCE, resource({ pid }));
    for await (const s of sub) if (s.pid === 1) break;
    expect(sub.closed).toBe(true);
    expect(sub.stats()).toMatchObject({ published: 3, delivered: 1, dropped: 2 });
  });

  it('filters by run id and component; filtered-out messages are not counted', async () => {
    const bus = new RunBus();
    const seen: string[] = [];
    const sub = bus.subscribe(Topic.RESOURCE, (s) => { seen.push(`${s.runId}/${s.component}`); }, { runId: 'r1', component: 'gpu-worker' });
    bus.publish(Topic.RESOURCE, resource({ runId: 'r1', component: 'gpu-worker' }));
    bus.publish(Topic.RESOURCE, resource({ runId: 'r2', component: 'gpu-worker' }));
    bus.publish(Topic.RESOURCE, resource({ runId: 'r1', component: 'gui' }));
    await flushMicrotasks();
    expect(seen).toEqual(['r1/gpu-worker']);
    expect(sub.stats().published).toBe(1);
  });

  it('one subscription over several topics gets each payload with its topic', async () => {
    const bus = new RunBus();
    const seen: number[] = [];
    bus.subscribe([Topic.RESOURCE, Topic.METRIC], (_p, topic) => { seen.push(topic); });
    bus.publish(Topic.METRIC, { tsMs: kTs, runId: 'r', name: 'm', value: 1 });
    bus.publish(Topic.RESOURCE, resource());
    bus.publish(Topic.HOST, { tsMs: kTs, runId: 'r' });
    await flushMicrotasks();
    expect(seen).toEqual([Topic.METRIC, Topic.RESOURCE]);
  });

  it('close() waits for async handlers to finish what is queued, then refuses publishes', async () => {
    const bus = new RunBus();
    const seen: number[] = [];
    bus.subscribe(Topic.RESOURCE, async (s: ResourceSnapshot) => { await new Promise((r) => setImmediate(r)); seen.push(s.pid); });
    for (let pid = 1; pid <= 5; ++pid) bus.publish(Topic.RESOURCE, resource({ pid }));
    await bus.close();
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(bus.publish(Topic.RESOURCE, resource())).toBe(false);
    expect(bus.stats().refusedClosed).toBe(1);
    expect(await bus.publishAsync(Topic.RESOURCE, resource())).toBe(false);
    expect(bus.close()).toBe(bus.close()); // idempotent
    expectAllBalanced(bus.stats());
  });

  it('stats count publishes per topic', () => {
    const bus = new RunBus();
    bus.subscribe(Topic.HOST, () => undefined);
    bus.publish(Topic.HOST, { tsMs: kTs, runId: 'r' });
    bus.publish(Topic.HOST, { tsMs: kTs, runId: 'r' });
    bus.publish(Topic.RESOURCE, resource());
    const st = bus.stats();
    expect(st.published).toBe(3);
    expect(st.topics.host).toEqual({ published: 2, subscribers: 1 });
    expect(st.topics.resource).toEqual({ published: 1, subscribers: 0 });
  });

  it('a subscription can be disposed with `using`', () => {
    const bus = new RunBus();
    const spy = vi.fn();
    {
      using _sub = bus.subscribe(Topic.RESOURCE, spy);
      expect(bus.stats().subscribers).toHaveLength(1);
    }
    expect(bus.stats().subscribers).toHaveLength(0);
  });
});
