import { expect, test } from 'vitest';
import { RunBus } from '../../../src/bus/index.js';
import { connectBus, resolveBusServerOptions, resolveRemoteBusOptions, serveBus } from '../../../src/bus/remote/index.js';
import type { BusServerOptions, RemoteBusOptions } from '../../../src/bus/remote/index.js';

test('serveBus rejects (does not throw) on unknown or misspelled options, naming them', async () => {
  const bus = new RunBus();
  const p = serveBus(bus, { socketPath: '/tmp/x.sock', maxConnection: 3 } as BusServerOptions);
  await expect(p).rejects.toThrow(TypeError);
  await expect(p).rejects.toThrow(/unknown option "maxConnection" \(did you mean "maxConnections"\?\)/);
  await bus.close();
});

test('server option types and ranges are checked', () => {
  expect(() => resolveBusServerOptions({ maxConnections: 0 })).toThrow(RangeError);
  expect(() => resolveBusServerOptions({ subscriberOverflow: 'drop-all' as never })).toThrow(/options.subscriberOverflow must be one of/);
  expect(() => resolveBusServerOptions({ logger: {} as never })).toThrow(/options.logger/);
  const r = resolveBusServerOptions({ socketPath: '/tmp/a.sock' });
  expect(r).toMatchObject({ maxConnections: 128, maxFrameBytes: 1024 * 1024, subscriberOverflow: 'drop-oldest', token: '', isDefaultPath: false });
});

test('connectBus throws TypeError for bad options and needs a component', () => {
  expect(() => connectBus({ component: 'x', outbox: 5 } as unknown as RemoteBusOptions)).toThrow(/unknown option "outbox"/);
  expect(() => connectBus({} as RemoteBusOptions)).toThrow(/options.component must be a string/);
  expect(() => resolveRemoteBusOptions({ component: 'x', reconnectMinMs: 100, reconnectMaxMs: 10 })).toThrow(RangeError);
  expect(resolveRemoteBusOptions({ component: 'x' })).toMatchObject({ outboxCapacity: 10_000, outboxOverflow: 'drop-oldest', pid: process.pid, runId: '' });
});
