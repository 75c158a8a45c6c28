// A block-outbox publisher against a hub that stops reading for stretches
// (its kernel receive buffer fills, the client's socket.write() asks for
// 'drain'): publishAsync() must resume every time the hub reads again and
// deliver every envelope, in order. Also: a connection that publishes flat
// out while its own outgoing side waits for 'drain' (it subscribes and never
// reads) is still read to the end.
import net from 'node:net';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { RunBus } from '../../../src/bus/index.js';
import { connectBus, serveBus } from '../../../src/bus/remote/index.js';
import type { BusServer, RemoteBus } from '../../../src/bus/remote/index.js';
import { FrameReader, decodeFrame, encodeFrame, kProtocolVersion, Topic } from '../../../src/wire/index.js';
import { RawClient, quietLogger, snapshot, tempDir, waitFor } from './helpers.js';

let t: ReturnType<typeof tempDir>;
const cleanups: (() => unknown)[] = [];

beforeEach(() => {
  t = tempDir();
});
afterEach(async () => {
  for (const f of cleanups.reverse()) await f();
  cleanups.length = 0;
  t.cleanup();
});

/** A minimal hub on a raw server: Welcome on Hello, counts the rssBytes of RESOURCE envelopes, reads only while `reading`. */
function fakeHub(): { server: net.Server; got: number[]; pause(): void; resume(): void; sockets: net.Socket[] } {
  const got: number[] = [];
  const sockets: net.Socket[] = [];
  const server = net.createServer((s) => {
    sockets.push(s);
    const reader = new FrameReader();
    s.on('error', () => undefined);
    s.on('data', (chunk: Buffer) => {
      reader.push(chunk, (body) => {
        const f = decodeFrame(body);
        if (f.kind === 'hello') s.write(encodeFrame({ kind: 'welcome', welcome: { protocolVersion: kProtocolVersion, pid: process.pid, component: 'fake' } }));
        else if (f.kind === 'publish') for (const e of f.envelopes) if (e.topic === Topic.RESOURCE) got.push(Number(e.payload.rssBytes));
      });
    });
  });
  return {
    server,
    got,
    sockets,
    pause: () => {
      for (const s of sockets) s.pause();
    },
    resume: () => {
      for (const s of sockets) s.resume();
    },
  };
}

test('a block outbox keeps sending after the hub stops reading and reads again, losing nothing', { timeout: 60_000 }, async () => {
  const hub = fakeHub();
  await new Promise<void>((r) => hub.server.listen(t.sock, r));
  cleanups.push(() => new Promise<void>((r) => {
    for (const s of hub.sockets) s.destroy();
    hub.server.close(() => r());
  }));
  const client: RemoteBus = connectBus({ socket: t.sock, component: 'p', outboxOverflow: 'block', outboxCapacity: 1000, loopIntervalMs: 0, logger: quietLogger() });
  cleanups.push(() => client.close());
  const total = 200_000;
  let published = 0;
  const publishing = (async () => {
    while (published < total) {
      const ok = await client.publishAsync(Topic.RESOURCE, snapshot(0, { rssBytes: published, component: 'p' }));
      if (!ok) throw new Error(`publishAsync refused at ${published}`);
      published++;
    }
  })();
  // Stall the hub's reading in stretches long enough to fill the socket
  // buffers and the outbox, then let it read again.
  let sawDrainWait = false;
  for (let i = 0; i < 20 && published < total; ++i) {
    await new Promise((r) => setTimeout(r, 20 + Math.random() * 30));
    hub.pause();
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
    if (client.stats().awaitingDrain) sawDrainWait = true;
    hub.resume();
  }
  await publishing;
  await waitFor(() => hub.got.length === total, `all ${total} envelopes (got ${hub.got.length}, stats ${JSON.stringify(client.stats())})`, 30_000);
  expect(hub.got.every((v, i) => v === i)).toBe(true);
  // It was held back: the socket asked for 'drain' and the outbox filled.
  expect(sawDrainWait).toBe(true);
  expect(client.stats()).toMatchObject({ dropped: 0, highWater: 1000, awaitingDrain: false });
});

test('a connection that publishes flat out while its own outgoing side waits for drain is read to the end', { timeout: 60_000 }, async () => {
  const bus = new RunBus({ logger: quietLogger() });
  const server: BusServer = await serveBus(bus, { socketPath: t.sock, logger: quietLogger() });
  cleanups.push(() => bus.close(), () => server.close());
  let got = 0;
  bus.subscribe(Topic.RESOURCE, (p) => {
    if (p.component === 'pub') got++;
  }, { capacity: 1_000_000 });
  const raw = await RawClient.open(t.sock);
  cleanups.push(() => raw.destroy());
  raw.socket.pause();
  raw.hello({ component: 'pub' });
  // It asks for its own RESOURCE envelopes back and never reads them.
  raw.subscribe([Topic.RESOURCE]);
  const total = 100_000;
  for (let i = 0; i < total; i += 500) {
    const envelopes = [];
    for (let j = 0; j < 500; ++j) envelopes.push({ topic: Topic.RESOURCE, payload: snapshot(i + j, { component: 'pub' }) });
    if (!raw.socket.write(encodeFrame({ kind: 'publish', envelopes }))) await new Promise((r) => raw.socket.once('drain', r));
  }
  await waitFor(() => got === total, `all ${total} envelopes (got ${got})`, 30_000);
  // Its own deliveries wait for a 'drain' that will not come; reading went on.
  const me = server.stats().clients.find((c) => c.component === 'pub')!;
  expect(me).toMatchObject({ awaitingDrain: true, readPaused: false });
  expect(me.writeBuffered).toBeGreaterThan(0);
  expect(me.subscriptions[0]!.dropped).toBeGreaterThan(0);
});
