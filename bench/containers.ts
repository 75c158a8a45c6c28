// Workload `containers`: the cost of watching N running busybox containers
// at 1 s, beside what users do today, in the same run: polling `docker stats
// --no-stream`, and polling the Engine API's stats endpoint (one-shot) for
// each container. The engine is a dockerd of this bench's own
// (support/docker-engine.ts: no networking, vfs storage, in a temp dir), so
// its CPU is the contenders' alone.
//
//   contender processes (bench/fixtures/containers-child.mjs), warm, all
//   running through every window, each measured on its own:
//     hub-with  a hub (store, host figures, alerts) watching the containers
//     hub-bare  the same hub watching none          runbus = with − (bare + bare2) / 2
//     hub-bare2 a second hub watching none          noise  = bare2 − bare
//     floor     cgroup reads + their rows in a tick's SQLite insert, plain Node
//     floor-0   the same loop with no container     floor = floor − floor-0
//   windows, rounds interleaved (the contenders above run through all):
//     quiet     nothing polls the engine: its idle CPU (the shims' Go
//               runtimes wake on their own)
//     cli       this process runs `docker stats --no-stream` each second
//     api       this process asks the stats endpoint for each container each second
//   a poller's cost = its own CPU (this process and its docker children)
//   + the engine's (dockerd, its containerd, the shims) in its window
//   − the engine's in the same round's quiet window.
//
// BENCH_CLI_BEFORE_ROOT=<checkout with a built dist/> adds a second pair of
// hubs (with and without containers) from that checkout, through the same
// windows: "before" and "after" side by side, their figures in the round
// logs and a row of their own. --counts=50 --rounds=N --window=S narrow a
// run to what an iteration needs (defaults: 10 and 50, 4 rounds, 15 s).
//
// The hubs are warmed (ticks run back to back) before any window: a hub's
// first minute costs more — V8 compiles the tick's code on its helper
// threads — and that is measured apart, by a cold pair started with the
// others ("first minute" row).
//
//   npm run build && [BENCH_CLI_BEFORE_ROOT=/path] node --import tsx bench/containers.ts [--quick] [--counts=50] [--rounds=3] [--window=15]
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createContainerSampler, DockerClient, parseDockerHost } from '../src/containers/index.js';
import type { ContainerTarget } from '../src/containers/index.js';
import { startPrivateEngine } from '../support/docker-engine.js';
import type { PrivateEngine } from '../support/docker-engine.js';
import { loadAvg, startIpcChild, taskCpu, tempDir } from './fixtures/harness.js';
import { cpuMs, kRounds, median, quick, report } from './lib.js';
import type { BenchRow } from './lib.js';

const run = promisify(execFile);
// ms per clock tick (USER_HZ 100), for reaped children's cutime and cstime.
// (This bench used to divide by it: the docker CLI's CPU, and the engine's,
// counted a hundredth of what they were.)
const kMsPerTick = 1000 / 100;
const opt = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const windowMs = Number(opt('window') ?? (quick ? 4 : 15)) * 1000;
// One round more than the other workloads: a watching hub's added cost
// comes in bursts (its garbage collections), and the figure is their mean.
const rounds = Number(opt('rounds') ?? (quick ? 1 : kRounds + 1));
const counts = opt('counts')?.split(',').map(Number) ?? (quick ? [10] : [10, 50]);
if (!(windowMs > 0) || !(rounds >= 1) || !counts.every((c) => Number.isInteger(c) && c > 0)) throw new RangeError('containers bench: --window, --rounds and --counts must be positive numbers');
const beforeRoot = process.env.BENCH_CLI_BEFORE_ROOT;
const kWarmTicks = quick ? 30 : 300;
const kColdMs = quick ? 10_000 : 60_000;
const kLabel = 'runbus.bench=containers';
const kChild = fileURLToPath(new URL('fixtures/containers-child.mjs', import.meta.url));
// The same fixture in the "before" checkout: it imports that checkout's dist/.
const kBeforeChild = beforeRoot === undefined ? null : `${beforeRoot}/bench/fixtures/containers-child.mjs`;
const log = (m: string): void => { process.stderr.write(`containers: ${m}\n`); };
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * CPU time (ms) of this bench's engine, by part: dockerd, its containerd,
 * and the shims serving that containerd. From each thread's schedstat, not
 * utime/stime: those are sampled at the clock tick, and a shim's Go runtime
 * wakes a hundred times a second for far less than a tick, so the tick
 * sampling misses most of it.
 */
function engineCpuMs(e: PrivateEngine): { dockerd: number; containerd: number; shims: number } {
  const procs = new Map<number, { ppid: number; comm: string }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'latin1');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.set(Number(d), { ppid: Number(f[1]), comm });
    } catch { /* gone */ }
  }
  const ours = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; hops++) {
      if (p === e.pid) return true;
      p = procs.get(p)?.ppid ?? 0;
    }
    const c = procs.get(pid)!.comm;
    if (!c.startsWith('containerd-shim')) return false;
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes(e.execRoot);
    } catch {
      return false;
    }
  };
  const out = { dockerd: 0, containerd: 0, shims: 0 };
  for (const [pid, p] of procs) {
    // The containers' own processes (sleep) are nobody's cost.
    const part = p.comm.startsWith('containerd-shim') ? 'shims' : p.comm === 'containerd' ? 'containerd' : p.comm === 'dockerd' ? 'dockerd' : null;
    if (part === null || !ours(pid)) continue;
    out[part] += taskCpu(pid).cpuNs / 1e6;
  }
  return out;
}
const engineSum = (x: { dockerd: number; containerd: number; shims: number }): number => x.dockerd + x.containerd + x.shims;

/** CPU time of the calling thread, ns. */
function threadCpuNs(): number {
  return Number(readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ')[0]);
}

function childCpuMs(): number {
  const f = readFileSync('/proc/self/stat', 'utf8');
  const x = f.slice(f.lastIndexOf(')') + 2).split(' ');
  return (Number(x[13]) + Number(x[14])) * kMsPerTick;
}

interface Reading { cpuMs: number; wallMs: number; requests: number; ticks?: number; rows?: number; active?: number; samplerErrors?: number }
interface Child { pid: number; read(): Promise<Reading>; stop(): Promise<void> }

function startChild(mode: string, dir: string, warm: number, o: object, script = kChild): Promise<Child> {
  return startIpcChild<Reading>(`containers child ${mode}${script === kChild ? '' : ' (before)'}`, ['--expose-gc', script, mode, dir, String(warm), JSON.stringify(o)], 10_000);
}

/** % of one core between two readings of a child. */
const pct = (a: Reading, b: Reading): number => ((b.cpuMs - a.cpuMs) / (b.wallMs - a.wallMs)) * 100;

/**
 * What watching adds in a window: the watching hub minus the mean of the two
 * hubs watching none (two baselines halve the variance one would add).
 */
const addedIn = (w: { with: number; bare: number; bare2: number }): number => w.with - (w.bare + w.bare2) / 2;

type Role = 'main' | 'sampler worker' | 'store writer' | 'helpers';
const kRoles: Role[] = ['main', 'sampler worker', 'store writer', 'helpers'];
interface Threads { cpuNs: Map<number, number>; slices: Map<number, number>; syscr: Map<number, number>; wbytes: Map<number, number> }

/** Every thread of a process: CPU time (schedstat), timeslices, read syscalls and bytes written. */
function threadsOf(pid: number): Threads {
  const t: Threads = { cpuNs: new Map(), slices: new Map(), syscr: new Map(), wbytes: new Map() };
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return t;
  }
  for (const d of tids) {
    const tid = Number(d);
    try {
      const [ns, , slices] = readFileSync(`/proc/${pid}/task/${d}/schedstat`, 'latin1').split(' ').map(Number);
      const io = readFileSync(`/proc/${pid}/task/${d}/io`, 'latin1');
      t.cpuNs.set(tid, ns ?? 0);
      t.slices.set(tid, slices ?? 0);
      t.syscr.set(tid, Number(/^syscr: (\d+)/m.exec(io)?.[1] ?? 0));
      t.wbytes.set(tid, Number(/^write_bytes: (\d+)/m.exec(io)?.[1] ?? 0));
    } catch { /* exited meanwhile */ }
  }
  return t;
}

/**
 * A hub's CPU over a window by thread role: its main thread; the sampler
 * worker (the thread making the most read calls: /proc and cgroup files);
 * the store writer (the one writing the most bytes: the SQLite file and its
 * WAL); and the helpers (V8's compiler and GC threads, libuv's pool). % of
 * one core, and wake-ups (timeslices) per second.
 */
function byRole(pid: number, a: Threads, b: Threads, wallMs: number): Record<Role, { pct: number; wakeups: number }> {
  const most = (m: Map<number, number>, not: number[]): number => {
    let best = -1;
    let v = -1;
    for (const [tid, x] of m) if (!not.includes(tid) && x > v) { best = tid; v = x; }
    return best;
  };
  const sampler = most(b.syscr, [pid]);
  const writer = most(b.wbytes, [pid, sampler]);
  const out = Object.fromEntries(kRoles.map((r) => [r, { pct: 0, wakeups: 0 }])) as Record<Role, { pct: number; wakeups: number }>;
  for (const [tid, ns] of b.cpuNs) {
    const role: Role = tid === pid ? 'main' : tid === sampler ? 'sampler worker' : tid === writer ? 'store writer' : 'helpers';
    out[role].pct += ((ns - (a.cpuNs.get(tid) ?? 0)) / 1e6 / wallMs) * 100;
    out[role].wakeups += ((b.slices.get(tid)! - (a.slices.get(tid) ?? 0)) / wallMs) * 1000;
  }
  return out;
}

/** Calls `fn` once a second until `stop()`. */
async function everySecond(stop: () => boolean, fn: () => Promise<unknown>): Promise<void> {
  while (!stop()) {
    const t = performance.now();
    await fn();
    await sleep(Math.max(0, 1000 - (performance.now() - t)));
  }
}

type Kind = 'quiet' | 'cli' | 'api';
interface Window {
  kind: Kind;
  /** % of one core. */
  with: number; bare: number; floor: number; floor0: number;
  /** A second hub watching none: bare2 − bare is what two identical hubs differ by (the method's noise). */
  bare2: number;
  /** The "before" checkout's pair (NaN without BENCH_CLI_BEFORE_ROOT). */
  beforeWith: number; beforeBare: number;
  /** This process and its reaped docker children. */
  own: number;
  engine: { dockerd: number; containerd: number; shims: number };
  /** Engine API requests the watching hub made in the window. */
  requests: number;
  threads: { with: Record<Role, { pct: number; wakeups: number }>; bare: Record<Role, { pct: number; wakeups: number }> };
}

const rows: BenchRow[] = [];
const engine = await startPrivateEngine();
if (engine === null) {
  rows.push({ name: 'containers: no Docker engine (needs dockerd from docker.io and /bin/busybox from busybox-static)', value: Number.NaN, unit: '', better: 'lower' });
  report('containers', rows);
  process.exit(0);
}
const load0 = loadAvg();
try {
  for (const n of counts) {
    const runId = `bench-containers-${n}`;
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await engine.docker('run', '-d', '--label', kLabel, '--label', `runbus.run=${runId}`, 'runbus-test-busybox:latest', 'sleep', '3600')).trim());
    log(`${n} containers running`);
    await sleep(2000);
    const client = new DockerClient({ endpoint: parseDockerHost(engine.dockerHost), statsTimeoutMs: 5000 });
    const targets: ContainerTarget[] = [];
    for (const id of ids) {
      const d = await client.inspect(id);
      targets.push({ id, name: d.name, image: d.image, pid: d.pid });
    }
    const dir = tempDir('rb-bench-containers-');
    const o = { filter: `label=${kLabel}`, dockerHost: engine.dockerHost, runId, pids: targets.map((t) => t.pid), ids };
    // The cold pair first, so that its first minute runs while the warm ones start.
    const [coldWith, coldBare] = await Promise.all([startChild('hub-with', dir, 0, o), startChild('hub-bare', dir, 0, o)]);
    const cold0 = await Promise.all([coldWith.read(), coldBare.read()]);
    const [hubWith, hubBare, floor, floor0] = await Promise.all([
      startChild('hub-with', dir, kWarmTicks, o), startChild('hub-bare', dir, kWarmTicks, o),
      startChild('floor', dir, kWarmTicks, o), startChild('floor-0', dir, kWarmTicks, o),
    ]);
    const before = kBeforeChild === null ? [] : await Promise.all([startChild('hub-with', dir, kWarmTicks, o, kBeforeChild), startChild('hub-bare', dir, kWarmTicks, o, kBeforeChild)]);
    // Two identical hubs watching none: what they differ by is the noise of a with − bare figure.
    const hubBare2 = await startChild('hub-bare', dir, kWarmTicks, o);
    const cs = [hubWith, hubBare, floor, floor0, ...before, hubBare2];
    const k2 = cs.length - 1;
    await sleep(Math.max(0, kColdMs - (performance.now() - cold0[0].wallMs)));
    const cold1 = await Promise.all([coldWith.read(), coldBare.read()]);
    const coldAdded = pct(cold0[0], cold1[0]) - pct(cold0[1], cold1[1]);
    log(`${n} containers: first ${(kColdMs / 1000).toFixed(0)} s of a cold hub: with ${pct(cold0[0], cold1[0]).toFixed(2)} %, bare ${pct(cold0[1], cold1[1]).toFixed(2)} %`);
    await Promise.all([coldWith.stop(), coldBare.stop()]);
    await sleep(3000);

    const windows: Window[] = [];
    const measure = async (kind: Kind, fn: (stop: () => boolean) => Promise<void>): Promise<Window> => {
      const a = await Promise.all(cs.map((c) => c.read()));
      const ta = [hubWith, hubBare, ...before].map((c) => threadsOf(c.pid));
      const e0 = engineCpuMs(engine);
      const c0 = cpuMs() + childCpuMs();
      const t0 = performance.now();
      const end = t0 + windowMs;
      await fn(() => performance.now() >= end);
      const wall = performance.now() - t0;
      // This process's figure first: reading the engine's threads is the bench's work, not the poller's.
      const c1 = cpuMs() + childCpuMs();
      const e1 = engineCpuMs(engine);
      const tb = [hubWith, hubBare, ...before].map((c) => threadsOf(c.pid));
      const b = await Promise.all(cs.map((c) => c.read()));
      const per = (x: number): number => (x / wall) * 100;
      const w: Window = {
        kind,
        with: pct(a[0]!, b[0]!), bare: pct(a[1]!, b[1]!), floor: pct(a[2]!, b[2]!), floor0: pct(a[3]!, b[3]!),
        beforeWith: before.length > 0 ? pct(a[4]!, b[4]!) : Number.NaN, beforeBare: before.length > 0 ? pct(a[5]!, b[5]!) : Number.NaN,
        bare2: pct(a[k2]!, b[k2]!),
        own: per(c1 - c0),
        engine: { dockerd: per(e1.dockerd - e0.dockerd), containerd: per(e1.containerd - e0.containerd), shims: per(e1.shims - e0.shims) },
        requests: b[0]!.requests - a[0]!.requests,
        threads: { with: byRole(hubWith.pid, ta[0]!, tb[0]!, wall), bare: byRole(hubBare.pid, ta[1]!, tb[1]!, wall) },
      };
      const tBefore = before.length > 0 ? { with: byRole(before[0].pid, ta[2]!, tb[2]!, wall), bare: byRole(before[1].pid, ta[3]!, tb[3]!, wall) } : null;
      if (tBefore !== null) {
        log(`${n} containers, ${kind} window, added by thread (% of one core), after vs before: ${kRoles.map((r) =>
          `${r} ${(w.threads.with[r].pct - w.threads.bare[r].pct).toFixed(3)} vs ${(tBefore.with[r].pct - tBefore.bare[r].pct).toFixed(3)}`).join(', ')}`);
      }
      if (kind === 'quiet') {
        log([`${n} containers, quiet window, per thread (% of one core, wake-ups/s):`, ...kRoles.map((r) =>
          `  ${r.padEnd(15)} with ${w.threads.with[r].pct.toFixed(3)} % ${w.threads.with[r].wakeups.toFixed(1)}/s, bare ${w.threads.bare[r].pct.toFixed(3)} % ${w.threads.bare[r].wakeups.toFixed(1)}/s`)].join('\n'));
      }
      windows.push(w);
      return w;
    };
    const idleLoop = async (stop: () => boolean): Promise<void> => { while (!stop()) await sleep(100); };
    const env = { ...process.env, DOCKER_HOST: engine.dockerHost };
    for (let r = 0; r < rounds; r++) {
      const q = await measure('quiet', idleLoop);
      const c = await measure('cli', (stop) => everySecond(stop, () => run('docker', ['stats', '--no-stream', '--format', '{{.ID}} {{.CPUPerc}} {{.MemUsage}}', ...ids], { env })));
      const a = await measure('api', (stop) => everySecond(stop, () => Promise.all(ids.map((id) => client.stats(id).catch(() => undefined)))));
      const poller = (w: Window): number => w.own + engineSum(w.engine) - engineSum(q.engine);
      const hubs = mean([q, c, a].map(addedIn));
      if (before.length > 0) log(`${n} containers, round ${r + 1}: before (${beforeRoot}) with − bare ${mean([q, c, a].map((w) => w.beforeWith - w.beforeBare)).toFixed(2)} %, after ${hubs.toFixed(2)} %`);
      log(`${n} containers, round ${r + 1}: two hubs watching none differ by ${mean([q, c, a].map((w) => w.bare2 - w.bare)).toFixed(2)} %`);
      log(`${n} containers, round ${r + 1}: hub with − without ${hubs.toFixed(2)} % over its three windows (quiet ${addedIn(q).toFixed(2)}, cli ${addedIn(c).toFixed(2)}, api ${addedIn(a).toFixed(2)}; ${q.requests + c.requests + a.requests} engine requests), floor ${mean([q, c, a].map((w) => w.floor - w.floor0)).toFixed(2)} %, engine idle ${engineSum(q.engine).toFixed(2)} % (dockerd ${q.engine.dockerd.toFixed(2)}, containerd ${q.engine.containerd.toFixed(2)}, shims ${q.engine.shims.toFixed(2)}), docker stats ${poller(c).toFixed(2)} %, API ${poller(a).toFixed(2)} %`);
    }
    const stats = await hubWith.read();
    await Promise.all(cs.map((c) => c.stop()));

    // Per container per tick: the cgroup reads alone, on this thread.
    client.close();
    const sampler = createContainerSampler();
    sampler.sample(targets, 'bench', Date.now());
    // CPU time of this thread, not wall time: on a loaded machine the wall clock counts other jobs' turns.
    const reps = quick ? 20 : 200;
    const c0 = threadCpuNs();
    for (let i = 0; i < reps; i++) sampler.sample(targets, 'bench', Date.now());
    const perContainerUs = (threadCpuNs() - c0) / 1000 / reps / n;

    const quiet = windows.filter((w) => w.kind === 'quiet');
    // The hubs and the floor run through every window, side by side with
    // their baselines: a round's figure is their difference over all three
    // of its windows (45 s), the pollers' load falling on both sides alike.
    const byRound = (f: (w: Window) => number): number[] => Array.from({ length: rounds }, (_, r) => mean(windows.slice(3 * r, 3 * r + 3).map(f)));
    const pollers = (kind: Kind): number[] => windows.filter((w) => w.kind === kind).map((w, i) => w.own + engineSum(w.engine) - engineSum(quiet[i]!.engine));
    // The hub asks the engine nothing per tick (requests counted below); its
    // share of the engine's CPU is nil, so runbus's figure is its own.
    const added = byRound(addedIn);
    const addedBefore = byRound((w) => w.beforeWith - w.beforeBare);
    const floorAdded = byRound((w) => w.floor - w.floor0);
    const noise = byRound((w) => w.bare2 - w.bare);
    // A figure is the mean of its rounds: the added CPU over all the windows'
    // time. Not their median: a hub's bursts (garbage collections, a young
    // generation's every ~10 s in each of its three isolates, a full one
    // more rarely) fall in some rounds and not others, and a median of a
    // few rounds leaves the costly ones out.
    const whole = (xs: number[]): { value: number; runs: number[] } => ({ value: mean(xs), runs: xs });
    const cliAll = pollers('cli');
    const apiAll = pollers('api');
    const requests = windows.reduce((s, w) => s + w.requests, 0);
    const m = (f: (w: Window) => number): string => mean(windows.map(f)).toFixed(2);
    const engineOf = (kind: Kind): string => {
      const ws = windows.filter((w) => w.kind === kind);
      return `engine ${median(ws.map((w) => engineSum(w.engine))).toFixed(2)} (dockerd ${median(ws.map((w) => w.engine.dockerd)).toFixed(2)}, containerd ${median(ws.map((w) => w.engine.containerd)).toFixed(2)}, shims ${median(ws.map((w) => w.engine.shims)).toFixed(2)})`;
    };
    const roles = kRoles.map((r) => `${r} ${m((w) => w.threads.with[r].pct - w.threads.bare[r].pct)}`).join(', ');
    const note = `hub with ${m((w) => w.with)}, without ${m((w) => w.bare)}; added by thread: ${roles}; ` +
      `${requests} engine requests by the hub in ${windows.length} windows; quiet ${engineOf('quiet')}; docker stats own ${median(windows.filter((w) => w.kind === 'cli').map((w) => w.own)).toFixed(2)} + ${engineOf('cli')}; ` +
      `API own ${median(windows.filter((w) => w.kind === 'api').map((w) => w.own)).toFixed(2)} + ${engineOf('api')}; ${stats.ticks ?? 0} ticks, ${stats.active ?? 0} containers active, ${stats.samplerErrors ?? 0} sampler errors`;
    const judged = n === 50;
    rows.push({
      name: `${n} containers at 1 s: added by watching them (warm hub with − without, same windows), engine included`, ...whole(added), unit: '% of one core', better: 'lower',
      peer: 'docker stats --no-stream each second, engine included', peerValue: median(cliAll), peerRuns: cliAll,
      ...(judged ? { target: '<= 0.5', goal: { what: '50 containers at 1 s, engine included', on: 'value' as const, max: 0.5 } } : {}), note,
    });
    rows.push({
      name: `${n} containers at 1 s: added by watching them, vs the stats endpoint`, ...whole(added), unit: '% of one core', better: 'lower',
      peer: 'Engine API stats (one-shot) for each container each second, engine included', peerValue: median(apiAll), peerRuns: apiAll,
      ...(judged ? { target: '>= 20x cheaper', goal: { what: '50 containers: runbus vs polling the stats endpoint', on: 'ratio' as const, max: 0.05 } } : {}),
    });
    rows.push({
      name: `${n} containers: per container, runbus vs docker stats`, value: mean(added) / n, runs: added.map((x) => x / n), unit: '% of one core per container', better: 'lower',
      peer: 'docker stats --no-stream', peerValue: median(cliAll) / n, peerRuns: cliAll.map((x) => x / n),
      ...(judged ? { target: '>= 20x cheaper', goal: { what: '50 containers: runbus vs docker stats, per container', on: 'ratio' as const, max: 0.05 } } : {}),
    });
    rows.push({
      name: `${n} containers at 1 s: runbus beside the floor (the cgroup reads and a minimal insert)`, ...whole(added), unit: '% of one core', better: 'lower',
      peer: 'the floor: three kept-open cgroup files read per container and its row inserted in the tick\'s transaction (plain Node and better-sqlite3), minus the same loop watching none', peerValue: mean(floorAdded), peerRuns: floorAdded,
      note: `gap ${(mean(added) - mean(floorAdded)).toFixed(2)} % of a core: encode in the sampler worker, transfer, decode, the bus, the batcher, the store writer's insert of the full rows and the rollups`,
    });
    if (before.length > 0) {
      rows.push({
        name: `${n} containers at 1 s: added by watching them, this checkout beside BENCH_CLI_BEFORE_ROOT's (same windows)`, ...whole(added), unit: '% of one core', better: 'lower',
        peer: `before: ${beforeRoot}`, peerValue: mean(addedBefore), peerRuns: addedBefore,
      });
    }
    rows.push({
      name: `${n} containers: the method's noise, two identical hubs watching none (bare2 − bare, same windows)`, ...whole(noise), unit: '% of one core', better: 'lower',
      note: 'what a hub minus one baseline reads with nothing to measure (the figure above takes the mean of both baselines)',
    });
    rows.push({ name: `${n} containers: first ${(kColdMs / 1000).toFixed(0)} s of a cold hub, added by watching them`, value: coldAdded, unit: '% of one core', better: 'lower', note: 'once per hub: V8 compiling the tick\'s code (sampler worker and main thread) on its helper threads; not in the windows above' });
    rows.push({ name: `${n} containers: cgroup reads per container per tick`, value: perContainerUs, unit: 'µs', better: 'lower', note: 'CPU time of one thread (in the hub: the sampler worker); three preads a tick, limit, memory.stat and blkio one tick in ten' });
    await engine.docker('rm', '-f', ...ids);
  }
  rows.push({ name: 'load average (1 / 5 min)', value: Number.NaN, unit: '', better: 'lower', note: `${load0} before, ${loadAvg()} after` });
} finally {
  await engine.stop();
}
report('containers', rows);
