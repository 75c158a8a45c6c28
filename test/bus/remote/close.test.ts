import { existsSync } from 'node:fs';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { RunBus } from '../../../src/bus/index.js';
import { connectBus, serveBus } from '../../../src/bus/remote/index.js';
import type { BusServer } from '../../../src/bus/remote/index.js';
import { Topic } from '../../../src/wire/index.js';
import { RawClient, quietLogger, snapshot, tempDir, waitFor } from './helpers.js';

let t: ReturnType<typeof tempDir>;
let bus: RunBus;
let server: BusServer;

beforeEach(async () => {
  t = tempDir();
  bus = new RunBus({ logger: quietLogger() });
  server = await serveBus(bus, { socketPath: t.sock, logger: quietLogger() });
});
afterEach(async () => {
  await server.close();
  await bus.close();
  t.cleanup();
});

test('client close() flushes the outbox before closing; nothing is lost', async () => {
  let got = 0;
  bus.subscribe(Topic.RESOURCE, () => {
    got++;
  });
  const c = connectBus({ socket: t.sock, component: 'w', logger: quietLogger() });
  // Published before the connection is even made.
  for (let i = 0; i < 5000; ++i) c.publish(Topic.RESOURCE, snapshot(i));
  await Promise.all([c.close(), c.close()]);
  await c.close();
  const s = c.stats();
  expect(s).toMatchObject({ state: 'closed', published: 5000, sent: 5000, dropped: 0, queued: 0 });
  await waitFor(() => got === 5000, 'all 5000 at the hub');
  expect(c.publish(Topic.RESOURCE, snapshot(1))).toBe(false);
  expect(c.stats().refusedClosed).toBe(1);
});

test('server close() delivers what client queues hold, says client-closed, removes the socket file', async () => {
  const c = connectBus({ socket: t.sock, component: 'w', reconnectMinMs: 1000, logger: quietLogger() });
  let got = 0;
  c.subscribe(Topic.RESOURCE, () => {
    got++;
  });
  await waitFor(() => server.stats().clients[0]?.subscriptions.length === 1, 'subscribed');
  const closed: string[] = [];
  server.on('client-closed', (info, reason) => closed.push(`${info.component}:${reason}`));
  for (let i = 0; i < 3000; ++i) bus.publish(Topic.RESOURCE, snapshot(i));
  await server.close();
  await waitFor(() => got === 3000, 'every queued snapshot delivered');
  expect(closed).toEqual(['w:HUB_CLOSE']);
  expect(existsSync(t.sock)).toBe(false);
  await c.close();
});

test('client close() while the hub is unreachable returns promptly and counts the outbox as dropped', async () => {
  await server.close();
  const c = connectBus({ socket: t.sock, component: 'w', reconnectMinMs: 5, logger: quietLogger() });
  for (let i = 0; i < 10; ++i) c.publish(Topic.RESOURCE, snapshot(i));
  await waitFor(() => c.stats().failedAttempts > 0, 'a failed attempt');
  await c.close();
  expect(c.stats()).toMatchObject({ state: 'closed', published: 10, sent: 0, dropped: 10, queued: 0 });
});

test('close() releases a publishAsync() waiting on a full block outbox (resolves false)', async () => {
  await server.close();
  const c = connectBus({ socket: t.sock, component: 'w', outboxCapacity: 2, outboxOverflow: 'block', logger: quietLogger() });
  c.publish(Topic.RESOURCE, snapshot(1));
  c.publish(Topic.RESOURCE, snapshot(2));
  const pending = c.publishAsync(Topic.RESOURCE, snapshot(3));
  await c.close();
  expect(await pending).toBe(false);
  expect(c.stats()).toMatchObject({ published: 2, dropped: 2, refusedClosed: 1 });
});

test('server close() with a client that never reads still finishes (flush budget, then cut off)', async () => {
  const quick = await serveBus(bus, { socketPath: `${t.dir}/q.sock`, closeTimeoutMs: 100, subscriberCapacity: 500, logger: quietLogger() });
  const raw = await RawClient.open(`${t.dir}/q.sock`);
  raw.hello();
  raw.subscribe([Topic.RESOURCE]);
  raw.socket.pause();
  await waitFor(() => quick.stats().clients[0]?.subscriptions.length === 1, 'subscribed');
  for (let i = 0; i < 50_000; ++i) bus.publish(Topic.RESOURCE, snapshot(i));
  await waitFor(() => (quick.stats().clients[0]?.subscriptions[0]?.dropped ?? 0) > 0, 'the queue to overflow');
  const q = quick.stats().clients[0]!.subscriptions[0]!;
  expect(q.published).toBe(q.delivered + q.dropped + q.queued);
  await quick.close();
  expect(quick.connections).toBe(0);
  expect(existsSync(`${t.dir}/q.sock`)).toBe(false);
  raw.destroy();
});
