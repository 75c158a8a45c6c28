// Cross-process bus throughput and latency over the hub's Unix socket,
// each beside Node's own fork IPC (JSON) carrying the same snapshots in the
// same run.
//   npm run build && node --import tsx bench/socket.ts [--quick]
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RunBus } from '../src/bus/index.js';
import { serveBus } from '../src/bus/remote/index.js';
import type { BusServer } from '../src/bus/remote/index.js';
import { Topic } from '../src/wire/index.js';
import type { ResourceSnapshot } from '../src/wire/index.js';
import { cpuMs, median, percentile, quick, report } from './lib.js';
import type { BenchRow } from './lib.js';

const kChild = fileURLToPath(new URL('./fixtures/socket-child.ts', import.meta.url));
const perPublisher = quick ? 100_000 : 1_000_000;
const perPublisherEach = quick ? 10_000 : 100_000;
const latSamples = quick ? 300 : 3000;
const kRepeats = quick ? 1 : 3;
const kWarmUp = 20_000;

interface Msg {
  type: string;
  b?: ResourceSnapshot[];
  s?: ResourceSnapshot;
  us?: number[];
  stats?: { dropped: number; sent: number };
  cpuMs?: number;
}

/** A throughput run: rate, and CPU time of every process per snapshot. */
interface Run {
  rate: number;
  cpuUsPerSnapshot: number;
}

/** A forked bench child, reused for every run (see bench-child.ts). */
interface Kid {
  child: ChildProcess;
  next: (type: string) => Promise<Msg>;
}

function spawnKid(): Promise<Kid> {
  const child = fork(kChild, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = new Map<string, (m: Msg) => void>();
  const early = new Map<string, Msg>();
  child.on('message', (m: Msg) => {
    const w = waiting.get(m.type);
    if (w !== undefined) {
      waiting.delete(m.type);
      w(m);
    } else if (m.type === 'up' || m.type === 'ready' || m.type === 'done' || m.type === 'lat') early.set(m.type, m);
  });
  const next = (type: string): Promise<Msg> => {
    const got = early.get(type);
    if (got !== undefined) {
      early.delete(type);
      return Promise.resolve(got);
    }
    return new Promise((resolve) => waiting.set(type, resolve));
  };
  return next('up').then(() => ({ child, next }));
}

/** Sets a child up for one run (socket modes connect here, before the clock starts). */
async function prepare(k: Kid, mode: string, sock: string, index: number): Promise<void> {
  k.child.send({ type: 'prepare', mode, sock, index });
  await k.next('ready');
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

async function socketThroughput(dir: string, pool: Kid[], publishers: number, overIpc = false, perPub = perPublisher): Promise<Run> {
  const sock = path.join(dir, `t${publishers}.sock`);
  const h = await hub(sock);
  const kids = pool.slice(0, publishers);
  // attachChild() listens on a child until it exits: only the last run may use it.
  if (overIpc) for (const k of kids) h.server.attachChild(k.child);
  await Promise.all(kids.map((k, i) => prepare(k, overIpc ? 'link-pub' : 'socket-pub', sock, i)));
  const total = publishers * perPub;
  const t0 = process.hrtime.bigint();
  const c0 = cpuMs();
  for (const k of kids) k.child.send({ type: 'go', n: perPub });
  const dones = await Promise.all(kids.map((k) => k.next('done')));
  await waitUntil(() => h.server.stats().envelopesIn >= total);
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = cpuMs() - c0 + dones.reduce((a, d) => a + (d.cpuMs ?? 0), 0);
  const dropped = dones.reduce((a, d) => a + (d.stats?.dropped ?? 0), 0);
  if (dropped > 0) process.stderr.write(`socket bench: ${dropped} dropped by block outboxes?\n`);
  await h.server.close();
  await h.bus.close();
  return { rate: total / secs, cpuUsPerSnapshot: (cpu * 1000) / total };
}

async function ipcThroughput(pool: Kid[], publishers: number, mode: 'ipc-batch' | 'ipc-each', n: number): Promise<Run> {
  const bus = new RunBus();
  let received = 0;
  bus.subscribe(Topic.RESOURCE, () => undefined, { capacity: 100_000 });
  const kids = pool.slice(0, publishers);
  await Promise.all(kids.map((k, i) => prepare(k, mode, '', i)));
  const onMessage = (m: Msg): void => {
    if (m.type === 'batch') {
      for (const s of m.b!) bus.publish(Topic.RESOURCE, s);
      received += m.b!.length;
    } else if (m.type === 's') {
      bus.publish(Topic.RESOURCE, m.s!);
      received++;
    }
  };
  for (const k of kids) k.child.on('message', onMessage);
  const total = publishers * n;
  const t0 = process.hrtime.bigint();
  const c0 = cpuMs();
  for (const k of kids) k.child.send({ type: 'go', n });
  await waitUntil(() => received >= total);
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const parentCpu = cpuMs() - c0;
  const dones = await Promise.all(kids.map((k) => k.next('done')));
  const cpu = parentCpu + dones.reduce((a, d) => a + (d.cpuMs ?? 0), 0);
  for (const k of kids) k.child.off('message', onMessage);
  await bus.close();
  return { rate: total / secs, cpuUsPerSnapshot: (cpu * 1000) / total };
}

async function socketLatency(dir: string, pool: Kid[]): Promise<number[]> {
  const sock = path.join(dir, 'lat.sock');
  const h = await hub(sock);
  const [pub, sub] = [pool[0]!, pool[1]!];
  await Promise.all([prepare(sub, 'socket-lat-sub', sock, 1), prepare(pub, 'socket-lat-pub', sock, 0)]);
  sub.child.send({ type: 'go', n: latSamples });
  await waitUntil(() => h.server.stats().clients.some((c) => c.subscriptions.length === 1));
  pub.child.send({ type: 'go', n: latSamples });
  const lat = await sub.next('lat');
  await pub.next('done');
  await h.server.close();
  await h.bus.close();
  return lat.us!;
}

async function ipcLatency(pool: Kid[]): Promise<number[]> {
  const [pub, sub] = [pool[0]!, pool[1]!];
  await Promise.all([prepare(sub, 'ipc-lat-sub', '', 1), prepare(pub, 'ipc-lat-pub', '', 0)]);
  // The parent relays, as a hub would.
  const relay = (m: Msg): void => {
    if (m.type === 's') sub.child.send(m);
  };
  pub.child.on('message', relay);
  sub.child.send({ type: 'go', n: latSamples });
  pub.child.send({ type: 'go', n: latSamples });
  const lat = await sub.next('lat');
  await pub.next('done');
  pub.child.off('message', relay);
  return lat.us!;
}

async function main(): Promise<void> {
  const dir = mkdtempSync('/tmp/rb-bench-');
  // Four children serve every run; forking per run cost more than the runs.
  const pool = await Promise.all(Array.from({ length: 4 }, () => spawnKid()));
  try {
    const rows: BenchRow[] = [];
    // Untimed: both paths once through every child, so that neither side's
    // first timed run pays the JIT warm-up alone.
    await socketThroughput(dir, pool, 4, false, kWarmUp);
    await ipcThroughput(pool, 4, 'ipc-batch', kWarmUp);
    for (const p of [1, 4]) {
      // Alternate runs of the two so a noisy neighbour hits both alike.
      const sock: Run[] = [];
      const ipc: Run[] = [];
      for (let r = 0; r < kRepeats; ++r) {
        sock.push(await socketThroughput(dir, pool, p));
        ipc.push(await ipcThroughput(pool, p, 'ipc-batch', perPublisher));
      }
      const sRate = median(sock.map((x) => x.rate));
      const iRate = median(ipc.map((x) => x.rate));
      const sCpu = median(sock.map((x) => x.cpuUsPerSnapshot));
      const iCpu = median(ipc.map((x) => x.cpuUsPerSnapshot));
      const procs = `${p} publisher process${p > 1 ? 'es' : ''}`;
      rows.push({
        name: `snapshots/s over the socket, ${procs}`,
        value: Math.round(sRate),
        unit: 'snapshots/s',
        better: 'higher',
        peer: 'fork IPC, JSON arrays of 512',
        peerValue: Math.round(iRate),
        ...(p === 4 ? { target: '>= 500000' } : {}),
        note: `median of ${kRepeats}; ${cpus().length} CPUs`,
      });
      rows.push({
        name: `CPU time per snapshot, publishers + hub, ${procs}`,
        value: Number(sCpu.toFixed(2)),
        unit: 'µs',
        better: 'lower',
        peer: 'fork IPC, JSON arrays of 512',
        peerValue: Number(iCpu.toFixed(2)),
      });
      process.stderr.write(`${procs}: socket ${Math.round(sRate)}/s (${sCpu.toFixed(2)} µs CPU each), ipc batched ${Math.round(iRate)}/s (${iCpu.toFixed(2)} µs CPU each)\n`);
    }
    const each = await ipcThroughput(pool, 4, 'ipc-each', perPublisherEach);
    const sl = await socketLatency(dir, pool);
    const il = await ipcLatency(pool);
    // Last: attachChild() keeps listening on the children.
    const link = await socketThroughput(dir, pool, 4, true);
    rows.push({
      name: 'snapshots/s, 4 publishers, runbus frames over the fork IPC channel (connectBus({ ipc: true }))',
      value: Math.round(link.rate),
      unit: 'snapshots/s',
      better: 'higher',
      note: `${link.cpuUsPerSnapshot.toFixed(2)} µs CPU each; frames as base64 in JSON messages`,
    });
    process.stderr.write(`4 publishers: runbus over IPC ${Math.round(link.rate)}/s (${link.cpuUsPerSnapshot.toFixed(2)} µs CPU each)\n`);
    rows.push({
      name: 'snapshots/s, 4 publishers, fork IPC one JSON message each',
      value: Math.round(each.rate),
      unit: 'snapshots/s',
      better: 'higher',
      note: `the naive peer: process.send per snapshot; ${each.cpuUsPerSnapshot.toFixed(2)} µs CPU each`,
    });
    process.stderr.write(`4 publishers: ipc one message each ${Math.round(each.rate)}/s (${each.cpuUsPerSnapshot.toFixed(2)} µs CPU each)\n`);
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
    for (const k of pool) k.child.disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
