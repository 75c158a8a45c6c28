// Cross-process bus throughput and latency over the hub's Unix socket,
// each beside Node's own fork IPC (JSON) carrying the same snapshots in the
// same run.
//   npm run build && node --import tsx bench/socket.ts [--quick]
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RunBus } from '../src/bus/index.js';
import { serveBus } from '../src/bus/remote/index.js';
import type { BusServer } from '../src/bus/remote/index.js';
import { Topic } from '../src/wire/index.js';
import type { ResourceSnapshot } from '../src/wire/index.js';
import { percentile, quick, report } from './lib.js';
import type { BenchRow } from './lib.js';

const kChild = fileURLToPath(new URL('../test/fixtures/remote/bench-child.ts', import.meta.url));
const perPublisher = quick ? 150_000 : 1_000_000;
const perPublisherEach = quick ? 20_000 : 100_000;
const latSamples = quick ? 1000 : 3000;

interface Msg {
  type: string;
  b?: ResourceSnapshot[];
  s?: ResourceSnapshot;
  us?: number[];
  stats?: { dropped: number; sent: number };
}

function start(mode: string, sock: string, index: number): Promise<{ child: ChildProcess; next: (type: string) => Promise<Msg> }> {
  const child = fork(kChild, [mode, sock, String(index)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = new Map<string, (m: Msg) => void>();
  const early = new Map<string, Msg>();
  child.on('message', (m: Msg) => {
    const w = waiting.get(m.type);
    if (w !== undefined) {
      waiting.delete(m.type);
      w(m);
    } else if (m.type === 'ready' || m.type === 'done' || m.type === 'lat') early.set(m.type, m);
  });
  const next = (type: string): Promise<Msg> => {
    const got = early.get(type);
    if (got !== undefined) {
      early.delete(type);
      return Promise.resolve(got);
    }
    return new Promise((resolve) => waiting.set(type, resolve));
  };
  return next('ready').then(() => ({ child, next }));
}

async function waitUntil(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setTimeout(r, 2));
}

async function hub(sock: string): Promise<{ bus: RunBus; server: BusServer; received: () => number }> {
  const bus = new RunBus();
  const server = await serveBus(bus, { socketPath: sock, maxConnections: 16 });
  // One subscriber, as a hub has (its store batcher, say).
  let n = 0;
  bus.subscribe(Topic.RESOURCE, () => {
    n++;
  }, { capacity: 100_000 });
  return { bus, server, received: () => n };
}

async function socketThroughput(dir: string, publishers: number): Promise<number> {
  const sock = path.join(dir, `t${publishers}.sock`);
  const h = await hub(sock);
  const kids = await Promise.all(Array.from({ length: publishers }, (_, i) => start('socket-pub', sock, i)));
  const total = publishers * perPublisher;
  const t0 = process.hrtime.bigint();
  for (const k of kids) k.child.send({ type: 'go', n: perPublisher });
  const dones = await Promise.all(kids.map((k) => k.next('done')));
  await waitUntil(() => h.server.stats().envelopesIn >= total);
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const dropped = dones.reduce((a, d) => a + (d.stats?.dropped ?? 0), 0);
  if (dropped > 0) process.stderr.write(`socket bench: ${dropped} dropped by block outboxes?\n`);
  for (const k of kids) k.child.disconnect();
  await h.server.close();
  await h.bus.close();
  return total / secs;
}

async function ipcThroughput(publishers: number, mode: 'ipc-batch' | 'ipc-each', n: number): Promise<number> {
  const bus = new RunBus();
  let received = 0;
  bus.subscribe(Topic.RESOURCE, () => undefined, { capacity: 100_000 });
  const kids = await Promise.all(Array.from({ length: publishers }, (_, i) => start(mode, '', i)));
  for (const k of kids) {
    k.child.on('message', (m: Msg) => {
      if (m.type === 'batch') {
        for (const s of m.b!) bus.publish(Topic.RESOURCE, s);
        received += m.b!.length;
      } else if (m.type === 's') {
        bus.publish(Topic.RESOURCE, m.s!);
        received++;
      }
    });
  }
  const total = publishers * n;
  const t0 = process.hrtime.bigint();
  for (const k of kids) k.child.send({ type: 'go', n });
  await waitUntil(() => received >= total);
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  await Promise.all(kids.map((k) => k.next('done')));
  for (const k of kids) k.child.disconnect();
  await bus.close();
  return total / secs;
}

async function socketLatency(dir: string): Promise<number[]> {
  const sock = path.join(dir, 'lat.sock');
  const h = await hub(sock);
  const sub = await start('socket-lat-sub', sock, 1);
  sub.child.send({ type: 'go', n: latSamples });
  await waitUntil(() => h.server.stats().clients.some((c) => c.subscriptions.length === 1));
  const pub = await start('socket-lat-pub', sock, 0);
  pub.child.send({ type: 'go', n: latSamples });
  const lat = await sub.next('lat');
  await pub.next('done');
  pub.child.disconnect();
  sub.child.disconnect();
  await h.server.close();
  await h.bus.close();
  return lat.us!;
}

async function ipcLatency(): Promise<number[]> {
  const sub = await start('ipc-lat-sub', '', 1);
  const pub = await start('ipc-lat-pub', '', 0);
  // The parent relays, as a hub would.
  pub.child.on('message', (m: Msg) => {
    if (m.type === 's') sub.child.send(m);
  });
  sub.child.send({ type: 'go', n: latSamples });
  pub.child.send({ type: 'go', n: latSamples });
  const lat = await sub.next('lat');
  await pub.next('done');
  pub.child.disconnect();
  sub.child.disconnect();
  return lat.us!;
}

async function main(): Promise<void> {
  const dir = mkdtempSync('/tmp/rb-bench-');
  try {
    const rows: BenchRow[] = [];
    for (const p of [1, 4]) {
      const sockRate = await socketThroughput(dir, p);
      const ipcRate = process.env.SKIP_IPC ? 0 : await ipcThroughput(p, 'ipc-batch', perPublisher);
      rows.push({
        name: `snapshots/s over the socket, ${p} publisher process${p > 1 ? 'es' : ''}`,
        value: Math.round(sockRate),
        unit: 'snapshots/s',
        better: 'higher',
        peer: 'fork IPC, JSON arrays of 512',
        peerValue: Math.round(ipcRate),
        ...(p === 4 ? { target: '>= 500000' } : {}),
      });
      process.stderr.write(`${p} publisher(s): socket ${Math.round(sockRate)}/s, ipc batched ${Math.round(ipcRate)}/s\n`);
    }
    const each = await ipcThroughput(4, 'ipc-each', perPublisherEach);
    rows.push({
      name: 'snapshots/s, 4 publishers, fork IPC one JSON message each',
      value: Math.round(each),
      unit: 'snapshots/s',
      better: 'higher',
      note: 'the naive peer: what process.send per snapshot costs',
    });
    process.stderr.write(`4 publishers: ipc one message each ${Math.round(each)}/s\n`);
    const sl = await socketLatency(dir);
    const il = await ipcLatency();
    for (const p of [50, 99]) {
      rows.push({
        name: `publish→remote subscriber latency p${p} (process → hub → process)`,
        value: Math.round(percentile(sl, p)),
        unit: 'µs',
        better: 'lower',
        peer: 'fork IPC relayed by the parent',
        peerValue: Math.round(percentile(il, p)),
      });
    }
    process.stderr.write(`latency socket p50 ${percentile(sl, 50).toFixed(0)} µs p99 ${percentile(sl, 99).toFixed(0)} µs; ipc p50 ${percentile(il, 50).toFixed(0)} µs p99 ${percentile(il, 99).toFixed(0)} µs\n`);
    report('socket', rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
