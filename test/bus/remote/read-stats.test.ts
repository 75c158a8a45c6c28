// stats().clients[] says whether the hub still reads a client's socket, at
// both levels: readPaused (the stream is paused) and readStopped (Node no
// longer reads the socket, whatever stopped it; Node also stops on its own
// when the bytes it read, readBuffered, pile up unconsumed). Driven on a
// Connection over a real Unix socket whose hub side the test pauses.
import net from 'node:net';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { RunBus } from '../../../src/bus/index.js';
import { Connection } from '../../../src/bus/remote/connection.js';
import type { ConnectionHost } from '../../../src/bus/remote/connection.js';
import { resolveBusServerOptions } from '../../../src/bus/remote/server-options.js';
import { encodeFrame, Topic } from '../../../src/wire/index.js';
import { RawClient, quietLogger, snapshot, tempDir, waitFor } from './helpers.js';

let t: ReturnType<typeof tempDir>;
let server: net.Server;
let conn: Connection | null;
let client: RawClient;
let stop = false;
let writing: Promise<void>;

beforeEach(async () => {
  t = tempDir();
  conn = null;
  stop = false;
  const opts = resolveBusServerOptions({ socketPath: t.sock, logger: quietLogger() });
  const host: ConnectionHost = {
    opts,
    bus: new RunBus({ logger: quietLogger() }),
    tokenDigest: null,
    totals: { framesIn: 0, framesOut: 0, bytesIn: 0, bytesOut: 0, envelopesIn: 0, envelopesOut: 0, unsendable: 0, abandoned: 0 },
    admit: () => null,
    unverified: () => undefined,
    accept: () => undefined,
    abandon: () => undefined,
    reject: () => undefined,
    closed: () => undefined,
    onLoop: () => undefined,
  };
  server = net.createServer((s) => {
    conn = new Connection(host, 1, s, { kind: 'none', reason: 'test' });
  });
  await new Promise<void>((r) => server.listen(t.sock, r));
  client = await RawClient.open(t.sock);
  client.hello({ component: 'pub' });
  // Publishes flat out, waiting only for its own 'drain'.
  writing = (async () => {
    let i = 0;
    while (!stop && !client.socket.destroyed) {
      const envelopes = [];
      for (let j = 0; j < 256; ++j) envelopes.push({ topic: Topic.RESOURCE, payload: snapshot(i++) });
      if (!client.socket.write(encodeFrame({ kind: 'publish', envelopes }))) {
        await Promise.race([new Promise((r) => client.socket.once('drain', r)), client.closed]);
      }
    }
  })();
  await waitFor(() => (conn?.envelopesIn ?? 0) > 0, 'the publisher to be read');
});

afterEach(async () => {
  stop = true;
  client.destroy();
  conn?.socket.destroy();
  await writing;
  await new Promise<void>((r) => server.close(() => r()));
  t.cleanup();
});

test('a connection being read says so', () => {
  expect(conn!.stats()).toMatchObject({ readPaused: false, readStopped: false });
  expect(conn!.stats().readBuffered).toBeLessThan(65_536);
});

test('a paused read is reported as stopped, and as read again once resumed', async () => {
  const c = conn!;
  c.socket.pause();
  await waitFor(() => c.stats().readStopped && c.stats().readBuffered > 0, `the read to stop (${JSON.stringify(c.stats())})`);
  expect(c.stats()).toMatchObject({ readPaused: true });
  c.socket.resume();
  const from = c.envelopesIn;
  await waitFor(() => c.envelopesIn > from + 10_000, 'reading to go on');
  expect(c.stats()).toMatchObject({ readPaused: false, readStopped: false });
});
