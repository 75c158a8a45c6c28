// While the hub is away a client keeps a bounded outbox (drops counted);
// when a hub appears on the same path it reconnects, says Hello again,
// re-subscribes and sends what the outbox holds.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { RunBus } from '../../../src/bus/index.js';
import { connectBus, serveBus } from '../../../src/bus/remote/index.js';
import type { BusServer, ClientInfo, RemoteBus } from '../../../src/bus/remote/index.js';
import type { RunbusError } from '../../../src/errors.js';
import { Topic } from '../../../src/wire/index.js';
import type { ResourceSnapshot } from '../../../src/wire/index.js';
import { quietLogger, snapshot, tempDir, waitFor } from './helpers.js';

let t: ReturnType<typeof tempDir>;
let buses: RunBus[];
let servers: BusServer[];
let client: RemoteBus;

beforeEach(() => {
  t = tempDir();
  buses = [];
  servers = [];
});
afterEach(async () => {
  await client.close();
  for (const s of servers) await s.close();
  for (const b of buses) await b.close();
  t.cleanup();
});

async function startHub(): Promise<{ bus: RunBus; server: BusServer }> {
  const bus = new RunBus({ logger: quietLogger() });
  const server = await serveBus(bus, { socketPath: t.sock, logger: quietLogger() });
  buses.push(bus);
  servers.push(server);
  return { bus, server };
}

test('outbox is bounded while no hub listens, then drains into a new hub', async () => {
  const errors: RunbusError[] = [];
  client = connectBus({ socket: t.sock, component: 'w', outboxCapacity: 100, reconnectMinMs: 5, reconnectMaxMs: 40, logger: quietLogger() });
  client.on('error', (e) => errors.push(e));
  await waitFor(() => client.stats().failedAttempts >= 3, 'a few failed attempts');
  for (let i = 0; i < 250; ++i) expect(client.publish(Topic.RESOURCE, snapshot(i))).toBe(true);
  let s = client.stats();
  expect(s).toMatchObject({ connected: false, published: 250, sent: 0, dropped: 150, queued: 100 });
  // One report per outage, however many attempts fail.
  expect(errors.map((e) => e.code)).toEqual(['ERR_HUB_UNREACHABLE']);

  const { bus, server } = await startHub();
  const got: ResourceSnapshot[] = [];
  bus.subscribe(Topic.RESOURCE, (x) => {
    got.push(x);
  });
  await waitFor(() => got.length === 100, 'the outbox to arrive');
  // drop-oldest: the newest 100 survive.
  expect(got[0]!.rssBytes).toBe(150);
  expect(got[99]!.rssBytes).toBe(249);
  s = client.stats();
  expect(s.published).toBe(s.sent + s.dropped + s.queued);
  expect(server.stats().handshakes).toBe(1);
});

test('after the hub restarts the client reconnects, re-sends Hello and re-subscribes', async () => {
  const first = await startHub();
  client = connectBus({ socket: t.sock, component: 'w', runId: 'run-5', reconnectMinMs: 5, reconnectMaxMs: 40, logger: quietLogger() });
  const seen: number[] = [];
  client.subscribe(Topic.RESOURCE, (x) => {
    seen.push(x.rssBytes as number);
  }, { runId: 'run-5' });
  await waitFor(() => first.server.stats().clients[0]?.subscriptions.length === 1, 'subscribed at the first hub');
  first.bus.publish(Topic.RESOURCE, snapshot(1, { runId: 'run-5' }));
  await waitFor(() => seen.length === 1, 'first delivery');

  const disconnected = new Promise((r) => client.once('disconnect', r));
  await first.server.close();
  await disconnected;
  expect(client.publish(Topic.RESOURCE, snapshot(2, { runId: 'run-5' }))).toBe(true);

  const second = await startHub();
  const hello = new Promise<ClientInfo>((r) => second.server.once('client', r));
  const reconnected = new Promise((r) => client.once('connect', r));
  expect(await hello).toMatchObject({ component: 'w', runId: 'run-5', pid: process.pid });
  await reconnected;
  // The queued snapshot (2) comes back through the new hub, then a new one (3).
  await waitFor(() => second.server.stats().clients[0]?.subscriptions.length === 1, 're-subscribed at the second hub');
  expect(second.server.stats().clients[0]!.subscriptions[0]!.topics).toEqual([Topic.RESOURCE]);
  second.bus.publish(Topic.RESOURCE, snapshot(3, { runId: 'run-5' }));
  second.bus.publish(Topic.RESOURCE, snapshot(4, { runId: 'other' }));
  await waitFor(() => seen.includes(3), 'delivery from the second hub');
  expect(seen).not.toContain(4);
  expect(client.stats().reconnects).toBe(1);
});

test('a block outbox refuses when full and publishAsync waits for room', async () => {
  client = connectBus({ socket: t.sock, component: 'w', outboxCapacity: 10, outboxOverflow: 'block', reconnectMinMs: 5, reconnectMaxMs: 20, logger: quietLogger() });
  for (let i = 0; i < 10; ++i) expect(client.publish(Topic.RESOURCE, snapshot(i))).toBe(true);
  expect(client.publish(Topic.RESOURCE, snapshot(10))).toBe(false);
  expect(client.writable).toBe(false);
  const pending = client.publishAsync(Topic.RESOURCE, snapshot(11));
  const { bus } = await startHub();
  const got: number[] = [];
  bus.subscribe(Topic.RESOURCE, (x) => {
    got.push(x.rssBytes as number);
  });
  expect(await pending).toBe(true);
  await waitFor(() => got.length === 11, 'everything but the refused one');
  expect(got).not.toContain(10);
  const s = client.stats();
  expect(s.dropped).toBe(1);
  expect(s.published).toBe(s.sent + s.dropped + s.queued);
});

test('outbox drops are logged as one summed line per interval', async () => {
  const log = { lines: [] as string[], warn(m: string) { this.lines.push(m); } };
  client = connectBus({ socket: t.sock, component: 'w', outboxCapacity: 5, reconnectMinMs: 5, logIntervalMs: 60_000, logger: log });
  for (let i = 0; i < 105; ++i) client.publish(Topic.RESOURCE, snapshot(i));
  expect(log.lines.filter((l) => l.includes('outbox dropped'))).toEqual([]);
  await client.close();
  // close() reports what is pending: 100 evicted + 5 never sent.
  expect(log.lines.filter((l) => l.includes('outbox dropped'))).toEqual([expect.stringContaining('outbox dropped 105 envelopes (drop-oldest, capacity 5)')]);
});
