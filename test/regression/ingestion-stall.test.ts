// With a RESOURCE subscriber that never reads, one that reads, and
// publishers sending flat out, the hub must keep reading every publisher.
// Loops the scenario with random stalls and disconnects and
// asserts that each publisher's envelopes keep arriving.
// RUNBUS_STRESS_MS sets how long it loops (default 8 s, ~20 s with set-up; run it for minutes
// by hand when touching the transport).
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, test } from 'vitest';
import path from 'node:path';
import { connectBus } from '../../src/bus/remote/index.js';
import type { RemoteBus } from '../../src/bus/remote/index.js';
import { createHub } from '../../src/hub/index.js';
import type { Hub } from '../../src/hub/index.js';
import { kTopics, Topic } from '../../src/wire/index.js';
import { RawClient, quietLogger, tempDir, waitFor } from '../bus/remote/helpers.js';

const kFixture = fileURLToPath(new URL('../fixtures/remote/flood-publisher.mjs', import.meta.url));
const kBuilt = existsSync(fileURLToPath(new URL('../../dist/bus/remote/index.js', import.meta.url)));
const kRunMs = Number(process.env.RUNBUS_STRESS_MS ?? 8_000);
// A publisher that delivers nothing for this long counts as stalled (the
// machine is shared and slow; a healthy hub moves thousands a second).
const kStallMs = 4_000;

let t: ReturnType<typeof tempDir>;
let hub: Hub;
const children: ChildProcess[] = [];
const clients: { close(): unknown }[] = [];

beforeEach(async () => {
  t = tempDir();
  // A real hub: store, alert engine, its own sampling, the socket.
  hub = await createHub({ db: path.join(t.dir, 'hub.db'), socket: t.sock, intervalMs: 200, gpu: false, handleSignals: false, logger: quietLogger() });
});
afterEach(async () => {
  for (const c of children) c.kill('SIGKILL');
  // A client whose local handler never finishes cannot finish close()
  // (its local bus waits for the handler): give each a bounded moment.
  await Promise.all(clients.map((c) => Promise.race([c.close(), new Promise((r) => setTimeout(r, 3000))])));
  clients.length = 0;
  await hub.close();
  t.cleanup();
});

function publisher(component: string, mode: 'bus' | 'raw' | 'raw-sub'): ChildProcess {
  const c = fork(kFixture, [t.sock, component, mode], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  children.push(c);
  return c;
}

test.skipIf(!kBuilt)('publishers keep being read with a stalled and a reading subscriber, under random stalls and disconnects', { timeout: kRunMs + 60_000 }, async () => {
  // The hub's own consumer (the store in a real hub): counts per publisher.
  const got = new Map<string, number>();
  hub.bus.subscribe(Topic.RESOURCE, (p) => {
    got.set(p.component, (got.get(p.component) ?? 0) + 1);
  }, { name: 'store-stand-in', capacity: 5000 });

  const pubs = ['pub-bus-0', 'pub-bus-1', 'pub-raw-0', 'pub-raw-sub-0'];
  publisher(pubs[0]!, 'bus');
  publisher(pubs[1]!, 'bus');
  publisher(pubs[2]!, 'raw');
  // A publisher that is also a subscriber that never reads.
  publisher(pubs[3]!, 'raw-sub');

  let stalled: RawClient | null = null;
  const openStalled = async (): Promise<void> => {
    stalled?.destroy();
    const s = await RawClient.open(t.sock);
    s.hello({ component: 'stalled' });
    s.subscribe(Math.random() < 0.5 ? [Topic.RESOURCE] : [...kTopics]);
    s.socket.pause();
    stalled = s;
  };
  let reader: RemoteBus | null = null;
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
  await openStalled();
  openReader();
  await waitFor(() => pubs.every((p) => (got.get(p) ?? 0) > 0), 'every publisher to arrive', 20_000);

  const lastMoved = new Map(pubs.map((p) => [p, { n: got.get(p) ?? 0, at: Date.now() }]));
  const end = Date.now() + kRunMs;
  let actions = 0;
  while (Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 200));
    actions++;
    const roll = Math.random();
    if (roll < 0.3) {
      // Stall and unstall the non-reader at random.
      const s = stalled as RawClient | null;
      if (s !== null) {
        if (s.socket.isPaused()) {
          if (Math.random() < 0.3) s.socket.resume();
        } else s.socket.pause();
      }
    } else if (roll < 0.45) await openStalled();
    else if (roll < 0.55) {
      const r = reader as RemoteBus | null;
      if (r !== null) void r.close();
      openReader();
    }
    const now = Date.now();
    for (const p of pubs) {
      const n = got.get(p) ?? 0;
      const last = lastMoved.get(p)!;
      if (n > last.n) lastMoved.set(p, { n, at: now });
      else if (now - last.at > kStallMs) {
        const st = hub.stats().server!;
        throw new Error(`${p} delivered nothing for ${now - last.at} ms (stuck at ${n}); hub clients: ${JSON.stringify(st.clients.map((c) => ({ c: c.component, in: c.envelopesIn, bytesIn: c.bytesIn, subs: c.subscriptions.map((q) => [q.queued, q.dropped]) })))}`);
      }
    }
  }
  expect(actions).toBeGreaterThan(0);
  expect(read).toBeGreaterThan(0);
  for (const p of pubs) expect(got.get(p) ?? 0).toBeGreaterThan(0);
});
