import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RunBus } from '../../src/bus/index.js';
import { Topic } from '../../src/wire/index.js';
import { resource } from '../../support/samples.js';
import { quietLogger } from '../support/bus.js';

describe('drop warnings', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('logs one line per interval with the totals, and nothing while nothing drops', async () => {
    const log = quietLogger();
    const bus = new RunBus({ logger: log, dropLogIntervalMs: 10_000 });
    bus.subscribe(Topic.RESOURCE, () => undefined, { capacity: 2, overflow: 'drop-newest', name: 'tiny' });
    bus.subscribe(Topic.RESOURCE, () => undefined, { capacity: 1, overflow: 'drop-oldest', name: 'tinier' });
    for (let i = 0; i < 10; ++i) bus.publish(Topic.RESOURCE, resource());
    expect(log.lines).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(log.lines).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(log.lines).toEqual(['runbus: 17 messages dropped: tinier 9 (drop-oldest, capacity 1), tiny 8 (drop-newest, capacity 2)']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(log.lines).toHaveLength(1);
    for (let i = 0; i < 5; ++i) bus.publish(Topic.RESOURCE, resource());
    await vi.advanceTimersByTimeAsync(10_000);
    expect(log.lines).toHaveLength(2);
    expect(log.lines[1]).toMatch(/^runbus: \d+ messages dropped/);
    await bus.close();
  });

  it('close() reports drops not yet logged', async () => {
    const log = quietLogger();
    const bus = new RunBus({ logger: log });
    bus.subscribe(Topic.RESOURCE, () => undefined, { capacity: 1, overflow: 'drop-newest', name: 'x' });
    bus.publish(Topic.RESOURCE, resource());
    bus.publish(Topic.RESOURCE, resource());
    await bus.close();
    expect(log.lines).toEqual(['runbus: 1 messages dropped: x 1 (drop-newest, capacity 1)']);
  });
});
