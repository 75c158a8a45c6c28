import { afterEach, beforeEach, expect, test } from 'vitest';
import { RunBus } from '../../../src/bus/index.js';
import { serveBus } from '../../../src/bus/remote/index.js';
import type { BusServer } from '../../../src/bus/remote/index.js';
import { RawClient, quietLogger, tempDir, waitFor } from './helpers.js';

let t: ReturnType<typeof tempDir>;
let bus: RunBus;
let server: BusServer;
let log: ReturnType<typeof quietLogger>;

beforeEach(async () => {
  t = tempDir();
  bus = new RunBus();
  log = quietLogger();
  server = await serveBus(bus, { socketPath: t.sock, maxConnections: 3, logger: log });
});
afterEach(async () => {
  await server.close();
  await bus.close();
  t.cleanup();
});

test('connections past maxConnections get ERR_TOO_MANY_CONNECTIONS; a freed slot is usable again', async () => {
  const held: RawClient[] = [];
  for (let i = 0; i < 3; ++i) {
    const c = await RawClient.open(t.sock);
    c.hello({ component: `c${i}` });
    held.push(c);
  }
  await waitFor(() => server.clients().length === 3, 'three clients');
  const extra = await Promise.all(Array.from({ length: 10 }, () => RawClient.open(t.sock)));
  await Promise.all(extra.map((c) => c.closed));
  for (const c of extra) expect(c.errorCode()).toBe('ERR_TOO_MANY_CONNECTIONS');
  expect(server.stats().rejected.ERR_TOO_MANY_CONNECTIONS).toBe(10);
  expect(log.warnings.filter((w) => w.includes('ERR_TOO_MANY_CONNECTIONS'))).toHaveLength(1);
  // The held clients were not disturbed.
  expect(held.every((c) => !c.isClosed)).toBe(true);
  held[0]!.destroy();
  await waitFor(() => server.connections === 2, 'a slot to free up');
  const again = await RawClient.open(t.sock);
  again.hello();
  await waitFor(() => again.frames.length > 0, 'welcome');
  expect(again.frames[0]!.kind).toBe('welcome');
  for (const c of [...held, again]) c.destroy();
});
