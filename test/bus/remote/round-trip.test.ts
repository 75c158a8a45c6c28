import { afterEach, beforeEach, expect, test } from 'vitest';
import { RunBus } from '../../../src/bus/index.js';
import { connectBus, serveBus } from '../../../src/bus/remote/index.js';
import type { BusServer, RemoteBus } from '../../../src/bus/remote/index.js';
import { Topic } from '../../../src/wire/index.js';
import type { ResourceSnapshot } from '../../../src/wire/index.js';
import { quietLogger, snapshot, tempDir, waitFor } from './helpers.js';

let t: ReturnType<typeof tempDir>;
let bus: RunBus;
let server: BusServer;
const clients: RemoteBus[] = [];

beforeEach(async () => {
  t = tempDir();
  bus = new RunBus();
  server = await serveBus(bus, { socketPath: t.sock, logger: quietLogger() });
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await server.close();
  await bus.close();
  t.cleanup();
});

function client(component: string, runId = 'run-1'): RemoteBus {
  const c = connectBus({ socket: t.sock, component, runId, logger: quietLogger() });
  clients.push(c);
  return c;
}

test('a client publish reaches the hub bus, and the hub sees its Hello', async () => {
  const got: ResourceSnapshot[] = [];
  bus.subscribe(Topic.RESOURCE, (s) => {
    got.push(s);
  });
  const hello = new Promise<{ component: string; pid: number; runId: string }>((resolve) => server.once('client', resolve));
  const c = client('trainer', 'run-7');
  const info = await hello;
  expect(info).toMatchObject({ component: 'trainer', pid: process.pid, runId: 'run-7' });
  for (let i = 0; i < 100; ++i) c.publish(Topic.RESOURCE, snapshot(i, { component: 'trainer' }));
  await waitFor(() => got.length === 100, '100 snapshots at the hub');
  expect(got.map((s) => s.rssBytes)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  const s = c.stats();
  expect(s.published).toBe(100);
  expect(s.sent + s.dropped + s.queued).toBe(s.published);
});

test('a remote subscriber gets hub messages, filtered by topic, run and component', async () => {
  const c = client('watcher');
  const all: ResourceSnapshot[] = [];
  const run2: ResourceSnapshot[] = [];
  const gpuComp: ResourceSnapshot[] = [];
  const hosts: number[] = [];
  c.subscribe(Topic.RESOURCE, (s) => {
    all.push(s);
  });
  c.subscribe(Topic.RESOURCE, (s) => {
    run2.push(s);
  }, { runId: 'run-2' });
  c.subscribe(Topic.RESOURCE, (s) => {
    gpuComp.push(s);
  }, { component: 'gpu-worker' });
  c.subscribe(Topic.HOST, (h) => {
    hosts.push(h.tsMs);
  });
  await new Promise((r) => c.once('connect', r));
  await waitFor(() => (server.stats().clients[0]?.subscriptions.length ?? 0) === 2, 'the hub to hold both topic subscriptions');
  bus.publish(Topic.RESOURCE, snapshot(1, { runId: 'run-1', component: 'a' }));
  bus.publish(Topic.RESOURCE, snapshot(2, { runId: 'run-2', component: 'a' }));
  bus.publish(Topic.RESOURCE, snapshot(3, { runId: 'run-2', component: 'gpu-worker' }));
  bus.publish(Topic.HOST, { tsMs: Date.now(), runId: 'run-1', host: 'box' });
  bus.publish(Topic.METRIC, { tsMs: Date.now(), runId: 'run-1', name: 'x', value: 1 });
  await waitFor(() => all.length === 3 && hosts.length === 1, 'deliveries');
  // Overlapping filters: every message once per matching local subscriber.
  expect(all.map((s) => s.rssBytes)).toEqual([1, 2, 3]);
  expect(run2.map((s) => s.rssBytes)).toEqual([2, 3]);
  expect(gpuComp.map((s) => s.rssBytes)).toEqual([3]);
  expect(c.stats().received).toBe(4);
});

test('a narrow remote filter is applied at the hub', async () => {
  const c = client('watcher');
  const got: ResourceSnapshot[] = [];
  c.subscribe(Topic.RESOURCE, (s) => {
    got.push(s);
  }, { runId: 'run-9', component: 'x' });
  await waitFor(() => (server.stats().clients[0]?.subscriptions.length ?? 0) === 1, 'subscription at the hub');
  bus.publish(Topic.RESOURCE, snapshot(1, { runId: 'run-9', component: 'y' }));
  bus.publish(Topic.RESOURCE, snapshot(2, { runId: 'run-8', component: 'x' }));
  bus.publish(Topic.RESOURCE, snapshot(3, { runId: 'run-9', component: 'x' }));
  await waitFor(() => got.length === 1, 'the one match');
  const sub = server.stats().clients[0]!.subscriptions[0]!;
  expect(sub.published).toBe(1);
  expect(c.stats().received).toBe(1);
});

test('two clients see each other\'s RESOURCE snapshots through the hub', async () => {
  const a = client('a');
  const b = client('b');
  const seenByA: string[] = [];
  const seenByB: string[] = [];
  a.subscribe(Topic.RESOURCE, (s) => {
    seenByA.push(s.component);
  });
  b.subscribe(Topic.RESOURCE, (s) => {
    seenByB.push(s.component);
  });
  await waitFor(() => server.stats().clients.filter((x) => x.subscriptions.length === 1).length === 2, 'both subscribed');
  a.publish(Topic.RESOURCE, snapshot(1, { component: 'a' }));
  b.publish(Topic.RESOURCE, snapshot(2, { component: 'b' }));
  await waitFor(() => seenByA.length === 2 && seenByB.length === 2, 'both to see both');
  expect(seenByA.sort()).toEqual(['a', 'b']);
  expect(seenByB.sort()).toEqual(['a', 'b']);
});

test('for-await subscription over the socket', async () => {
  const c = client('iter');
  const sub = c.subscribe(Topic.METRIC);
  await waitFor(() => (server.stats().clients[0]?.subscriptions.length ?? 0) === 1, 'subscription at the hub');
  for (let i = 0; i < 3; ++i) bus.publish(Topic.METRIC, { tsMs: Date.now(), runId: 'r', name: 'm', value: i });
  const values: number[] = [];
  for await (const m of sub) {
    values.push(m.value);
    if (values.length === 3) break;
  }
  expect(values).toEqual([0, 1, 2]);
});
