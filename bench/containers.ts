// Workload `containers`: the cost of watching N running busybox containers
// at 1 s, beside what users do today, in the same run: polling `docker stats
// --no-stream`, and polling the Engine API's stats endpoint (one-shot) for
// each container. The engine is a dockerd of this bench's own
// (support/docker-engine.ts: no networking, vfs storage, in a temp dir), so
// its CPU is the contenders' alone. Each contender gets windows of its own,
// rounds interleaved; the CPU counted is the contender's own (this process,
// and the docker CLI children it reaped) plus the engine's — dockerd, its
// containerd and the shims — during that window: the engine is where the
// stats API puts its cost. runbus's figure is a hub watching the containers
// minus the same hub watching none, both with the engine counted.
//
//   npm run build && node --import tsx bench/containers.ts [--quick]
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { createHub } from '../src/hub/index.js';
import { createContainerSampler, DockerClient, parseDockerHost } from '../src/containers/index.js';
import type { ContainerTarget } from '../src/containers/index.js';
import { startPrivateEngine } from '../support/docker-engine.js';
import type { PrivateEngine } from '../support/docker-engine.js';
import { loadAvg } from './fixtures/harness.js';
import { cpuMs, fromRuns, kRounds, median, quick, report } from './lib.js';
import type { BenchRow } from './lib.js';

const run = promisify(execFile);
const kTick = 1000 / 100; // clock ticks per ms (USER_HZ 100)
const windowMs = quick ? 4000 : 12_000;
const rounds = quick ? 1 : kRounds;
const counts = quick ? [10] : [10, 50];
const kLabel = 'runbus.bench=containers';
const log = (m: string): void => { process.stderr.write(`containers: ${m}\n`); };

/** utime+stime (ms) of this bench's engine: dockerd, its descendants, and the shims serving its containerd. */
function engineCpuMs(e: PrivateEngine): number {
  const procs = new Map<number, { ppid: number; ms: number; comm: string }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'latin1');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.set(Number(d), { ppid: Number(f[1]), ms: (Number(f[11]) + Number(f[12])) / kTick, comm });
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
  let total = 0;
  for (const [pid, p] of procs) if (ours(pid)) total += p.ms;
  return total;
}

/** CPU time of the calling thread, ns. */
function threadCpuNs(): number {
  return Number(readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ')[0]);
}

function childCpuMs(): number {
  const f = readFileSync('/proc/self/stat', 'utf8');
  const x = f.slice(f.lastIndexOf(')') + 2).split(' ');
  return (Number(x[13]) + Number(x[14])) / kTick;
}

interface Cost { own: number; engine: number }
const allIn = (c: Cost): number => c.own + c.engine;

async function window(e: PrivateEngine, fn: (stop: () => boolean) => Promise<void>): Promise<Cost> {
  const e0 = engineCpuMs(e);
  const c0 = cpuMs() + childCpuMs();
  const t0 = performance.now();
  const end = t0 + windowMs;
  await fn(() => performance.now() >= end);
  const seconds = (performance.now() - t0) / 1000;
  return { own: (cpuMs() + childCpuMs() - c0) / 10 / seconds, engine: (engineCpuMs(e) - e0) / 10 / seconds };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const idle = async (stop: () => boolean): Promise<void> => { while (!stop()) await sleep(100); };

/** Calls `fn` once a second until the window ends. */
async function everySecond(stop: () => boolean, fn: () => Promise<unknown>): Promise<void> {
  while (!stop()) {
    const t = performance.now();
    await fn();
    await sleep(Math.max(0, 1000 - (performance.now() - t)));
  }
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
    const hubOpts = { db: false as const, self: false as const, gpu: false, handleSignals: false, alerts: false as const, intervalMs: 1000 };
    const withC: Cost[] = [];
    const without: Cost[] = [];
    const cli: Cost[] = [];
    const api: Cost[] = [];
    for (let r = 0; r < rounds; r++) {
      // runbus: a whole hub (host sampling on) watching them at 1 s, then the same hub watching none.
      const hub = await createHub({ ...hubOpts, runId, containers: { filter: `label=${kLabel}`, dockerHost: engine.dockerHost } });
      await sleep(2000);
      withC.push(await window(engine, idle));
      await hub.close();
      const bare = await createHub(hubOpts);
      await sleep(2000);
      without.push(await window(engine, idle));
      await bare.close();
      // `docker stats --no-stream` for the same containers every second.
      cli.push(await window(engine, (stop) => everySecond(stop, () => run('docker', ['stats', '--no-stream', '--format', '{{.ID}} {{.CPUPerc}} {{.MemUsage}}', ...ids], { env: { ...process.env, DOCKER_HOST: engine.dockerHost } }))));
      // The stats endpoint (one-shot) for every container every second.
      api.push(await window(engine, (stop) => everySecond(stop, () => Promise.all(ids.map((id) => client.stats(id).catch(() => undefined))))));
      log(`${n} containers, round ${r + 1}: hub ${allIn(withC[r]!).toFixed(2)} %, bare hub ${allIn(without[r]!).toFixed(2)} %, docker stats ${allIn(cli[r]!).toFixed(2)} %, API ${allIn(api[r]!).toFixed(2)} %`);
    }

    // Per container per tick: the cgroup reads alone, on this thread.
    const targets: ContainerTarget[] = [];
    for (const id of ids) {
      const d = await client.inspect(id);
      targets.push({ id, name: d.name, image: d.image, pid: d.pid });
    }
    client.close();
    const sampler = createContainerSampler();
    sampler.sample(targets, 'bench', Date.now());
    // CPU time of this thread, not wall time: on a loaded machine the wall clock counts other jobs' turns.
    const reps = quick ? 20 : 200;
    const c0 = threadCpuNs();
    for (let i = 0; i < reps; i++) sampler.sample(targets, 'bench', Date.now());
    const perContainerUs = (threadCpuNs() - c0) / 1000 / reps / n;

    const added = withC.map((c, i) => allIn(c) - allIn(without[i]!));
    const cliAll = cli.map(allIn);
    const apiAll = api.map(allIn);
    const parts = (xs: Cost[]): string => `own ${median(xs.map((c) => c.own)).toFixed(2)} + engine ${median(xs.map((c) => c.engine)).toFixed(2)}`;
    const note = `hub with containers ${parts(withC)}, without ${parts(without)}; docker stats ${parts(cli)}; API ${parts(api)}`;
    const judged = n === 50;
    rows.push({
      name: `${n} containers at 1 s: added by watching them (hub with − without), engine included`, ...fromRuns(added), unit: '% of one core', better: 'lower',
      peer: 'docker stats --no-stream each second, engine included', peerValue: median(cliAll), peerRuns: cliAll,
      ...(judged ? { target: '<= 0.5', goal: { what: '50 containers at 1 s, engine included', on: 'value' as const, max: 0.5 } } : {}), note,
    });
    rows.push({
      name: `${n} containers at 1 s: added by watching them, vs the stats endpoint`, ...fromRuns(added), unit: '% of one core', better: 'lower',
      peer: 'Engine API stats (one-shot) for each container each second, engine included', peerValue: median(apiAll), peerRuns: apiAll,
      ...(judged ? { target: '>= 20x cheaper', goal: { what: '50 containers: runbus vs polling the stats endpoint', on: 'ratio' as const, max: 0.05 } } : {}),
    });
    rows.push({
      name: `${n} containers: per container, runbus vs docker stats`, value: median(added) / n, runs: added.map((x) => x / n), unit: '% of one core per container', better: 'lower',
      peer: 'docker stats --no-stream', peerValue: median(cliAll) / n, peerRuns: cliAll.map((x) => x / n),
      ...(judged ? { target: '>= 20x cheaper', goal: { what: '50 containers: runbus vs docker stats, per container', on: 'ratio' as const, max: 0.05 } } : {}),
    });
    rows.push({ name: `${n} containers: cgroup reads per container per tick`, value: perContainerUs, unit: 'µs', better: 'lower', note: 'CPU time of one thread (in the hub: the sampler worker); three preads a tick, limit, memory.stat and blkio one tick in ten' });
    await engine.docker('rm', '-f', ...ids);
  }
  rows.push({ name: 'load average (1 / 5 min)', value: Number.NaN, unit: '', better: 'lower', note: `${load0} before, ${loadAvg()} after` });
} finally {
  await engine.stop();
}
report('containers', rows);
