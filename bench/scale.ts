// Scale: the whole hub (createHub defaults, db in a temp dir, no GPU probe)
// monitoring 10 / 100 / 1000 sleeping processes at 1 s cadence (--quick: 10
// and 100): CPU % of one core and RSS of the hub process, beside a loop
// polling the same pids with pidusage at 1 Hz, each in a fresh process and
// side by side over the same windows, net of an idle node that loads the
// same modules (bench/fixtures/contender.mjs).
//
// Beside them, `runbus run --quiet` around a shell with n sleeping children,
// measured from outside (schedstat of its threads). The two are not quite
// alike: the hub (createHub defaults) also samples its own process and event
// loop, which the command line does not (self: false), about 0.3 points at
// 1000 processes; a third contender, the hub with self: false, is the like
// for like of the command line. Tracking n roots rather than one root with n
// descendants costs nothing more (bench/roots.ts, docs/samplers.md).
//
//   npm run build && node --import tsx bench/scale.ts [--quick] [--sets=1000]
import { cleanUp, external, loadAvg, pctOfCore, sideBySide, spawnSleepers, startCli, startContender, tempDir } from './fixtures/harness.js';
import type { Contender, Reading } from './fixtures/harness.js';
import { kRounds, kSteadyMs, median, quick, report } from './lib.js';
import type { BenchRow } from './lib.js';

// --sets=100,1000 picks the set sizes (the 3 % goals go with the largest).
const kSetsArg = process.argv.find((a) => a.startsWith('--sets='))?.slice('--sets='.length);
const kSets = kSetsArg !== undefined ? kSetsArg.split(',').map(Number) : quick ? [10, 100] : [10, 100, 1000];
const kWindows = quick ? 1 : kRounds;
const kWindowMs = quick ? 1500 : 20_000;
const kWarmTicks = quick ? 1 : 5;
// Windows start 35 s after the command line (past V8's one-off
// memory-reducer collection at about 33 s); for the largest set, the one
// with targets, after kSteadyMs (lib.ts says why).
const kCliWarmMs = quick ? 2000 : 35_000;

const rows: BenchRow[] = [];
const log = (m: string): void => { process.stderr.write(`scale: ${m}\n`); };
const loads: string[] = [loadAvg()];
const MiB = 2 ** 20;

async function measure(n: number, dir: string): Promise<BenchRow[]> {
  const app = await spawnSleepers(n);
  // `runbus run --quiet` around its own n sleeping processes, measured from outside.
  const big = n === kSets[kSets.length - 1] && !quick;
  const warmMs = big ? kSteadyMs : kCliWarmMs;
  const cliStarted = performance.now();
  const cli = external('cli', startCli(n, dir));
  const cs: Contender[] = [...await Promise.all((['idle', 'runbus', 'runbus-noself', 'pidusage'] as const).map((m) => startContender(m, app.pids, dir, kWarmTicks))), cli];
  log(`n=${n}: windows from ${warmMs / 1000} s`);
  await new Promise((r) => setTimeout(r, Math.max(0, cliStarted + warmMs - performance.now())));
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
  const net = (xs: number[]): number[] => xs.map((x, i) => x - cpu.idle![i]!);
  return [
    {
      name: `whole hub, ${n} processes, 1 s, own threads (raw)`,
      value: median(cpu.runbus!), runs: cpu.runbus!, unit: '% of one core', better: 'lower',
      peer: 'pidusage loop at 1 Hz, same pids (raw)', peerValue: median(cpu.pidusage!), peerRuns: cpu.pidusage!,
      ...(big ? { goal: { what: `hub at ${n} processes, own threads`, on: 'value' as const, max: 3 } } : {}),
      note: `createHub defaults in a contender process, so it samples its own process and event loop too (runbus run: self: false), and tracks its ${n} processes as ${n} roots; process.cpuUsage() of all its threads; first window after ${warmMs / 1000} s`,
    },
    {
      name: `runbus run --quiet, ${n} processes, 1 s, own threads`,
      value: median(cpu.cli!), runs: cpu.cli!, unit: '% of one core', better: 'lower',
      peer: 'pidusage loop at 1 Hz, same pids (raw)', peerValue: median(cpu.pidusage!), peerRuns: cpu.pidusage!,
      ...(big ? { goal: { what: `runbus run --quiet at ${n} processes, own threads`, on: 'value' as const, max: 3 } } : {}),
      note: `the command line around sh + ${n} sleeps (one root, ${n} descendants found by the tree scan; it samples no process of its own); schedstat of its threads from outside; first window after ${warmMs / 1000} s`,
    },
    {
      // Like for like with the command line: the same hub without self-sampling.
      name: `hub with self: false, ${n} processes, 1 s, own threads (raw)`,
      value: median(cpu['runbus-noself']!), runs: cpu['runbus-noself']!, unit: '% of one core', better: 'lower',
      peer: 'runbus run --quiet, same windows', peerValue: median(cpu.cli!), peerRuns: cpu.cli!,
      note: `createHub defaults but self: false, as runbus run has them (no sampling of its own process, no loop sampler); ${n} roots where the command line has 1 root and ${n} descendants; process.cpuUsage() of all its threads; first window after ${warmMs / 1000} s`,
    },
    {
      name: `whole hub, 1 s cadence, ${n} processes (net of idle node)`,
      value: ours, runs: net(cpu.runbus!), unit: '% of one core', better: 'lower',
      peer: 'pidusage loop at 1 Hz, same pids', peerValue: theirs, peerRuns: net(cpu.pidusage!),
      note: `raw runbus ${median(cpu.runbus!).toFixed(3)} %, pidusage ${median(cpu.pidusage!).toFixed(3)} %, idle ${idle.toFixed(3)} %; per process: runbus ${((ours * 1e4) / n).toFixed(2)} µs/s, pidusage ${((theirs * 1e4) / n).toFixed(2)} µs/s; hub saw ${last?.processes ?? '?'} processes, ${last?.samplerErrors ?? '?'} errors, ${last?.rows ?? '?'} rows; median of ${kWindows} × ${kWindowMs / 1000} s windows`,
    },
    {
      name: `hub RSS, ${n} processes`,
      value: median(rss.runbus!), runs: rss.runbus!, unit: 'MiB', better: 'lower',
      peer: 'pidusage loop process RSS', peerValue: median(rss.pidusage!), peerRuns: rss.pidusage!,
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
