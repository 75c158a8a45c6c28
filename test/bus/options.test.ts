import { describe, expect, it } from 'vitest';
import { RunBus } from '../../src/bus/index.js';
import { Topic } from '../../src/wire/index.js';

describe('options', () => {
  it('rejects a misspelled bus option, naming it and the likely key', () => {
    expect(() => new RunBus({ capcity: 10 } as never)).toThrow(/RunBus: unknown option "capcity" \(did you mean "capacity"\?\)/);
  });

  it('rejects bad values with the option name', () => {
    expect(() => new RunBus({ capacity: 0 })).toThrow(RangeError);
    expect(() => new RunBus({ capacity: 0 })).toThrow(/options.capacity must be from 1/);
    expect(() => new RunBus({ capacity: 1.5 })).toThrow(/options.capacity must be an integer/);
    expect(() => new RunBus({ overflow: 'drop-all' as never })).toThrow(/options.overflow must be one of "drop-oldest", "drop-newest", "block"/);
    expect(() => new RunBus({ runCapacity: { r1: -1 } })).toThrow(/options.runCapacity\["r1"\]/);
    expect(() => new RunBus({ logger: {} as never })).toThrow(/options.logger/);
  });

  it('rejects bad subscribe options and unknown topics', () => {
    const bus = new RunBus();
    expect(() => bus.subscribe(Topic.RESOURCE, () => undefined, { overflw: 'block' } as never)).toThrow(/subscribe: unknown option "overflw" \(did you mean "overflow"\?\)/);
    expect(() => bus.subscribe(99 as never, () => undefined)).toThrow(/unknown topic 99/);
    expect(() => bus.subscribe([], () => undefined)).toThrow(/at least one topic/);
    expect(bus.stats().subscribers).toHaveLength(0); // nothing half-registered
  });

  it('run-scoped capacity applies to subscribers filtered to that run', () => {
    const bus = new RunBus({ capacity: 100, runCapacity: { big: 5000 } });
    bus.setRunCapacity('small', 3);
    expect(bus.subscribe(Topic.RESOURCE, { runId: 'big' }).capacity).toBe(5000);
    expect(bus.subscribe(Topic.RESOURCE, { runId: 'small' }).capacity).toBe(3);
    expect(bus.subscribe(Topic.RESOURCE, { runId: 'other' }).capacity).toBe(100);
    expect(bus.subscribe(Topic.RESOURCE, { runId: 'small', capacity: 7 }).capacity).toBe(7);
    expect(bus.subscribe(Topic.RESOURCE).capacity).toBe(100);
  });

  it('an iterated subscription cannot have a handler, and iterates once', () => {
    const bus = new RunBus();
    const withHandler = bus.subscribe(Topic.RESOURCE, () => undefined);
    expect(() => withHandler[Symbol.asyncIterator]()).toThrow(/cannot also be iterated/);
    const it = bus.subscribe(Topic.RESOURCE);
    it[Symbol.asyncIterator]();
    expect(() => it[Symbol.asyncIterator]()).toThrow(/only once/);
  });
});
