// Issue 15, item 10: the connection cap counted connections that had not
// said Hello, so a flood of idle connects locked real clients out for the
// whole hello timeout. Pre-Hello connections now have a pool (and a cap,
// maxPendingConnections) of their own.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { RunBus } from '../../src/bus/index.js';
import { connectBus, kDefaultMaxPendingConnections, serveBus } from '../../src/bus/remote/index.js';
import type { BusServer } from '../../src/bus/remote/index.js';
import { RawClient, quietLogger, tempDir, waitFor } from '../bus/remote/helpers.js';

let t: ReturnType<typeof tempDir>;
let bus: RunBus;
let server: BusServer;
const raws: RawClient[] = [];

beforeEach(async () => {
  t = tempDir();
  bus = new RunBus({ logger: quietLogger() });
  // The hello timeout is far longer than the test: only the pool can help.
  server = await serveBus(bus, { socketPath: t.sock, maxConnections: 3, helloTimeoutMs: 600_000, logger: quietLogger() });
});
afterEach(async () => {
  for (const r of raws) r.destroy();
  raws.length = 0;
  await server.close();
  await bus.close();
  t.cleanup();
});

test('a flood of idle connects fills only the pre-Hello pool, oldest evicted first; a real client still gets in', async () => {
  const flood = kDefaultMaxPendingConnections + 30;
  for (let i = 0; i < flood; ++i) raws.push(await RawClient.open(t.sock));
  await waitFor(() => server.stats().rejected.ERR_TOO_MANY_PENDING === 30, 'the pool to evict the excess');
  await waitFor(() => raws.slice(0, 30).every((r) => r.isClosed), 'the oldest 30 to be closed');
  expect(raws.slice(0, 30).map((r) => r.errorCode())).toEqual(Array.from({ length: 30 }, () => 'ERR_TOO_MANY_PENDING'));
  expect(raws.slice(30).some((r) => r.isClosed)).toBe(false);
  expect(server.stats().pending).toBe(kDefaultMaxPendingConnections);

  const c = connectBus({ socket: t.sock, component: 'real', logger: quietLogger() });
  try {
    await new Promise((resolve, reject) => {
      c.once('connect', resolve);
      c.once('error', reject);
    });
    expect(server.clients().map((x) => x.component)).toEqual(['real']);
  } finally {
    await c.close();
  }
});

test('maxConnections counts clients that said Hello: one Hello too many gets ERR_TOO_MANY_CONNECTIONS', async () => {
  const pending = await Promise.all(Array.from({ length: 4 }, () => RawClient.open(t.sock)));
  raws.push(...pending);
  for (const [i, r] of pending.entries()) r.hello({ component: `c${i}` });
  await waitFor(() => pending.filter((r) => r.isClosed).length === 1, 'one of four to be refused');
  const refused = pending.find((r) => r.isClosed)!;
  expect(refused.errorCode()).toBe('ERR_TOO_MANY_CONNECTIONS');
  expect(server.clients()).toHaveLength(3);
});

test('maxPendingConnections is checked like every option', async () => {
  await expect(serveBus(bus, { socketPath: t.sock, maxPendingConnections: 0 })).rejects.toThrow(RangeError);
});
