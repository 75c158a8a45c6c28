// A subscriber's failure is reported from inside its delivery loop. When the
// report itself throws (an 'error' listener or the logger throws), the loop
// must still go on: it used to stop for good — a handler whose promise
// rejected left its subscription busy forever, and a handler that threw left
// the rest of the queue undelivered and 'block' publishers waiting for room
// that was there. The listener's throw is logged once.
import { describe, expect, it } from 'vitest';
import { RunBus } from '../../src/bus/index.js';
import { Topic } from '../../src/wire/index.js';
import { resource } from '../../support/samples.js';
import { expectAllBalanced, flushMicrotasks, quietLogger } from '../support/bus.js';

describe('a throwing error listener or logger', () => {
  it('does not leave a subscription whose handler rejected busy for good', async () => {
    const log = quietLogger();
    const bus = new RunBus({ logger: log });
    bus.on('error', () => {
      throw new Error('listener throws');
    });
    const seen: number[] = [];
    bus.subscribe(Topic.RESOURCE, (s) => {
      seen.push(s.pid);
      return s.pid === 1 ? Promise.reject(new Error('handler rejects')) : undefined;
    });
    for (let pid = 1; pid <= 3; ++pid) bus.publish(Topic.RESOURCE, resource({ pid }));
    await flushMicrotasks(20);
    expect(seen).toEqual([1, 2, 3]);
    bus.publish(Topic.RESOURCE, resource({ pid: 4 }));
    await flushMicrotasks(20);
    expect(seen).toEqual([1, 2, 3, 4]);
    expectAllBalanced(bus.stats());
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]).toMatch(/an 'error' listener or the logger threw .*listener throws/);
  });

  it("does not stop a 'block' queue's delivery loop, so a publisher waiting for room is woken", async () => {
    // No 'error' listener: the first failure goes to the logger, which throws.
    const bus = new RunBus({ logger: { warn: () => { throw new Error('logger throws'); } } });
    const seen: number[] = [];
    bus.subscribe(Topic.RESOURCE, (s) => {
      seen.push(s.pid);
      if (s.pid === 1) throw new Error('handler throws');
    }, { capacity: 2, overflow: 'block' });
    expect(bus.publish(Topic.RESOURCE, resource({ pid: 1 }))).toBe(true);
    expect(bus.publish(Topic.RESOURCE, resource({ pid: 2 }))).toBe(true);
    // The queue is full: this waits for the delivery loop to make room.
    let published: boolean | undefined;
    void bus.publishAsync(Topic.RESOURCE, resource({ pid: 3 })).then((ok) => {
      published = ok;
    });
    await flushMicrotasks(20);
    expect(published).toBe(true);
    expect(seen).toEqual([1, 2, 3]);
    expectAllBalanced(bus.stats());
  });
});
