// What embedding the hub costs an application's own work: a fixed CPU-bound
// workload (a deterministic hash loop, ~2 s, yielding to the event loop
// between chunks as any real app does) run alone and with the hub embedded in
// the same process (createHub defaults: it samples the process and its 20
// sleeping children, host figures, store, alerts), alternated in a rotating
// order. Each rep pairs every variant with the "alone" run of the same rep,
// so a machine that slows down between reps hits both sides of the ratio;
// the figure is the median of the paired slowdowns. Many short reps rather
// than a few long ones: the median of 31 pairs moves far less between runs
// than that of 11. The target is judged on the app's main-thread CPU time
// (schedstat): what the hub's callbacks take from the app's own thread, which
// other jobs on the machine do not change; wall time, shown beside it, moves
// by several points from run to run on a shared 2-core machine. Beside it: pidusage
// polling the same processes at 1 Hz in the same process, and prom-client's
// default metrics (in a process of their own: they leave monitors running).
//
//   npm run build && node --import tsx bench/slowdown.ts [--quick]
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cleanUp, kRoot, loadAvg, tempDir, track } from './fixtures/harness.js';
import { median, quick, report } from './lib.js';
import type { BenchRow } from './lib.js';

const kReps = quick ? 3 : 31;
const kChunks = quick ? 250 : 300; // ~0.45 s / ~0.5 s of hashing here (2-4× that on a loaded machine)
const kChild = fileURLToPath(new URL('./fixtures/slowdown.mjs', import.meta.url));

const rows: BenchRow[] = [];
const log = (m: string): void => { process.stderr.write(`slowdown: ${m}\n`); };
const loads: string[] = [loadAvg()];

interface Slow { variant: string; wallMs: number; cpuMs: number; mainMs: number }
type Key = 'wallMs' | 'cpuMs' | 'mainMs';

async function run(variants: string[], dir: string): Promise<Slow[][]> {
  const child = track(spawn(process.execPath, ['--expose-gc', kChild, String(kReps), String(kChunks), dir, variants.join(',')], {
    cwd: kRoot, stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  }));
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => { out += d; });
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`slowdown child exited with ${code}`);
  const all = out.trim().split('\n').map((l) => JSON.parse(l) as Slow);
  // One rep is one run of each variant, in the child's rotating order.
  const reps: Slow[][] = [];
  for (let i = 0; i < all.length; i += variants.length) reps.push(all.slice(i, i + variants.length));
  return reps;
}

/** Paired slowdown of `v` against "alone" in each rep, in %. */
const paired = (reps: Slow[][], v: string, k: Key): number[] => reps.map((rep) => {
  const alone = rep.find((x) => x.variant === 'none')![k];
  return (rep.find((x) => x.variant === v)![k] / alone - 1) * 100;
});

try {
  const dir = tempDir('rb-bench-slowdown-');
  log(`load ${loadAvg()}; ${kReps} reps of none, runbus, pidusage`);
  const a = await run(['none', 'runbus', 'pidusage'], dir);
  loads.push(loadAvg());
  log(`load ${loadAvg()}; ${kReps} reps of none, prom`);
  const b = await run(['none', 'prom'], dir);
  loads.push(loadAvg());
  const alone = a.map((rep) => rep.find((x) => x.variant === 'none')!.wallMs);
  for (const [k, label] of [['wallMs', 'wall time'], ['mainMs', 'main-thread CPU time'], ['cpuMs', 'process CPU time (all threads)']] as const) {
    const ours = paired(a, 'runbus', k);
    const pid = paired(a, 'pidusage', k);
    const prom = paired(b, 'prom', k);
    rows.push(
      {
        name: `slowdown of a CPU-bound app, hub embedded, ${label}`,
        value: median(ours), runs: ours, unit: '% of the work', better: 'lower',
        peer: 'pidusage embedded, 1 Hz, same pids', peerValue: median(pid), peerRuns: pid,
        ...(k === 'mainMs' ? { goal: { what: "slowdown of an app's main thread with the hub embedded (CPU time)", on: 'value' as const, max: 1 } } : {}),
        note: `median of ${kReps} paired reps; the workload alone took ${median(alone).toFixed(0)} ms (${Math.min(...alone).toFixed(0)}–${Math.max(...alone).toFixed(0)})`,
      },
      {
        name: `slowdown of a CPU-bound app, hub embedded, ${label}`,
        value: median(ours), runs: ours, unit: '% of the work', better: 'lower',
        peer: 'prom-client default metrics embedded, read 1 Hz', peerValue: median(prom), peerRuns: prom,
        note: 'prom-client against its own "alone" runs, in a process of its own',
      },
    );
    log(`${label}: runbus ${median(ours).toFixed(2)} % (${Math.min(...ours).toFixed(2)}…${Math.max(...ours).toFixed(2)}), pidusage ${median(pid).toFixed(2)} %, prom ${median(prom).toFixed(2)} %`);
  }
} finally {
  cleanUp();
}

for (const r of rows) r.note = `${r.note ?? ''}; load avg (1/5 min) during run: ${loads.join(' → ')}`;
report('slowdown', rows);
