// With a RESOURCE subscriber that never reads, one that reads, and
// publishers sending flat out, the hub must keep reading every publisher.
// Loops the scenario with random stalls and disconnects and asserts that
// each publisher's envelopes keep arriving, in four set-ups:
//   - a real hub (defaults): a paused raw subscriber, a reading client, and
//     subscriber processes stopped with SIGSTOP (their sockets fill, so the
//     hub's writes to them wait for 'drain') and killed at random;
//   - a bus served with every queue in 'block' (subscriberOverflow too),
//     the server closed and served anew at random, so publishers with full
//     'block' outboxes reconnect and must be woken by the new Welcome;
//   - the same over fork() IPC links: IPC publishers, SIGSTOPped IPC subscribers;
//   - a real hub whose store buffer is small and in 'block' (the store
//     subscription waits for the batcher), its bus in 'block' too.
// RUNBUS_STRESS_MS sets how long the first loops (default 6 s; the others
// a third of it; ~35 s in all with set-up); run it for minutes by hand when
// touching the transport.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, test } from 'vitest';
import path from 'node:path';
import { RunBus } from '../../src/bus/index.js';
import { connectBus, serveBus } from '../../src/bus/remote/index.js';
import type { BusServer, BusServerOptions, ClientStats, RemoteBus } from '../../src/bus/remote/index.js';
import { createHub } from '../../src/hub/index.js';
import type { Hub } from '../../src/hub/index.js';
import { kTopics, Topic } from '../../src/wire/index.js';
import { RawClient, quietLogger, tempDir, waitFor } from '../bus/remote/helpers.js';

const kFixture = fileURLToPath(new URL('../fixtures/remote/flood-publisher.mjs', import.meta.url));
const kBuilt = existsSync(fileURLToPath(new URL('../../dist/bus/remote/index.js', import.meta.url)));
const kRunMs = Number(process.env.RUNBUS_STRESS_MS ?? 6_000);
const kShortRunMs = Math.round(kRunMs / 3);
// A publisher that delivers nothing for this long counts as stalled (the
// machine is shared and slow; a healthy hub moves thousands a second).
const kStallMs = 4_000;

let t: ReturnType<typeof tempDir>;
const children: ChildProcess[] = [];
// Run after each test, last registered first.
const teardown: (() => Promise<unknown>)[] = [];

beforeEach(() => {
  t = tempDir();
});
afterEach(async () => {
  for (const c of children) {
    c.kill('SIGCONT');
    c.kill('SIGKILL');
  }
  children.length = 0;
  for (const f of teardown.reverse()) await f();
  teardown.length = 0;
  t.cleanup();
});

/** A fixture process (see flood-publisher.mjs for the modes). */
function spawn(component: string, mode: 'bus' | 'raw' | 'raw-sub' | 'ipc' | 'sub' | 'ipc-sub'): ChildProcess {
  const c = fork(kFixture, [t.sock, component, mode], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  c.on('error', () => undefined);
  children.push(c);
  return c;
}

async function quietHub(over: Parameters<typeof createHub>[0] = {}): Promise<Hub> {
  // A real hub: store, alert engine, its own sampling, the socket.
  const hub = await createHub({ db: path.join(t.dir, 'hub.db'), socket: t.sock, intervalMs: 200, gpu: false, handleSignals: false, logger: quietLogger(), ...over });
  teardown.push(() => hub.close());
  return hub;
}

/**
 * Counts RESOURCE envelopes per publisher on `bus` (a stand-in for the
 * store) and, for `runMs`, calls `act` every 50-250 ms and fails when a
 * publisher delivers nothing for kStallMs.
 */
async function loopUntilDone(bus: RunBus, pubs: readonly string[], runMs: number, act: () => Promise<void>, describe: () => unknown): Promise<void> {
  const got = new Map<string, number>();
  bus.subscribe(Topic.RESOURCE, (p) => {
    got.set(p.component, (got.get(p.component) ?? 0) + 1);
  }, { name: 'store-stand-in', capacity: 5000 });
  await waitFor(() => pubs.every((p) => (got.get(p) ?? 0) > 0), 'every publisher to arrive', 20_000);
  const lastMoved = new Map(pubs.map((p) => [p, { n: got.get(p) ?? 0, at: Date.now() }]));
  const end = Date.now() + runMs;
  let actions = 0;
  while (Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 200));
    await act();
    actions++;
    const now = Date.now();
    for (const p of pubs) {
      const n = got.get(p) ?? 0;
      const last = lastMoved.get(p)!;
      if (n > last.n) lastMoved.set(p, { n, at: now });
      else if (now - last.at > kStallMs) throw new Error(`${p} delivered nothing for ${now - last.at} ms (stuck at ${n}): ${JSON.stringify(describe())}`);
    }
  }
  expect(actions).toBeGreaterThan(0);
  for (const p of pubs) expect(got.get(p) ?? 0).toBeGreaterThan(0);
}

/**
 * What a stall report shows of a client, to tell which side stopped: the
 * hub not reading (paused, or bytes waiting in its socket: see ss -x) or the
 * client not writing (idleMs grows, nothing paused).
 */
function who(c: ClientStats): unknown {
  return { c: c.component, in: c.envelopesIn, idleMs: c.inIdleMs, paused: c.readPaused, stopped: c.readStopped, readBuf: c.readBuffered, drainWait: c.awaitingDrain, subs: c.subscriptions.map((q) => [q.queued, q.dropped]) };
}

/** A raw client that subscribes and never reads; paused, resumed and replaced at random. */
function stalledRaw(): () => Promise<void> {
  let s: RawClient | null = null;
  const open = async (): Promise<void> => {
    s?.destroy();
    const c = await RawClient.open(t.sock);
    c.hello({ component: 'stalled' });
    c.subscribe(Math.random() < 0.5 ? [Topic.RESOURCE] : [...kTopics]);
    c.socket.pause();
    s = c;
  };
  teardown.push(() => {
    s?.destroy();
    return Promise.resolve();
  });
  return async () => {
    const roll = Math.random();
    if (s === null || s.isClosed || roll < 0.1) await open();
    else if (roll < 0.3) {
      if (!s.socket.isPaused()) s.socket.pause();
      else if (Math.random() < 0.3) s.socket.resume();
    }
  };
}

/**
 * `n` subscriber processes (connectBus, reading) that are stopped with
 * SIGSTOP, let go with SIGCONT, and killed and restarted, at random.
 */
function stoppedSubscribers(mode: 'sub' | 'ipc-sub', n: number, started?: (c: ChildProcess) => void): () => Promise<void> {
  const subs: ChildProcess[] = [];
  const stopped = new Set<ChildProcess>();
  const start = (i: number): void => {
    const c = spawn(`subscriber-${mode}-${i}`, mode);
    started?.(c);
    subs[i] = c;
  };
  for (let i = 0; i < n; ++i) start(i);
  return () => {
    const i = Math.floor(Math.random() * n);
    const c = subs[i]!;
    const roll = Math.random();
    if (roll < 0.3) {
      if (!stopped.has(c)) {
        c.kill('SIGSTOP');
        stopped.add(c);
      } else if (Math.random() < 0.3) {
        c.kill('SIGCONT');
        stopped.delete(c);
      }
    } else if (roll < 0.4) {
      c.kill('SIGCONT');
      c.kill('SIGKILL');
      stopped.delete(c);
      start(i);
    }
    return Promise.resolve();
  };
}

const kPubs = ['pub-bus-0', 'pub-bus-1', 'pub-raw-0', 'pub-raw-sub-0'] as const;

/** Two connectBus publishers (block outbox), a raw one, and a raw one also subscribed and never reading. */
function socketPublishers(): void {
  spawn(kPubs[0], 'bus');
  spawn(kPubs[1], 'bus');
  spawn(kPubs[2], 'raw');
  spawn(kPubs[3], 'raw-sub');
}

test.skipIf(!kBuilt)('publishers keep being read with a stalled and a reading subscriber, under random stalls and disconnects', { timeout: kRunMs + 60_000 }, async () => {
  const hub = await quietHub();
  socketPublishers();
  const stalled = stalledRaw();
  const stoppedSubs = stoppedSubscribers('sub', 2);
  const clients: RemoteBus[] = [];
  // A client whose local handler never finishes cannot finish close()
  // (its local bus waits for the handler): give each a bounded moment.
  teardown.push(() => Promise.all(clients.map((c) => Promise.race([c.close(), new Promise((r) => setTimeout(r, 3000))]))));
  let reader: RemoteBus | undefined;
  let read = 0;
  const openReader = (): void => {
    const r = connectBus({ socket: t.sock, component: 'reader', logger: quietLogger() });
    r.subscribe(Topic.RESOURCE, () => {
      read++;
    });
    // A subscriber in the same client whose handler never finishes (it
    // never reads, in bus terms), and a trickle of publishes of its own.
    if (Math.random() < 0.5) r.subscribe(Topic.RESOURCE, () => new Promise(() => undefined), { capacity: 100 });
    for (let i = 0; i < 100; ++i) r.publish(Topic.METRIC, { tsMs: Date.now(), runId: 'flood', component: 'reader', pid: process.pid, name: 'x', value: i });
    clients.push(r);
    reader = r;
  };
  openReader();
  await loopUntilDone(hub.bus, kPubs, kRunMs, async () => {
    await stalled();
    await stoppedSubs();
    if (Math.random() < 0.1) {
      void reader?.close();
      openReader();
    }
  }, () => hub.stats().server!.clients.map(who));
  expect(read).toBeGreaterThan(0);
});

test.skipIf(!kBuilt)('every queue in block, the server restarted: publishers with full block outboxes reconnect and keep being read', { timeout: kShortRunMs + 60_000 }, async () => {
  const bus = new RunBus({ overflow: 'block', capacity: 2000, logger: quietLogger() });
  const opts: BusServerOptions = { socketPath: t.sock, subscriberOverflow: 'block', subscriberCapacity: 1000, closeTimeoutMs: 200, drainTimeoutMs: 200, logger: quietLogger() };
  let server: BusServer = await serveBus(bus, opts);
  teardown.push(() => bus.close(), () => server.close());
  socketPublishers();
  const stalled = stalledRaw();
  const stoppedSubs = stoppedSubscribers('sub', 2);
  let restarts = 0;
  await loopUntilDone(bus, kPubs, kShortRunMs, async () => {
    await stalled();
    await stoppedSubs();
    // At the first action (so a short run has one too), then at random.
    if (restarts === 0 || Math.random() < 0.05) {
      await server.close();
      server = await serveBus(bus, opts);
      restarts++;
    }
  }, () => ({ restarts, clients: server.stats().clients.map(who) }));
  expect(restarts).toBeGreaterThan(0);
});

test.skipIf(!kBuilt)('over fork() IPC links: publishers keep being read while IPC subscribers are stopped', { timeout: kShortRunMs + 60_000 }, async () => {
  const bus = new RunBus({ logger: quietLogger() });
  const server = await serveBus(bus, { socketPath: t.sock, logger: quietLogger() });
  teardown.push(() => bus.close(), () => server.close());
  const pubs = ['pub-ipc-0', 'pub-ipc-1', 'pub-bus-0', 'pub-raw-sub-0'] as const;
  server.attachChild(spawn(pubs[0], 'ipc'));
  server.attachChild(spawn(pubs[1], 'ipc'));
  spawn(pubs[2], 'bus');
  spawn(pubs[3], 'raw-sub');
  const stalled = stalledRaw();
  const ipcSubs = stoppedSubscribers('ipc-sub', 2, (c) => {
    server.attachChild(c);
  });
  const socketSubs = stoppedSubscribers('sub', 1);
  await loopUntilDone(bus, pubs, kShortRunMs, async () => {
    await stalled();
    await ipcSubs();
    await socketSubs();
  }, () => server.stats().clients.map(who));
});

test.skipIf(!kBuilt)('a hub whose store buffer is small and in block keeps reading publishers', { timeout: kShortRunMs + 60_000 }, async () => {
  const hub = await quietHub({ storeOverflow: 'block', pendingCapacity: 1000, batchSize: 500, bus: { overflow: 'block', capacity: 1000 } });
  socketPublishers();
  const stalled = stalledRaw();
  const stoppedSubs = stoppedSubscribers('sub', 2);
  await loopUntilDone(hub.bus, kPubs, kShortRunMs, async () => {
    await stalled();
    await stoppedSubs();
  }, () => ({ batcher: hub.stats().batcher, clients: hub.stats().server!.clients.map(who) }));
});
