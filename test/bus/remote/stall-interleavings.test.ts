// The ingestion-stall scenario (a subscriber that never reads, one that
// reads, a publisher sending flat out), driven step by step through the
// interleavings where a lost wake-up could stop the hub reading a publisher
// or delivering to a subscriber (docs/transport.md lists the conditions and
// why each is safe). Each step waits for progress, bounded by waitFor; no
// step asserts a time.
import { afterEach, expect, test } from 'vitest';
import { connectBus } from '../../../src/bus/remote/index.js';
import type { ClientStats, RemoteBus } from '../../../src/bus/remote/index.js';
import { encodeFrame, kProtocolVersion, Topic } from '../../../src/wire/index.js';
import { RawClient, hubPerTest, quietLogger, snapshot, waitFor } from './helpers.js';

const h = hubPerTest({ closeTimeoutMs: 200, subscriberCapacity: 2000 });
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanups.reverse()) await f();
  cleanups.length = 0;
});

/** A raw publisher writing Publish frames of 256 RESOURCE envelopes flat out, waiting only for its own 'drain'. */
async function flood(component: string): Promise<void> {
  const raw = await RawClient.open(h.t.sock);
  raw.hello({ component });
  let stop = false;
  const done = (async () => {
    let i = 0;
    while (!stop && !raw.socket.destroyed) {
      const envelopes = [];
      for (let j = 0; j < 256; ++j) envelopes.push({ topic: Topic.RESOURCE, payload: snapshot(i++, { component }) });
      if (!raw.socket.write(encodeFrame({ kind: 'publish', envelopes }))) {
        await Promise.race([new Promise((r) => raw.socket.once('drain', r)), raw.closed]);
      }
    }
  })();
  cleanups.push(async () => {
    stop = true;
    raw.destroy();
    await done;
  });
}

/** A raw subscriber that never reads (until told to). */
async function stalled(topics: Topic[] = [Topic.RESOURCE]): Promise<RawClient> {
  const raw = await RawClient.open(h.t.sock);
  raw.socket.pause();
  raw.hello({ component: 'stalled' });
  raw.subscribe(topics);
  cleanups.push(() => raw.destroy());
  return raw;
}

function reader(): { count: () => number } {
  let n = 0;
  const r: RemoteBus = connectBus({ socket: h.t.sock, component: 'reader', loopIntervalMs: 0, logger: quietLogger() });
  r.subscribe(Topic.RESOURCE, () => {
    n++;
  });
  cleanups.push(() => r.close());
  return { count: () => n };
}

function client(component: string): ClientStats | undefined {
  return h.server.stats().clients.find((c) => c.component === component && c.envelopesIn + c.framesIn > 0);
}

/** Counts what the publisher got into the hub's bus (a stand-in for the store). */
function arrivals(): () => number {
  let n = 0;
  h.bus.subscribe(Topic.RESOURCE, (p) => {
    if (p.component === 'pub') n++;
  }, { capacity: 100_000 });
  return () => n;
}

async function moves(what: string, count: () => number, by = 5000): Promise<void> {
  const from = count();
  await waitFor(() => count() >= from + by, `${what} to move by ${by} from ${from} (clients ${JSON.stringify(h.server.stats().clients.map(brief))})`);
}

function brief(c: ClientStats): unknown {
  return { c: c.component, in: c.envelopesIn, out: c.envelopesOut, paused: c.readPaused, stopped: c.readStopped, readBuf: c.readBuffered, drainWait: c.awaitingDrain, buffered: c.writeBuffered };
}

async function stalledWaitsForDrain(): Promise<void> {
  await waitFor(() => h.server.stats().clients.some((c) => c.component === 'stalled' && c.awaitingDrain), "the stalled subscriber's deliveries to wait for 'drain'");
}

test('the stalled subscriber leaves while its deliveries wait for drain, and another takes its place: the publisher and the reader go on', async () => {
  const got = arrivals();
  const r = reader();
  await waitFor(() => h.server.stats().clients.some((c) => c.component === 'reader' && c.subscriptions.length === 1), 'the reader to subscribe');
  const first = await stalled();
  await flood('pub');
  await stalledWaitsForDrain();
  await moves('the publisher', got);
  await moves('the reader', r.count);
  first.destroy();
  await waitFor(() => !h.server.stats().clients.some((c) => c.component === 'stalled'), 'the stalled subscriber to be gone');
  await moves('the publisher', got);
  await stalled();
  await stalledWaitsForDrain();
  await moves('the publisher', got);
  await moves('the reader', r.count);
  expect(client('pub')).toMatchObject({ readPaused: false, readStopped: false, awaitingDrain: false });
});

test('a stalled subscriber that replaces its filter while waiting for drain is woken by the one drain, with both its topics', async () => {
  const got = arrivals();
  const s = await stalled([Topic.RESOURCE, Topic.METRIC]);
  await flood('pub');
  await stalledWaitsForDrain();
  // A new filter for RESOURCE: its old subscription closes; the new one
  // starts while the connection already waits for 'drain'.
  const resourceQ = () => client('stalled')?.subscriptions.find((q) => q.topics.includes(Topic.RESOURCE));
  await waitFor(() => (resourceQ()?.published ?? 0) > 20_000, 'the first RESOURCE filter to be offered 20 000');
  s.subscribe([Topic.RESOURCE], 'run-1');
  await waitFor(() => (resourceQ()?.published ?? Infinity) < 20_000, 'the new RESOURCE filter to replace the first');
  expect(client('stalled')).toMatchObject({ awaitingDrain: true });
  const metrics = setInterval(() => {
    for (let i = 0; i < 200; ++i) h.bus.publish(Topic.METRIC, { tsMs: Date.now(), runId: 'run-1', component: 'm', pid: 1, name: 'x', value: i });
  }, 5);
  cleanups.push(() => clearInterval(metrics));
  await moves('the publisher', got);
  const delivered = (topic: Topic): number =>
    client('stalled')?.subscriptions.filter((q) => q.topics.includes(topic)).reduce((a, q) => a + q.delivered, 0) ?? 0;
  const before = [delivered(Topic.RESOURCE), delivered(Topic.METRIC)];
  s.socket.resume();
  await moves('RESOURCE deliveries to the subscriber that reads again', () => delivered(Topic.RESOURCE), 2000);
  await moves('METRIC deliveries to it', () => delivered(Topic.METRIC), 2000);
  expect(delivered(Topic.RESOURCE)).toBeGreaterThan(before[0]!);
  await moves('the publisher', got);
});

test('a stalled subscriber cut off for bad input while its write buffer is full is destroyed; the publisher goes on', async () => {
  const got = arrivals();
  const s = await stalled();
  await flood('pub');
  await stalledWaitsForDrain();
  // A second Hello: ERR_UNEXPECTED_FRAME. Its ErrorFrame cannot go out
  // (the buffer is full), so the kill timer must end it.
  s.write(encodeFrame({ kind: 'hello', hello: { protocolVersion: kProtocolVersion, component: 'stalled', pid: process.pid, runId: 'run-1', token: '' } }));
  await waitFor(() => !h.server.stats().clients.some((c) => c.component === 'stalled'), 'the stalled subscriber to be closed');
  expect(h.server.stats().rejected).toMatchObject({ ERR_UNEXPECTED_FRAME: 1 });
  await moves('the publisher', got);
});
