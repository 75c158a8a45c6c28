// Random and mutated byte strings over the socket: the hub never crashes,
// always closes the bad connection, and keeps answering a good client.
import fc from 'fast-check';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { RunBus } from '../../../src/bus/index.js';
import { connectBus, serveBus } from '../../../src/bus/remote/index.js';
import type { BusServer } from '../../../src/bus/remote/index.js';
import { encodeFrame, Topic } from '../../../src/wire/index.js';
import { RawClient, quietLogger, snapshot, tempDir, waitFor } from './helpers.js';

let t: ReturnType<typeof tempDir>;
let bus: RunBus;
let server: BusServer;

beforeEach(async () => {
  t = tempDir();
  bus = new RunBus({ logger: quietLogger() });
  server = await serveBus(bus, { socketPath: t.sock, maxFrameBytes: 64 * 1024, frameTimeoutMs: 2000, helloTimeoutMs: 2000, logger: quietLogger() });
});
afterEach(async () => {
  await server.close();
  await bus.close();
  t.cleanup();
});

const valid = Buffer.concat([
  encodeFrame({ kind: 'hello', hello: { protocolVersion: 1, component: 'fuzz', pid: 0, runId: 'r', token: '' } }),
  encodeFrame({ kind: 'subscribe', subscribe: { topics: [Topic.RESOURCE, Topic.METRIC], runId: '', component: '' } }),
  encodeFrame({ kind: 'publish', envelopes: [{ topic: Topic.RESOURCE, payload: snapshot(1) }, { topic: Topic.METRIC, payload: { tsMs: Date.now(), runId: 'r', name: 'm', value: 1 } }] }),
]);

const mutated = fc
  .tuple(
    fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
    fc.nat(valid.length),
    fc.uint8Array({ maxLength: 64 }),
  )
  .map(([flips, cut, tail]) => {
    const b = Buffer.from(valid);
    for (const [i, v] of flips) b[i] = v;
    return Buffer.concat([b.subarray(0, cut), tail]);
  });

const inputs = fc.oneof(fc.uint8Array({ maxLength: 2048 }), mutated);

test('random and mutated bytes never hurt the hub', async () => {
  let received = 0;
  bus.subscribe(Topic.RESOURCE, () => {
    received++;
  });
  await fc.assert(
    fc.asyncProperty(inputs, fc.integer({ min: 1, max: 64 }), async (bytes, chunk) => {
      const raw = await RawClient.open(t.sock);
      for (let i = 0; i < bytes.length; i += chunk) raw.write(bytes.subarray(i, i + chunk));
      raw.socket.end();
      await raw.closed;
      // Whatever the hub sent back decodes (RawClient would have thrown);
      // a mutated stream may still subscribe and get deliveries.
      for (const f of raw.frames) expect(['welcome', 'error', 'publish']).toContain(f.kind);
    }),
    { numRuns: 150 },
  );
  await waitFor(() => server.connections === 0, 'every fuzz connection to be gone');

  const good = connectBus({ socket: t.sock, component: 'good', logger: quietLogger() });
  let back = 0;
  good.subscribe(Topic.RESOURCE, () => {
    back++;
  });
  await waitFor(() => server.stats().clients.some((c) => c.component === 'good' && c.subscriptions.length === 1), 'good subscribed');
  const before = received;
  good.publish(Topic.RESOURCE, snapshot(2, { component: 'good' }));
  await waitFor(() => received === before + 1 && back === 1, 'the good round trip');
  await good.close();
});
