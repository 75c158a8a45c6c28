// Scale: the whole hub (createHub defaults, db in a temp dir, no GPU probe)
// monitoring 10 / 100 / 1000 sleeping processes at 1 s cadence (--quick: 10
// and 100): CPU % of one core and RSS of the hub process, beside a loop
// polling the same pids with pidusage at 1 Hz, each in a fresh process and
// side by side over the same windows, net of an idle node that loads the
// same modules (bench/fixtures/contender.mjs).
//
//   npm run build && node --import tsx bench/scale.ts [--quick]
import { cleanUp, loadAvg, pctOfCore, sideBySide, spawnSleepers, startContender, tempDir } from './fixtures/harness.js';
import type { Contender, Reading } from './fixtures/harness.js';
import { median, quick, report } from './lib.js';
import type { BenchRow } from './lib.js';

const kSets = quick ? [10, 100] : [10, 100, 1000];
const kWindows = quick ? 1 : 3;
const kWindowMs = quick ? 1500 : 15_000;
const kWarmTicks = quick ? 1 : 5;

const rows: BenchRow[] = [];
const log = (m: string): void => { process.stderr.write(`scale: ${m}\n`); };
const loads: string[] = [loadAvg()];
const MiB = 2 ** 20;

async function measure(n: number, dir: string): Promise<BenchRow[]> {
  const app = await spawnSleepers(n);
  const cs: Contender[] = await Promise.all((['idle', 'runbus', 'pidusage'] as const).map((m) => startContender(m, app.pids, dir, kWarmTicks)));
  const cpu: Record<string, number[]> = {};
  const rss: Record<string, number[]> = {};
  let last: Reading | undefined;
  await sideBySide(cs, kWindows, kWindowMs, (w, a, b) => {
    loads.push(loadAvg());
    for (const [i, c] of cs.entries()) {
      (cpu[c.mode] ??= []).push(pctOfCore(a[i]!, b[i]!).own);
      (rss[c.mode] ??= []).push(b[i]!.rss / MiB);
      if (c.mode === 'runbus') last = b[i];
    }
    log(`n=${n} window ${w + 1}/${kWindows}: ${cs.map((c) => `${c.mode} ${cpu[c.mode]![w]!.toFixed(3)}% ${rss[c.mode]![w]!.toFixed(0)} MiB`).join(', ')}`);
  });
  await Promise.all(cs.map((c) => c.stop()));
  app.kill();
  const idle = median(cpu.idle!);
  const ours = median(cpu.runbus!) - idle;
  const theirs = median(cpu.pidusage!) - idle;
  return [
    {
      name: `whole hub, 1 s cadence, ${n} processes (net of idle node)`,
      value: ours, unit: '% of one core', better: 'lower',
      peer: 'pidusage loop at 1 Hz, same pids', peerValue: theirs,
      target: n === 1000 ? '<= 2 %' : undefined,
      note: `raw runbus ${median(cpu.runbus!).toFixed(3)} %, pidusage ${median(cpu.pidusage!).toFixed(3)} %, idle ${idle.toFixed(3)} %; per process: runbus ${((ours * 1e4) / n).toFixed(2)} µs/s, pidusage ${((theirs * 1e4) / n).toFixed(2)} µs/s; hub saw ${last?.processes ?? '?'} processes, ${last?.samplerErrors ?? '?'} errors, ${last?.rows ?? '?'} rows; median of ${kWindows} × ${kWindowMs / 1000} s windows`,
    },
    {
      name: `hub RSS, ${n} processes`,
      value: median(rss.runbus!), unit: 'MiB', better: 'lower',
      peer: 'pidusage loop process RSS', peerValue: median(rss.pidusage!),
      note: `idle node with the same imports ${median(rss.idle!).toFixed(0)} MiB`,
    },
  ];
}

try {
  const dir = tempDir('rb-bench-scale-');
  // --quick measures its two sets side by side to stay short.
  if (quick) rows.push(...(await Promise.all(kSets.map((n) => measure(n, dir)))).flat());
  else for (const n of kSets) rows.push(...await measure(n, dir));
} finally {
  cleanUp();
}

for (const r of rows) r.note = `${r.note ?? ''}; load avg (1/5 min) during run: ${loads.join(' → ')}`;
report('scale', rows);
