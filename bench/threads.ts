// Where the CPU of `runbus run --quiet` goes, thread by thread: the command
// line around n sleeping processes and the pidusage loop polling n sleeping
// processes, side by side, each measured from outside over the same windows
// (/proc/<pid>/task/*/schedstat): % of one core and timeslices (≈ wake-ups)
// per second for every thread; beside them the overhead workload's floor
// (the same three threads doing only the reads and rows no monitor can
// skip), so each thread's excess over its floor shows. A diagnostic, not a
// target: it prints a table per window, then each thread's min–max and
// median over the windows, and writes nothing. Threads are named by their
// tid's offset from the main thread's: V8's four helper threads come first;
// in `runbus run` the store writer's thread is the lower of the two busy
// workers and the sampler worker's the higher.
//
//   npm run build && node --import tsx bench/threads.ts [processes] [windowS] [windows] [warmS]
//
// BENCH_CLI_BEFORE_ROOT=<checkout with a built dist/> measures that
// checkout's command line too, in the same windows ('before'); several
// checkouts, comma-separated, are each measured ('before', 'before2', ...),
// which is how variants of one change are compared. BENCH_SLEEP_S keeps the
// sleeping processes (and so the command lines) alive longer than 1800 s,
// for a warm-up of ten minutes or more. BENCH_NEIGHBOURS=<modes of
// bench/fixtures/contender.mjs, comma-separated> runs those contenders on
// the same pids beside them, unmeasured: the overhead workload's company
// (BENCH_NEIGHBOURS=idle,skeleton,runbus,runbus-bare,prom,si), to see which
// thread pays for a busy machine. BENCH_EXTRA=<modes> measures those
// contenders beside the floor (floor-merged: the floor with its rows
// inserted by the sampling thread, no writer thread).
import { cleanUp, kSleepSeconds, loadAvg, spawnSleepers, startCli, startContender, taskCpu, tempDir } from './fixtures/harness.js';
import type { Contender, Mode, TaskCpu } from './fixtures/harness.js';
import { median } from './lib.js';

const n = Number(process.argv[2] ?? 20);
const windowMs = Number(process.argv[3] ?? 30) * 1000;
const windows = Number(process.argv[4] ?? 1);
const byTid = { byTid: true };
const kWarmMs = Number(process.argv[5] ?? 35) * 1000;
// The command lines end with their sleeping processes: a run that outlasts
// them would measure command lines that are exiting (or gone).
const kNeedS = Math.ceil((kWarmMs + windows * windowMs) / 1000) + 30;
if (kNeedS > kSleepSeconds) {
  process.stderr.write(`bench/threads.ts: a ${kWarmMs / 1000} s warm-up and ${windows} windows of ${windowMs / 1000} s need the sleeping processes to live ${kNeedS} s; they live ${kSleepSeconds} s: set BENCH_SLEEP_S=${kNeedS}\n`);
  process.exit(2);
}

/** Per contender, per thread (and 'all threads'): % of one core in each window it ran. */
type Figures = Map<string, number[]>;

function rows(label: string, a: TaskCpu, b: TaskCpu, wallMs: number, figures: Figures): string[] {
  const out: string[] = [];
  const line = (name: string, cpuNs: number, slices: number): void => {
    const pct = (cpuNs / 1e6 / wallMs) * 100;
    let f = figures.get(name);
    if (f === undefined) figures.set(name, (f = []));
    f.push(pct);
    out.push(`${label.padEnd(12)} ${name.padEnd(22)} ${pct.toFixed(3).padStart(7)} %  ${((slices / wallMs) * 1000).toFixed(1).padStart(6)} /s`);
  };
  for (const [k, t] of b.threads) {
    const s = a.threads.get(k) ?? { cpuNs: 0, slices: 0 };
    // Threads that did nothing in the window are left out.
    if (t.slices > s.slices) line(k, t.cpuNs - s.cpuNs, t.slices - s.slices);
  }
  line('all threads', b.cpuNs - a.cpuNs, b.slices - a.slices);
  return out;
}

/** min–max (median) of a window's figures. */
function spread(v: number[], digits: number, unit = ''): string {
  return `${Math.min(...v).toFixed(digits)}–${Math.max(...v).toFixed(digits)}${unit} (median ${median(v).toFixed(digits)}${unit})`;
}

try {
  const dir = tempDir('rb-bench-threads-');
  const app = await spawnSleepers(n);
  const cli = startCli(n, dir);
  const beforeRoots = (process.env.BENCH_CLI_BEFORE_ROOT ?? '').split(',').filter((r) => r !== '');
  const before = beforeRoots.map((r) => startCli(n, dir, 1000, r));
  const pidusage = await startContender('pidusage', app.pids, dir, 5);
  const floor = await startContender('floor', app.pids, dir, 5);
  const modes = (v: string | undefined): Mode[] => (v ?? '').split(',').filter((x) => x !== '') as Mode[];
  const extra: Contender[] = [];
  for (const m of modes(process.env.BENCH_EXTRA)) extra.push(await startContender(m, app.pids, dir, 5));
  const neighbours: Contender[] = [];
  for (const m of modes(process.env.BENCH_NEIGHBOURS)) neighbours.push(await startContender(m, app.pids, dir, 5));
  // Measured, in this order; the ratios are to the pidusage loop (index 1).
  const measured: { label: string; pid: number }[] = [
    { label: 'cli', pid: cli.pid! }, { label: 'pidusage', pid: pidusage.pid }, { label: 'floor', pid: floor.pid },
    ...extra.map((c) => ({ label: c.mode, pid: c.pid })),
    ...before.map((c, i) => ({ label: `before${i === 0 ? '' : i + 1}`, pid: c.pid! })),
  ];
  await new Promise((r) => setTimeout(r, kWarmMs));
  const figures: Figures[] = measured.map(() => new Map());
  const ratios: number[][] = measured.map(() => []);
  for (let w = 0; w < windows; w++) {
    const l0 = loadAvg();
    const t0 = performance.now();
    const a = measured.map((m) => taskCpu(m.pid, byTid));
    await new Promise((r) => setTimeout(r, windowMs));
    const b = measured.map((m) => taskCpu(m.pid, byTid));
    const wall = performance.now() - t0;
    process.stdout.write(`window ${w + 1}/${windows}, ${(wall / 1000).toFixed(1)} s, ${n} processes, load ${l0} → ${loadAvg()}\n`);
    process.stdout.write(`${measured.flatMap((m, i) => rows(m.label, a[i]!, b[i]!, wall, figures[i]!)).join('\n')}\n`);
    for (const i of measured.keys()) ratios[i]!.push((b[i]!.cpuNs - a[i]!.cpuNs) / (b[1]!.cpuNs - a[1]!.cpuNs));
    process.stdout.write(`${measured.flatMap((m, i) => (i === 1 ? [] : [`${m.label} ÷ pidusage: ${ratios[i]!.at(-1)!.toFixed(2)}×`])).join('; ')}\n`);
  }
  // Each thread over the windows. A thread a window left out (it did
  // nothing there) says in how many windows it ran.
  process.stdout.write(`\nsummary, ${windows} windows of ${windowMs / 1000} s: % of one core, min–max (median)\n`);
  for (const [i, m] of measured.entries()) {
    for (const [name, v] of figures[i]!) {
      const part = v.length < windows ? ` in ${v.length} of ${windows} windows` : '';
      process.stdout.write(`${m.label.padEnd(12)} ${name.padEnd(22)} ${spread(v, 3)}${part}\n`);
    }
  }
  process.stdout.write(`${measured.flatMap((m, i) => (i === 1 ? [] : [`${m.label} ÷ pidusage: ${spread(ratios[i]!, 2, '×')}`])).join('\n')}\n`);
  await Promise.all([pidusage, floor, ...extra, ...neighbours].map((c) => c.stop()));
  app.kill();
} finally {
  cleanUp();
}
