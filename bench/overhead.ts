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
//  2. `runbus run --quiet --interval 1000` around a shell with 20 sleeping
//     children, measured from outside (schedstat of its threads), against the
//     pidusage loop's own threads, both raw.
// The slowdown of an app with the hub embedded is bench/slowdown.ts.
//
// The contenders run side by side (bench/fixtures/contender.mjs), so a
// noisy machine hits them alike; CPU time, not wall time, is what is
// compared. bench/samplers.ts has the sampler alone (no store, no alerts).
//
//   npm run build && node --import tsx bench/overhead.ts [--quick]
//
// BENCH_CLI_BEFORE_ROOT=<checkout with a built dist/> adds that
// checkout's command line as one more contender ('cli-before'), so a change
// is measured before and after in the same windows.
import { cleanUp, external, hasAddon, loadAvg, pctOfCore, sideBySide, spawnSleepers, startCli, startContender, tempDir } from './fixtures/harness.js';
import type { Contender, Mode, Reading } from './fixtures/harness.js';
import { kRounds, kSteadyMs, median, quick, report } from './lib.js';
import type { BenchRow } from './lib.js';

const kProcesses = 20;
const kWindows = quick ? 1 : kRounds;
const kWindowMs = quick ? 2000 : 30_000;
const kWarmTicks = quick ? 1 : 5;
// The first minutes' windows start 35 s after the command line, past V8's
// one-off memory-reducer collection at about 33 s after start; the steady
// windows, the ones with targets, after kSteadyMs (lib.ts says why).
const kCliWarmMs = quick ? 2000 : 35_000;

const rows: BenchRow[] = [];
const log = (m: string): void => { process.stderr.write(`overhead: ${m}\n`); };
const loads: string[] = [loadAvg()];

try {
  const dir = tempDir('rb-bench-overhead-');
  const app = await spawnSleepers(kProcesses);
  log(`load ${loadAvg()}; starting contenders`);
  const cliStarted = performance.now();
  const cli = external('cli', startCli(kProcesses, dir));
  const beforeRoot = process.env.BENCH_CLI_BEFORE_ROOT;
  const before = beforeRoot === undefined || beforeRoot === '' ? [] : [external('cli-before', startCli(kProcesses, dir, 1000, beforeRoot))];
  const modes: Mode[] = ['idle', 'skeleton', 'floor', 'runbus', 'runbus-bare', 'pidusage', 'prom', 'si'];
  const cs: Contender[] = [...await Promise.all(modes.map((m) => startContender(m, app.pids, dir, kWarmTicks))), cli, ...before];
  await new Promise((r) => setTimeout(r, Math.max(0, cliStarted + kCliWarmMs - performance.now())));
  // The first minutes: the command line and the pidusage loop only.
  const early: Record<'cli' | 'pidusage', number[]> = { cli: [], pidusage: [] };
  if (!quick) {
    const pair = cs.filter((c) => c.mode === 'cli' || c.mode === 'pidusage');
    await sideBySide(pair, kWindows, kWindowMs, (w, a, b) => {
      for (const [i, c] of pair.entries()) early[c.mode as 'cli' | 'pidusage'].push(pctOfCore(a[i]!, b[i]!).own);
      log(`first minutes, window ${w + 1}/${kWindows}: cli ${early.cli[w]!.toFixed(3)}%, pidusage ${early.pidusage[w]!.toFixed(3)}%`);
    });
    log(`steady windows from ${kSteadyMs / 1000} s`);
    await new Promise((r) => setTimeout(r, Math.max(0, cliStarted + kSteadyMs - performance.now())));
  }
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
  // Each window's figure net of the same window's idle node.
  const rawRuns = (m: Mode): number[] => (m === 'si' ? withKids[m]! : own[m]!);
  const netRuns = (m: Mode): number[] => rawRuns(m).map((x, i) => x - own.idle![i]!);
  const pidusagePeer = { peer: 'pidusage loop at 1 Hz, same pids', peerValue: net('pidusage'), peerRuns: netRuns('pidusage') };
  const runbusNote = `createHub defaults, 20 tracked pids + itself + host; net of an idle node with the same imports (${idle.toFixed(3)} %); raw ${raw('runbus').toFixed(3)} %; ${median(ticks.runbus!)} ticks/window; ${last?.processes ?? '?'} processes, ${last?.samplerErrors ?? '?'} sampler errors, ${last?.rows ?? '?'} rows stored; median of ${kWindows} × ${kWindowMs / 1000} s windows, side by side`;
  const peerNote = (m: Mode, what: string): string => `${what}: raw ${raw(m).toFixed(3)} %, ${median(ticks[m]!)} polls/window`;
  rows.push(
    {
      name: `runbus run --quiet around ${kProcesses} sleeping processes, own threads`,
      value: raw('cli'), runs: rawRuns('cli'), unit: '% of one core', better: 'lower',
      peer: 'pidusage loop at 1 Hz, own threads', peerValue: raw('pidusage'), peerRuns: rawRuns('pidusage'),
      goal: { what: `runbus run --quiet, ${kProcesses} processes, vs the pidusage loop`, on: 'ratio', max: 1.5 },
      note: `the command line (compiled${hasAddon() ? '' : ', WITHOUT the native addon'}) around sh + ${kProcesses} sleeps, measured from outside (schedstat of its threads, ${(median(ticks.cli!) / (kWindowMs / 1000)).toFixed(1)} wake-ups/s); both raw, idle node not subtracted (${idle.toFixed(3)} %); first window after ${kSteadyMs / 1000} s`,
    },
    ...(quick ? [] : [{
      name: `runbus run --quiet around ${kProcesses} sleeping processes, own threads, first minutes`,
      value: median(early.cli), runs: early.cli, unit: '% of one core', better: 'lower' as const,
      peer: 'pidusage loop at 1 Hz, own threads', peerValue: median(early.pidusage), peerRuns: early.pidusage,
      note: `the same pair in ${kWindows} windows from ${kCliWarmMs / 1000} s after the start, while V8 still optimises the tick's code`,
    }]),
    ...(before.length === 0 ? [] : [{
      name: `runbus run --quiet around ${kProcesses} sleeping processes, own threads, before (${beforeRoot ?? ''})`,
      value: raw('cli-before'), runs: rawRuns('cli-before'), unit: '% of one core', better: 'lower' as const,
      peer: 'pidusage loop at 1 Hz, own threads', peerValue: raw('pidusage'), peerRuns: rawRuns('pidusage'),
      note: `the same command line built from ${beforeRoot ?? ''}${hasAddon(beforeRoot) ? '' : ' (WITHOUT the native addon)'}, in the same windows`,
    }]),
    {
      name: `whole hub, 1 s cadence, ${kProcesses} processes (net of idle node)`,
      value: net('runbus'), runs: netRuns('runbus'), unit: '% of one core', better: 'lower',
      ...pidusagePeer,
      note: `${runbusNote}; ${peerNote('pidusage', 'pidusage')}`,
    },
    {
      name: `whole hub, 1 s cadence, ${kProcesses} processes (net of idle node)`,
      value: net('runbus'), runs: netRuns('runbus'), unit: '% of one core', better: 'lower',
      peer: 'prom-client collectDefaultMetrics, scraped at 1 Hz', peerValue: net('prom'), peerRuns: netRuns('prom'),
      note: peerNote('prom', 'prom-client (its own process only)'),
    },
    {
      name: `whole hub, 1 s cadence, ${kProcesses} processes (net of idle node)`,
      value: net('runbus'), runs: netRuns('runbus'), unit: '% of one core', better: 'lower',
      peer: 'systeminformation processes() at 1 Hz', peerValue: net('si'), peerRuns: netRuns('si'),
      note: `${peerNote('si', 'systeminformation incl. its ps children')}; without ps ${(median(own.si!) - idle).toFixed(3)} %`,
    },
    {
      name: `whole hub, 1 s cadence, ${kProcesses} processes (raw, idle node included)`,
      value: raw('runbus'), runs: rawRuns('runbus'), unit: '% of one core', better: 'lower',
      peer: 'idle node, same imports', peerValue: idle, peerRuns: own.idle!,
      note: 'peer here is the baseline itself (so the ratio is below 1)',
    },
    {
      name: `hub without store and alerts (db: false, alerts: false), ${kProcesses} processes (net)`,
      value: net('runbus-bare'), runs: netRuns('runbus-bare'), unit: '% of one core', better: 'lower',
      ...pidusagePeer,
      note: `sampler pool, host figures, bus, heartbeats only: where the whole hub's cost goes; raw ${raw('runbus-bare').toFixed(3)} %, ${median(ticks['runbus-bare']!)} ticks/window`,
    },
    {
      name: 'skeleton: tick timer, worker round trip, message to a writer thread, no work (net)',
      value: net('skeleton'), runs: netRuns('skeleton'), unit: '% of one core', better: 'lower',
      ...pidusagePeer,
      note: `the threads and wake-ups the hub's design needs before sampling, storing or alerting anything: the floor under the whole-hub figure; raw ${raw('skeleton').toFixed(3)} %`,
    },
    {
      name: `floor: the skeleton plus the reads and rows no monitor of ${kProcesses} processes can skip, own threads`,
      value: raw('floor'), runs: rawRuns('floor'), unit: '% of one core', better: 'lower',
      peer: 'pidusage loop at 1 Hz, own threads', peerValue: raw('pidusage'), peerRuns: rawRuns('pidusage'),
      note: `the floor under the command-line row, on its basis (raw, own threads): per tick the worker preads each pid's stat and io and fstats its fd directory, reads /proc/stat and /proc/meminfo, and moves the figures to the writer through the main thread, which inserts a row per pid and a host row into WAL SQLite; no discovery, bus, protobuf, alerts, rollups or heartbeats; ${median(ticks.floor!)} ticks/window`,
    },
  );

} finally {
  cleanUp();
}

for (const r of rows) r.note = `${r.note ?? ''}${r.note === undefined ? '' : '; '}load avg (1/5 min) during run: ${loads.join(' → ')}`;
report('overhead', rows);
