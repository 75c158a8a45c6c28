// A remote subscriber that stops reading fills its own bounded queue at the
// hub and loses messages there (counted); the hub and a fast subscriber do
// not notice.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { RunBus } from '../../../src/bus/index.js';
import { connectBus, serveBus } from '../../../src/bus/remote/index.js';
import type { BusServer, RemoteBus } from '../../../src/bus/remote/index.js';
import { Topic } from '../../../src/wire/index.js';
import { RawClient, quietLogger, snapshot, tempDir, waitFor } from './helpers.js';

let t: ReturnType<typeof tempDir>;
let bus: RunBus;
let server: BusServer;
let fast: RemoteBus;

beforeEach(async () => {
  t = tempDir();
  bus = new RunBus({ logger: quietLogger() });
  server = await serveBus(bus, { socketPath: t.sock, subscriberCapacity: 1000, logger: quietLogger() });
});
afterEach(async () => {
  await fast.close();
  await server.close();
  await bus.close();
  t.cleanup();
});

test('a client that does not read does not stall a fast one; its drops are counted', async () => {
  const slow = await RawClient.open(t.sock);
  slow.hello({ component: 'slow' });
  slow.subscribe([Topic.RESOURCE]);
  slow.socket.pause(); // never reads again

  fast = connectBus({ socket: t.sock, component: 'fast', logger: quietLogger() });
  let received = 0;
  fast.subscribe(Topic.RESOURCE, () => {
    received++;
  });
  await waitFor(() => server.stats().clients.filter((c) => c.subscriptions.length === 1).length === 2, 'both subscribed');

  const total = 60_000;
  const chunk = 1000;
  for (let sent = 0; sent < total; sent += chunk) {
    for (let i = 0; i < chunk; ++i) {
      // The hub's publish() never blocks or fails because of a slow client.
      expect(bus.publish(Topic.RESOURCE, snapshot(sent + i))).toBe(true);
    }
    await waitFor(() => received === sent + chunk, `the fast client to get ${sent + chunk}`);
  }
  expect(received).toBe(total);

  const stats = server.stats();
  const slowQ = stats.clients.find((c) => c.component === 'slow')!.subscriptions[0]!;
  const fastQ = stats.clients.find((c) => c.component === 'fast')!.subscriptions[0]!;
  expect(slowQ.published).toBe(total);
  expect(slowQ.dropped).toBeGreaterThan(0);
  expect(slowQ.queued).toBeLessThanOrEqual(slowQ.capacity);
  expect(slowQ.published).toBe(slowQ.delivered + slowQ.dropped + slowQ.queued);
  expect(fastQ.dropped).toBe(0);
  expect(fastQ.published).toBe(fastQ.delivered + fastQ.dropped + fastQ.queued);
  expect(bus.stats().dropped).toBe(slowQ.dropped);
  slow.destroy();
});
