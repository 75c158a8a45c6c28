// Workload `containers`: the cost of watching N running containers at 1 s,
// beside what users do today, in the same run: polling `docker stats
// --no-stream`, and polling the Engine API's stats endpoint for each
// container. Each contender gets a window of its own; the CPU counted is the
// contender's own (this process, or the docker CLI children it reaped) plus
// dockerd, containerd and the shims during that window — the engine is
// where the stats API puts its cost.
//
//   node --import tsx bench/containers.ts [--quick]
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { createHub } from '../src/hub/index.js';
import { createContainerSampler, DockerClient, parseDockerHost } from '../src/containers/index.js';
import type { ContainerTarget } from '../src/containers/index.js';
import { dockerEngine } from '../support/docker-engine.js';
import { teardown } from '../support/docker-teardown.js';
import { cpuMs, quick, report } from './lib.js';
import type { BenchRow } from './lib.js';

const run = promisify(execFile);
const kTick = 1000 / 100; // clock ticks per ms (USER_HZ 100)
const windowMs = quick ? 4000 : 15_000;
const counts = quick ? [10] : [10, 50];
const kLabel = `runbus.bench=containers-${process.pid}`;

/** utime+stime (ms) of dockerd, containerd and the shims, and of reaped children of this process. */
function engineCpuMs(): number {
  let total = 0;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${d}/stat`, 'utf8');
    } catch {
      continue;
    }
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    if (comm !== 'dockerd' && comm !== 'containerd' && !comm.startsWith('containerd-shim')) continue;
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    total += (Number(f[11]) + Number(f[12])) / kTick;
  }
  return total;
}
function childCpuMs(): number {
  const f = readFileSync('/proc/self/stat', 'utf8');
  const x = f.slice(f.lastIndexOf(')') + 2).split(' ');
  return (Number(x[13]) + Number(x[14])) / kTick;
}

async function window(fn: (stop: () => boolean) => Promise<void>): Promise<{ own: number; engine: number; seconds: number }> {
  const e0 = engineCpuMs();
  const c0 = cpuMs() + childCpuMs();
  const t0 = performance.now();
  const end = t0 + windowMs;
  await fn(() => performance.now() >= end);
  const seconds = (performance.now() - t0) / 1000;
  return { own: (cpuMs() + childCpuMs() - c0) / 10 / seconds, engine: (engineCpuMs() - e0) / 10 / seconds, seconds };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const rows: BenchRow[] = [];
const engine = await dockerEngine();
if (engine === null) {
  rows.push({ name: 'containers: no Docker engine (needs docker.io and busybox-static)', value: Number.NaN, unit: '', better: 'lower' });
  report('containers', rows);
  process.exit(0);
}
process.env['DOCKER_HOST'] = engine.dockerHost;
try {
  for (const n of counts) {
    const runId = `bench-containers-${n}-${process.pid}`;
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await engine.docker('run', '-d', '--label', kLabel, '--label', `runbus.run=${runId}`, 'runbus-test-busybox:latest', 'sleep', '600')).trim());
    await sleep(2000);
    const client = new DockerClient({ endpoint: parseDockerHost(engine.dockerHost) });

    // 1. runbus: a whole hub (host sampling on, store on) watching them at 1 s.
    const hub = await createHub({ runId, db: false, self: false, gpu: false, handleSignals: false, alerts: false, intervalMs: 1000, containers: { filter: `label=${kLabel}`, dockerHost: engine.dockerHost } });
    await sleep(1500);
    const hubCost = await window(async (stop) => { while (!stop()) await sleep(100); });
    await hub.close();
    // The hub again without containers: the difference is what containers add.
    const bare = await createHub({ db: false, self: false, gpu: false, handleSignals: false, alerts: false, intervalMs: 1000 });
    await sleep(1500);
    const bareCost = await window(async (stop) => { while (!stop()) await sleep(100); });
    await bare.close();

    // Per container per tick: the cgroup reads alone, in this thread.
    const targets: ContainerTarget[] = [];
    for (const id of ids) {
      const d = await client.inspect(id);
      targets.push({ id, name: d.name, image: d.image, pid: d.pid });
    }
    const sampler = createContainerSampler();
    sampler.sample(targets, 'bench', Date.now());
    const reps = quick ? 20 : 100;
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) sampler.sample(targets, 'bench', Date.now());
    const perContainerUs = ((performance.now() - t0) * 1000) / reps / n;

    // 2. `docker stats --no-stream` every second.
    const cli = await window(async (stop) => {
      while (!stop()) {
        const t = performance.now();
        await run('docker', ['stats', '--no-stream', '--format', '{{.ID}} {{.CPUPerc}} {{.MemUsage}}', ...ids]);
        await sleep(Math.max(0, 1000 - (performance.now() - t)));
      }
    });
    // 3. The stats endpoint (stream=false: two samples, ~1 s each) for every container, every second.
    const api = await window(async (stop) => {
      while (!stop()) {
        const t = performance.now();
        await Promise.all(ids.map((id) => new DockerClient({ endpoint: parseDockerHost(engine.dockerHost), statsTimeoutMs: 5000 }).stats(id).catch(() => undefined)));
        await sleep(Math.max(0, 1000 - (performance.now() - t)));
      }
    });
    client.close();

    const added = hubCost.own + hubCost.engine - (bareCost.own + bareCost.engine);
    const allIn = (c: { own: number; engine: number }) => c.own + c.engine;
    rows.push({ name: `${n} containers at 1 s: whole hub with containers, engine included`, value: allIn(hubCost), unit: '% of one core', better: 'lower', peer: 'docker stats --no-stream each second', peerValue: allIn(cli), target: n === 50 ? '<= 0.5 (added by containers)' : undefined, note: `own ${hubCost.own.toFixed(2)} + engine ${hubCost.engine.toFixed(2)}; hub without containers ${allIn(bareCost).toFixed(2)}` });
    rows.push({ name: `${n} containers: added by watching them (hub with − hub without)`, value: added, unit: '% of one core', better: 'lower', peer: 'Engine API stats, every container each second', peerValue: allIn(api), note: `api: own ${api.own.toFixed(2)} + engine ${api.engine.toFixed(2)}; cli: own ${cli.own.toFixed(2)} + engine ${cli.engine.toFixed(2)}` });
    rows.push({ name: `${n} containers: cgroup reads per container per tick`, value: perContainerUs, unit: 'µs', better: 'lower', note: 'in the sampler worker' });
    rows.push({ name: `${n} containers: per container, runbus vs docker stats poll`, value: Math.max(added, 0.001) / n, unit: '% of one core per container', better: 'lower', peer: 'docker stats --no-stream', peerValue: allIn(cli) / n, target: '>= 20x cheaper', note: `ratio ${(allIn(cli) / Math.max(added, 0.001)).toFixed(0)}x` });
    await engine.docker('rm', '-f', ...ids);
  }
} finally {
  await teardown();
}
report('containers', rows);
