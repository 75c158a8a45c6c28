// The iteration-loop pack of seeds 002/004: an autonomous loop whose
// evaluations each run in a Docker container, watched by an embedded runbus
// hub. It publishes the seeds' domain METRICs, ships their five alerts
// (rules.yaml), cleans orphaned sandbox containers, and logs a statistics
// summary every 6 hours (seed 004 R5.4; --stats-period-ms makes it seconds).
//
//   npx tsx examples/iteration-loop/loop.ts --iterations 30 --metrics-port 8000
//   ITERATION_IMAGE=busybox:latest npx tsx examples/iteration-loop/loop.ts
//
// Grafana: import grafana-dashboard.json (its queries use only series that
// /metrics serves). Without a Docker engine the evaluations run in-process
// and the container panels stay empty.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { createHub, parseAlertRules, Topic } from '../../src/index.js';

const run = promisify(execFile);
const { values: a } = parseArgs({
  options: {
    iterations: { type: 'string', default: '100' },
    db: { type: 'string', default: './runbus.db' },
    'metrics-port': { type: 'string' },
    'stats-period-ms': { type: 'string', default: String(6 * 3600 * 1000) },
    'no-containers': { type: 'boolean', default: false },
    image: { type: 'string', default: process.env['ITERATION_IMAGE'] ?? 'runbus-test-busybox:latest' },
    seed: { type: 'string', default: '1' },
  },
});
const iterations = Number(a.iterations);
const statsPeriodMs = Number(a['stats-period-ms']);
const rules = parseAlertRules(parse(readFileSync(new URL('./rules.yaml', import.meta.url), 'utf8')) as unknown[]);

// A small deterministic generator, so a run can be repeated.
let s = Number(a.seed) >>> 0 || 1;
const rnd = (): number => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);

const useContainers = !a['no-containers'] && (await run('docker', ['info', '--format', '{{.ServerVersion}}']).then(() => true, () => false));
const hub = await createHub({
  db: a.db, self: 'loop', gpu: false, command: 'examples/iteration-loop',
  alerts: { rules },
  ...(a['metrics-port'] === undefined ? {} : { metrics: { port: Number(a['metrics-port']) } }),
  ...(useContainers ? { containers: { filter: 'label=app=sandbox', clean: true, stopTimeoutS: 2 } } : {}),
});
const log = (m: string): void => { process.stderr.write(`${new Date().toISOString()} ${m}\n`); };
if (!useContainers) log('no Docker engine answers: evaluations run in-process');
hub.bus.subscribe([Topic.ALERT], (p) => {
  const al = p;
  log(`ALERT ${al.state === 1 ? 'firing' : 'resolved'} ${al.rule}: ${al.message ?? ''}`);
});

const metric = (name: string, value: number): void => {
  hub.bus.publish(Topic.METRIC, { tsMs: Date.now(), runId: hub.runId, component: 'loop', pid: process.pid, name, value });
};

// One evaluation: a sandboxed container that burns a little cpu, then the
// strategy's figures (simulated: this example is about the monitoring).
async function evaluate(i: number): Promise<{ ok: boolean; sharpe: number; drawdown: number }> {
  if (useContainers) {
    await run('docker', ['run', '--rm', '--label', 'app=sandbox', '--label', `runbus.run=${hub.runId}`, '--name', `eval-${hub.runId}-${i}`,
      '--memory', '64m', a.image, 'sh', '-c', 'head -c 2000000 /dev/urandom > /dev/null; exit 0']).catch(() => undefined);
  } else {
    // Busy for 50 ms without drawing from rnd(): the outcomes depend on the seed alone.
    const end = Date.now() + 50;
    let x = 0;
    while (Date.now() < end) x = Math.sqrt(x + 1);
  }
  const sharpe = rnd() * 3 - 0.5;
  return { ok: sharpe > 0.3, sharpe, drawdown: rnd() * 0.4 };
}

let champion = -Infinity;
let staleness = 0;
let successes = 0;
let totalMs = 0;
let done = 0;
const strategies = new Set<number>();
const window: number[] = [];

const summary = (): void => {
  log(`statistics: total iterations ${done}, avg execution time ${(done === 0 ? 0 : totalMs / done / 1000).toFixed(2)} s, success rate ${(done === 0 ? 0 : (100 * successes) / done).toFixed(1)} %, champion staleness ${staleness} iterations`);
};
const statsTimer = setInterval(summary, statsPeriodMs);
statsTimer.unref();

for (let i = 1; i <= iterations; i++) {
  const t0 = performance.now();
  const r = await evaluate(i);
  const ms = performance.now() - t0;
  done = i;
  totalMs += ms;
  if (r.ok) successes++;
  window.push(r.ok ? 1 : 0);
  if (window.length > 10) window.shift();
  if (r.sharpe > champion) {
    champion = r.sharpe;
    staleness = 0;
  } else staleness++;
  strategies.add(Math.floor(rnd() * 50));
  metric('iteration_number', i);
  metric('iteration_seconds', ms / 1000);
  metric('strategy_success', r.ok ? 1 : 0);
  metric('success_rate', window.reduce((x, y) => x + y, 0) / window.length);
  metric('sharpe_ratio', r.sharpe);
  metric('max_drawdown', r.drawdown);
  metric('population_diversity', Math.max(0, 1 - i / iterations) * rnd());
  metric('unique_strategies', strategies.size);
  metric('champion_staleness_iterations', staleness);
}
clearInterval(statsTimer);
summary();
await hub.close();
