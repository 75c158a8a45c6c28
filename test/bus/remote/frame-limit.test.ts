// Batches are split to stay under maxFrameBytes both ways; one envelope too
// big for any frame is dropped and counted, and the connection stays up.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { RunBus } from '../../../src/bus/index.js';
import { connectBus, serveBus } from '../../../src/bus/remote/index.js';
import type { BusServer, RemoteBus } from '../../../src/bus/remote/index.js';
import type { RunbusError } from '../../../src/errors.js';
import { Topic } from '../../../src/wire/index.js';
import { quietLogger, snapshot, tempDir, waitFor } from './helpers.js';

let t: ReturnType<typeof tempDir>;
let bus: RunBus;
let server: BusServer;
let client: RemoteBus;

beforeEach(async () => {
  t = tempDir();
  bus = new RunBus({ logger: quietLogger() });
  server = await serveBus(bus, { socketPath: t.sock, maxFrameBytes: 2048, logger: quietLogger() });
});
afterEach(async () => {
  await client.close();
  await server.close();
  await bus.close();
  t.cleanup();
});

test('hub → client: big batches split under the limit; an oversized envelope is counted, not sent', async () => {
  client = connectBus({ socket: t.sock, component: 'w', maxFrameBytes: 2048, logger: quietLogger() });
  const got: number[] = [];
  client.subscribe(Topic.RESOURCE, (s) => {
    got.push(s.rssBytes as number);
  });
  await waitFor(() => server.stats().clients[0]?.subscriptions.length === 1, 'subscribed');
  for (let i = 0; i < 1000; ++i) bus.publish(Topic.RESOURCE, snapshot(i));
  bus.publish(Topic.RESOURCE, snapshot(1000, { command: 'x'.repeat(4000) }));
  bus.publish(Topic.RESOURCE, snapshot(1001));
  await waitFor(() => got.length === 1001, 'every normal snapshot');
  expect(got.slice(-2)).toEqual([999, 1001]);
  const s = server.stats();
  expect(s.unsendable).toBe(1);
  expect(s.framesOut).toBeGreaterThan(20); // 1001 × ~40 bytes in frames of ≤ 2 KiB
  expect(client.connected).toBe(true);
  expect(s.rejected).toEqual({});
});

test('client → hub: an oversized envelope is dropped with ERR_OVERSIZED_ENVELOPE, the rest arrive', async () => {
  client = connectBus({ socket: t.sock, component: 'w', maxFrameBytes: 2048, logger: quietLogger() });
  const errors: RunbusError[] = [];
  client.on('error', (e) => errors.push(e));
  let got = 0;
  bus.subscribe(Topic.RESOURCE, () => {
    got++;
  });
  await new Promise((r) => client.once('connect', r));
  for (let i = 0; i < 500; ++i) client.publish(Topic.RESOURCE, snapshot(i));
  client.publish(Topic.RESOURCE, snapshot(500, { command: 'x'.repeat(4000) }));
  await waitFor(() => got === 500, 'the 500 normal ones');
  expect(errors.map((e) => e.code)).toEqual(['ERR_OVERSIZED_ENVELOPE']);
  const s = client.stats();
  expect(s).toMatchObject({ published: 501, sent: 500, dropped: 1, queued: 0 });
  expect(server.stats().rejected).toEqual({});
});
