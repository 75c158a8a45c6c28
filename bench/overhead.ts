// What monitoring costs an app of 20 sleeping processes at 1 s cadence.
//  1. CPU time of the whole hub process (createHub defaults: sampler pool,
//     host figures, bus, store writer, built-in alert rules; db in a temp
//     dir, no GPU probe) per wall second, as % of one core; beside, each in
//     a fresh process and over the same windows: a loop polling the same 20
//     pids with pidusage at 1 Hz, prom-client's collectDefaultMetrics with
//     its registry scraped at 1 Hz, and systeminformation processes() at
//     1 Hz. Every contender loads the same modules; an idle node that loads
//     them and does nothing is measured the same way and subtracted (net);
//     the raw figures are in the notes.
//  2. The slowdown of a fixed CPU-bound workload (a deterministic hash loop,
//     ~2 s) with the hub embedded in the app (sampling itself and its 20
//     children) against the same workload alone, alternated, medians; beside
//     pidusage and prom-client embedded the same way.
//
// The contenders run side by side (bench/fixtures/contender.mjs), so a
// noisy machine hits them alike; CPU time, not wall time, is what is
// compared. bench/samplers.ts has the sampler alone (no store, no alerts).
//
//   npm run build && node --import tsx bench/overhead.ts [--quick]
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cleanUp, kRoot, loadAvg, pctOfCore, sideBySide, spawnSleepers, startContender, tempDir, track } from './fixtures/harness.js';
import type { Contender, Mode, Reading } from './fixtures/harness.js';
import { median, quick, report } from './lib.js';
import type { BenchRow } from './lib.js';

const kProcesses = 20;
const kWindows = quick ? 1 : 3;
const kWindowMs = quick ? 2000 : 20_000;
const kWarmTicks = quick ? 1 : 5;
const kSlowReps = quick ? 1 : 5;
const kSlowChunks = quick ? 250 : 1200; // ~0.45 s / ~2 s of hashing here
const kSlowdown = fileURLToPath(new URL('./fixtures/slowdown.mjs', import.meta.url));

const rows: BenchRow[] = [];
const log = (m: string): void => { process.stderr.write(`overhead: ${m}\n`); };
const loads: string[] = [loadAvg()];

interface Slow { variant: string; wallMs: number; cpuMs: number; mainMs: number }

async function slowdown(variants: string[], dir: string): Promise<Slow[]> {
  const child = track(spawn(process.execPath, ['--expose-gc', kSlowdown, String(kSlowReps), String(kSlowChunks), dir, variants.join(',')], {
    cwd: kRoot, stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  }));
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => { out += d; });
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`slowdown child exited with ${code}`);
  return out.trim().split('\n').map((l) => JSON.parse(l) as Slow);
}

try {
  const dir = tempDir('rb-bench-overhead-');
  const app = await spawnSleepers(kProcesses);
  log(`load ${loadAvg()}; starting contenders`);
  const modes: Mode[] = ['idle', 'skeleton', 'runbus', 'runbus-bare', 'pidusage', 'prom', 'si'];
  const cs: Contender[] = await Promise.all(modes.map((m) => startContender(m, app.pids, dir, kWarmTicks)));
  const own: Record<string, number[]> = {};
  const withKids: Record<string, number[]> = {};
  const ticks: Record<string, number[]> = {};
  let last: Reading | undefined;
  await sideBySide(cs, kWindows, kWindowMs, (w, a, b) => {
    loads.push(loadAvg());
    for (const [i, c] of cs.entries()) {
      const p = pctOfCore(a[i]!, b[i]!);
      (own[c.mode] ??= []).push(p.own);
      (withKids[c.mode] ??= []).push(p.withChildren);
      (ticks[c.mode] ??= []).push(b[i]!.ticks - a[i]!.ticks);
      if (c.mode === 'runbus') last = b[i];
    }
    log(`window ${w + 1}/${kWindows}: ${cs.map((c, i) => `${c.mode} ${(own[c.mode]![w]!).toFixed(3)}%${c.mode === 'si' ? ` (+ps ${(withKids.si![w]! - own.si![w]!).toFixed(2)}%)` : ''} [rss ${(b[i]!.rss / 2 ** 20).toFixed(0)} MiB]`).join(', ')}`);
  });
  await Promise.all(cs.map((c) => c.stop()));
  app.kill();

  // Children's CPU (ps) counts for systeminformation: it is work done for it.
  const raw = (m: Mode): number => median(m === 'si' ? withKids[m]! : own[m]!);
  const idle = median(own.idle!);
  const net = (m: Mode): number => raw(m) - idle;
  const runbusNote = `createHub defaults, 20 tracked pids + itself + host; net of an idle node with the same imports (${idle.toFixed(3)} %); raw ${raw('runbus').toFixed(3)} %; ${median(ticks.runbus!)} ticks/window; ${last?.processes ?? '?'} processes, ${last?.samplerErrors ?? '?'} sampler errors, ${last?.rows ?? '?'} rows stored; median of ${kWindows} × ${kWindowMs / 1000} s windows, side by side`;
  const peerNote = (m: Mode, what: string): string => `${what}: raw ${raw(m).toFixed(3)} %, ${median(ticks[m]!)} polls/window`;
  rows.push(
    {
      name: `whole hub, 1 s cadence, ${kProcesses} processes (net of idle node)`,
      value: net('runbus'), unit: '% of one core', better: 'lower',
      peer: 'pidusage loop at 1 Hz, same pids', peerValue: net('pidusage'), target: '< 0.1 %',
      note: `${runbusNote}; ${peerNote('pidusage', 'pidusage')}`,
    },
    {
      name: `whole hub, 1 s cadence, ${kProcesses} processes (net of idle node)`,
      value: net('runbus'), unit: '% of one core', better: 'lower',
      peer: 'prom-client collectDefaultMetrics, scraped at 1 Hz', peerValue: net('prom'),
      note: peerNote('prom', 'prom-client (its own process only)'),
    },
    {
      name: `whole hub, 1 s cadence, ${kProcesses} processes (net of idle node)`,
      value: net('runbus'), unit: '% of one core', better: 'lower',
      peer: 'systeminformation processes() at 1 Hz', peerValue: net('si'),
      note: `${peerNote('si', 'systeminformation incl. its ps children')}; without ps ${(median(own.si!) - idle).toFixed(3)} %`,
    },
    {
      name: `whole hub, 1 s cadence, ${kProcesses} processes (raw, idle node included)`,
      value: raw('runbus'), unit: '% of one core', better: 'lower',
      peer: 'idle node, same imports', peerValue: idle,
      note: 'peer here is the baseline itself (so the ratio is below 1)',
    },
    {
      name: `hub without store and alerts (db: false, alerts: false), ${kProcesses} processes (net)`,
      value: net('runbus-bare'), unit: '% of one core', better: 'lower',
      peer: 'pidusage loop at 1 Hz, same pids', peerValue: net('pidusage'),
      note: `sampler pool, host figures, bus, heartbeats only: where the whole hub's cost goes; raw ${raw('runbus-bare').toFixed(3)} %, ${median(ticks['runbus-bare']!)} ticks/window`,
    },
    {
      name: 'skeleton: pool task + worker round trip at 1 Hz, 100 ms loop timer, no work (net)',
      value: net('skeleton'), unit: '% of one core', better: 'lower',
      peer: 'pidusage loop at 1 Hz, same pids', peerValue: net('pidusage'), target: '< 0.1 % (whole hub)',
      note: `the threads and wake-ups the hub's design needs before sampling, storing or alerting anything: the floor under the whole-hub figure; raw ${raw('skeleton').toFixed(3)} %`,
    },
  );

  // Slowdown: runbus and pidusage alternate with "none" in one process,
  // prom-client (which leaves monitors running) with "none" in another.
  log(`load ${loadAvg()}; slowdown runs`);
  // --quick (one round, in this order) runs prom-client last in the same process.
  const a = await slowdown(quick ? ['none', 'runbus', 'pidusage', 'prom'] : ['none', 'runbus', 'pidusage'], dir);
  const b = quick ? a : await slowdown(['none', 'prom'], dir);
  loads.push(loadAvg());
  const med = (xs: Slow[], v: string, k: 'wallMs' | 'cpuMs' | 'mainMs'): number => median(xs.filter((x) => x.variant === v).map((x) => x[k]));
  const pct = (xs: Slow[], v: string, k: 'wallMs' | 'cpuMs' | 'mainMs'): number => (med(xs, v, k) / med(xs, 'none', k) - 1) * 100;
  const spread = (xs: Slow[], k: 'wallMs' | 'cpuMs' | 'mainMs'): string => {
    const v = xs.filter((x) => x.variant === 'none').map((x) => x[k]);
    return `${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)} ms`;
  };
  const base = `workload ${med(a, 'none', 'wallMs').toFixed(0)} ms alone (median of ${kSlowReps}, alternated)`;
  for (const [k, label] of [['wallMs', 'wall time'], ['mainMs', 'main-thread CPU time'], ['cpuMs', 'process CPU time (all threads)']] as const) {
    rows.push(
      {
        name: `slowdown of a CPU-bound workload, embedded, ${label}`,
        value: pct(a, 'runbus', k), unit: '% of workload', better: 'lower',
        peer: 'pidusage embedded, 1 Hz, same pids', peerValue: pct(a, 'pidusage', k), target: k === 'wallMs' ? '< 1 %' : undefined,
        note: `${base}; runbus ${med(a, 'runbus', k).toFixed(0)} ms, pidusage ${med(a, 'pidusage', k).toFixed(0)} ms, alone ${med(a, 'none', k).toFixed(0)} ms (alone ranged ${spread(a, k)}: the noise floor)`,
      },
      {
        name: `slowdown of a CPU-bound workload, embedded, ${label}`,
        value: pct(a, 'runbus', k), unit: '% of workload', better: 'lower',
        peer: 'prom-client default metrics embedded, scraped 1 Hz', peerValue: pct(b, 'prom', k),
        note: `prom-client against its own "alone" runs (separate process): ${med(b, 'prom', k).toFixed(0)} vs ${med(b, 'none', k).toFixed(0)} ms`,
      },
    );
    log(`slowdown (${label}): runbus ${pct(a, 'runbus', k).toFixed(2)} %, pidusage ${pct(a, 'pidusage', k).toFixed(2)} %, prom ${pct(b, 'prom', k).toFixed(2)} %`);
  }
} finally {
  cleanUp();
}

for (const r of rows) r.note = `${r.note ?? ''}${r.note === undefined ? '' : '; '}load avg (1/5 min) during run: ${loads.join(' → ')}`;
report('overhead', rows);
