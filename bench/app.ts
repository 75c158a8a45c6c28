// An application of N node processes (N = 1, 5, 20) that do nothing but stay
// alive, three times over, side by side: bare; each embedding the bus
// (connectBus to a hub, connected, nothing published: it still reports its
// own event-loop lag and utilization every second), plus the hub
// (createHub defaults, db in a temp dir) that samples them all; and each
// running prom-client's collectDefaultMetrics, read at 1 Hz (what a Node
// user would pick instead). What the application pays in all is the CPU time
// of every thread of every one of its processes (/proc/<pid>/task/*/schedstat)
// over windows after a warm-up (5 minutes for the 20-process application,
// whose per-process row has a target; 30 s for the others), less the bare
// application's.
//
// Beside them in the same windows, a bare Node loop polling 20 sleeping
// processes with pidusage once a second: the idle embedding process is held
// to a quarter of its cost. Beside the largest application, N floor
// processes: idle nodes whose one 1 s timer writes a LOOP-frame-sized
// buffer to a Unix socket (a sink in this process), the least a process
// that reports once a second can cost; the embedding process's row is
// read against it too.
//
//   npm run build && node --import tsx bench/app.ts [--quick]
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanUp, kRoot, loadAvg, spawnSleepers, taskCpu, tempDir, track } from './fixtures/harness.js';
import type { TaskCpu } from './fixtures/harness.js';
import { kRounds, kSteadyMs, median, quick, report } from './lib.js';
import type { BenchRow } from './lib.js';

const kSizes = quick ? [1, 5] : [1, 5, 20];
const kWindows = quick ? 1 : kRounds;
const kWindowMs = quick ? 3000 : 30_000;
const kWarmMs = quick ? 2000 : 30_000;
// The largest application carries the idle-embedding target, judged like
// every target on steady windows (lib.ts, kSteadyMs); the others are read
// after the short warm-up.
const warmMs = (n: number): number => (n === kSizes[kSizes.length - 1] ? Math.max(kWarmMs, kSteadyMs) : kWarmMs);
const kChild = fileURLToPath(new URL('./fixtures/app-process.mjs', import.meta.url));

const rows: BenchRow[] = [];
const log = (m: string): void => { process.stderr.write(`app: ${m}\n`); };
const loads: string[] = [loadAvg()];

type Kind = 'bare' | 'runbus' | 'prom' | 'hub' | 'pidusage' | 'floor';
interface Proc { kind: Kind; child: ChildProcess }

async function start(kind: Kind, dir: string, socket: string, pids: number[] = []): Promise<Proc> {
  const child = track(spawn(process.execPath, ['--expose-gc', kChild, kind, dir, socket, pids.join(',')], {
    cwd: kRoot, stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  }));
  await new Promise<void>((resolve, reject) => {
    const onExit = (code: number | null): void => { reject(new Error(`app process ${kind} exited with ${code}`)); };
    child.once('exit', onExit);
    child.once('message', () => { child.off('exit', onExit); resolve(); });
  });
  return { kind, child };
}

async function stop(p: Proc): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  const gone = new Promise((r) => p.child.once('exit', r));
  p.child.send('stop');
  await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
  p.child.kill('SIGKILL');
}

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

async function measure(n: number, dir: string, sleepers: number[]): Promise<void> {
  const socket = join(dir, `hub-${n}.sock`);
  const largest = n === kSizes[kSizes.length - 1];
  // The floor processes' socket (largest application only): a sink that only reads.
  const sinkPath = join(dir, `sink-${n}.sock`);
  const sink = largest ? createServer((s) => { s.on('data', () => undefined); s.on('error', () => undefined); }) : null;
  if (sink !== null) await new Promise<void>((resolve) => { sink.listen(sinkPath, resolve); });
  try {
    await measureWith(n, dir, socket, sleepers, largest ? sinkPath : null);
  } finally {
    if (sink !== null) await new Promise((resolve) => { sink.close(resolve); });
  }
}

async function measureWith(n: number, dir: string, socket: string, sleepers: number[], sinkPath: string | null): Promise<void> {
  const largest = sinkPath !== null;
  const hub = await start('hub', dir, socket);
  const procs: Proc[] = [hub, await start('pidusage', dir, socket, sleepers)];
  for (let i = 0; i < n; i++) {
    procs.push(...await Promise.all((['bare', 'runbus', 'prom'] as const).map((k) => start(k, dir, socket))));
    if (sinkPath !== null) procs.push(await start('floor', dir, sinkPath));
  }
  const kinds = (['bare', 'runbus', 'prom', 'hub', 'pidusage', 'floor'] as const).filter((k) => procs.some((p) => p.kind === k));
  log(`n=${n}: ${procs.length} processes up; warming ${warmMs(n) / 1000} s`);
  await new Promise((r) => setTimeout(r, warmMs(n)));
  // % of one core per kind (summed over its processes), and per-thread detail
  // of one embedding process, each window.
  const pct: Record<string, number[]> = {};
  const wakes: Record<string, number[]> = {};
  let threads = '';
  for (let w = 0; w < kWindows; w++) {
    const t0 = performance.now();
    const a = procs.map((p) => taskCpu(p.child.pid!));
    await new Promise((r) => setTimeout(r, kWindowMs));
    const b = procs.map((p) => taskCpu(p.child.pid!));
    const wall = performance.now() - t0;
    loads.push(loadAvg());
    const by = (k: Kind, f: (x: TaskCpu) => number): number => sum(procs.map((p, i) => (p.kind === k ? f(b[i]!) - f(a[i]!) : 0)));
    for (const k of kinds) {
      (pct[k] ??= []).push((by(k, (x) => x.cpuNs) / 1e6 / wall) * 100);
      (wakes[k] ??= []).push(by(k, (x) => x.slices) / (wall / 1000));
    }
    const one = procs.findIndex((p) => p.kind === 'runbus');
    threads = [...b[one]!.threads].map(([name, t]) => {
      const t0x = a[one]!.threads.get(name) ?? { cpuNs: 0, slices: 0 };
      return `${name} ${(((t.cpuNs - t0x.cpuNs) / 1e6 / wall) * 100).toFixed(3)} % ${((t.slices - t0x.slices) / (wall / 1000)).toFixed(1)}/s`;
    }).join(', ');
    log(`n=${n} window ${w + 1}/${kWindows}: ${Object.entries(pct).map(([k, v]) => `${k} ${v[w]!.toFixed(3)} %`).join(', ')}; one embedding process: ${threads}`);
  }
  await Promise.all(procs.map(stop));

  const bare = pct.bare!;
  // What the application pays for runbus: its N embedding processes and the hub, less N bare processes.
  const withRunbus = bare.map((x, i) => pct.runbus![i]! + pct.hub![i]! - x);
  const withProm = bare.map((x, i) => pct.prom![i]! - x);
  const perBare = bare.map((x) => x / n);
  const embed = bare.map((x, i) => (pct.runbus![i]! - x) / n);
  const pidusage = pct.pidusage!.map((x, i) => x - perBare[i]!);
  const raw = `whole application: bare ${median(bare).toFixed(3)} %, with runbus ${(median(pct.runbus!) + median(pct.hub!)).toFixed(3)} % (hub ${median(pct.hub!).toFixed(3)} %), with prom-client ${median(pct.prom!).toFixed(3)} %`;
  const wake = `wake-ups/s of all threads: bare ${median(wakes.bare!).toFixed(1)}, embedding ${median(wakes.runbus!).toFixed(1)}, hub ${median(wakes.hub!).toFixed(1)}, prom ${median(wakes.prom!).toFixed(1)}`;
  rows.push({
    name: `app of ${n} idle process${n > 1 ? 'es' : ''}: CPU added by runbus (bus in each + hub)`,
    value: median(withRunbus), runs: withRunbus, unit: '% of one core', better: 'lower',
    peer: 'prom-client collectDefaultMetrics in each, read 1 Hz', peerValue: median(withProm), peerRuns: withProm,
    note: `net of the same app bare; ${raw}; ${wake}; ${kWindows} × ${kWindowMs / 1000} s windows after ${warmMs(n) / 1000} s warm-up, side by side`,
  });
  if (largest) {
    const floor = bare.map((x, i) => (pct.floor![i]! - x) / n);
    rows.push({
      name: 'idle process embedding the bus (connected, reporting loop lag), per process',
      value: median(embed), runs: embed, unit: '% of one core', better: 'lower',
      peer: 'bare Node pidusage loop, 20 children, 1 Hz', peerValue: median(pidusage), peerRuns: pidusage,
      goal: { what: 'idle process embedding the bus vs the pidusage loop', on: 'ratio', max: 0.25 },
      note: `both net of a bare idle node (${median(perBare).toFixed(3)} % each); mean over ${n} embedding processes; one of them by thread: ${threads}; pidusage raw ${median(pct.pidusage!).toFixed(3)} %`,
    }, {
      name: 'floor: idle node whose 1 s timer writes 100 bytes to a Unix socket, per process',
      value: median(floor), runs: floor, unit: '% of one core', better: 'lower',
      peer: 'bare Node pidusage loop, 20 children, 1 Hz', peerValue: median(pidusage), peerRuns: pidusage,
      note: `net of a bare idle node; mean over ${n} processes; wake-ups/s of all threads: floor ${median(wakes.floor!).toFixed(1)}, embedding ${median(wakes.runbus!).toFixed(1)}, bare ${median(wakes.bare!).toFixed(1)} (each summed over its ${n} processes)`,
    }, {
      name: 'idle process embedding the bus, per process, against the floor',
      value: median(embed), runs: embed, unit: '% of one core', better: 'lower',
      peer: 'floor: a 1 s timer writing to a Unix socket', peerValue: median(floor), peerRuns: floor,
      note: 'both net of a bare idle node, same windows',
    });
  }
}

try {
  const dir = tempDir('rb-bench-app-');
  const sleepers = await spawnSleepers(20);
  for (const n of kSizes) await measure(n, dir, sleepers.pids);
  sleepers.kill();
} finally {
  cleanUp();
}

for (const r of rows) r.note = `${r.note ?? ''}; load avg (1/5 min) during run: ${loads.join(' → ')}`;
report('app', rows);
