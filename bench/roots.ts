// Whether 1000 tracked roots cost more than 1000 descendants: hubs of the same
// build (createHub as bench/scale.ts's contender has it: db in a temp dir, no
// GPU probe) that track n sleeping processes as n roots ('roots') or one
// shell whose n sleeping children the tree scan finds ('tree'), beside
// `runbus run --quiet` around n sleeping processes ('cli'), all measured from
// outside in the same windows (/proc/<pid>/task/*/schedstat), thread by
// thread. Threads are all named "node": they are listed in their order of
// creation (#0 the main thread). A diagnostic, not a target: it prints a
// table and writes nothing.
//
//   npm run build && node --import tsx bench/roots.ts [processes] [warmS] [windowS] [windows]
//
// BENCH_ROOTS_VARIANTS=roots,tree,cli (the default) picks the contenders;
// also 'roots-noself' and 'tree-noself' (self: false, as the command line
// has it: the hub samples neither its own process nor its event loop), the
// parts of self-sampling one at a time on top of that ('roots-noself-loop':
// a loop sampler read at each tick; '-gc': only its PerformanceObserver('gc');
// '-pid': the hub's own pid tracked, no loop figures) and 'scale'
// (bench/fixtures/contender.mjs in its runbus mode, exactly as scale.ts runs
// it). BENCH_CLI_BEFORE_ROOT=<checkout with a built dist/> runs each
// contender of that checkout too ('<variant>-before'). BENCH_ROOTS_PROF=<dir>
// runs the hubs under --cpu-prof (every thread; profiles are written when
// the hubs are stopped with SIGTERM at the end).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanUp, kRoot, loadAvg, spawnSleepers, startCli, taskCpu, tempDir, track } from './fixtures/harness.js';
import type { TaskCpu } from './fixtures/harness.js';

const n = Number(process.argv[2] ?? 1000);
const warmMs = Number(process.argv[3] ?? 200) * 1000;
const windowMs = Number(process.argv[4] ?? 20) * 1000;
const windows = Number(process.argv[5] ?? 3);
const variants = (process.env.BENCH_ROOTS_VARIANTS ?? 'roots,tree,cli').split(',');
const beforeRoot = process.env.BENCH_CLI_BEFORE_ROOT ?? '';
const profDir = process.env.BENCH_ROOTS_PROF ?? '';
const kKnown = /^(?:cli|scale|(?:roots|tree)(?:-noself(?:-loop|-gc|-pid)?)?)$/;
const unknown = variants.filter((v) => !kKnown.test(v));
if (unknown.length > 0 || !(n > 0) || !(windowMs > 0) || !(windows > 0) || !(warmMs >= 0)) {
  process.stderr.write(`usage: bench/roots.ts [processes>0] [warmS] [windowS>0] [windows>0]; BENCH_ROOTS_VARIANTS from cli, scale, roots, tree, roots-noself, tree-noself, roots-noself-{loop,gc,pid}${unknown.length > 0 ? ` (unknown: ${unknown.join(', ')})` : ''}\n`);
  process.exit(2);
}

// The hub of one contender, in a fresh node process; it reports what it
// sampled once, after a minute, on stderr.
const kHubScript = `
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
const [root, mode, count, list, db] = process.argv.slice(2);
const { createHub, createLoopSampler } = await import(pathToFileURL(root + '/dist/index.js').href);
const hub = await createHub({ db, gpu: false, intervalMs: 1000, handleSignals: false, logger: { warn: () => undefined }, ...(mode.includes('-noself') ? { self: false } : {}) });
let sh;
if (mode.startsWith('tree')) {
  sh = spawn('sh', ['-c', 'i=0; while [ $i -lt ' + count + ' ]; do sleep 600 & i=$((i+1)); done; wait'], { stdio: 'ignore', detached: true });
  hub.track(sh.pid, 'sh');
} else {
  for (const pid of list.split(',')) hub.track(Number(pid), 'worker');
}
if (mode.endsWith('-loop')) {
  const loop = createLoopSampler();
  hub.onTick(() => { globalThis.loopFigures = loop.read(); });
} else if (mode.endsWith('-gc')) {
  const { PerformanceObserver } = await import('node:perf_hooks');
  let ms = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) ms += e.duration; }).observe({ entryTypes: ['gc'] });
  hub.onTick(() => { globalThis.gcMs = ms; });
} else if (mode.endsWith('-pid')) {
  hub.track(process.pid, 'hub');
}
setTimeout(() => {
  const s = hub.stats();
  process.stderr.write('roots: ' + mode + ' (' + root + '): ' + s.sampler.processes + ' processes, ' + s.sampler.errors + ' errors, ' + s.batcher.written + ' rows\\n');
}, 60_000).unref();
// The shell and its sleeps are a process group of their own: gone with the hub.
process.on('SIGTERM', () => {
  try { if (sh !== undefined) process.kill(-sh.pid, 'SIGKILL'); } catch { /* gone already */ }
  void hub.close().then(() => { process.exit(0); });
});
setInterval(() => undefined, 1 << 30);
`;

interface Running { label: string; child: ChildProcess }

// A file, not --eval: worker threads inherit the exec arguments (--input-type would reach them).
function startHub(variant: string, root: string, pids: number[], dir: string, label: string): ChildProcess {
  const script = join(dir, 'hub.mjs');
  writeFileSync(script, kHubScript);
  const prof = profDir === '' ? [] : ['--cpu-prof', '--cpu-prof-dir', join(profDir, label)];
  const args = variant === 'scale'
    ? [...prof, '--expose-gc', join(root, 'bench', 'fixtures', 'contender.mjs'), 'runbus', '1000', pids.join(','), dir, '5']
    : [...prof, script, root, variant, String(n), pids.join(','), join(dir, `${label}.db`)];
  // contender.mjs speaks over IPC ('ready', 'read'): it is only read from outside here.
  return track(spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], cwd: root }));
}

// --cpu-prof is not allowed in NODE_OPTIONS: a profiled command line is
// started here, as startCli() starts it, and its process group killed at the end.
const groups: number[] = [];
function startProfiledCli(root: string, dir: string, label: string): ChildProcess {
  if (profDir === '') return startCli(n, dir, 1000, root);
  const script = `i=0; while [ $i -lt ${n} ]; do sleep 600 & i=$((i+1)); done; wait`;
  const args = ['--cpu-prof', '--cpu-prof-dir', join(profDir, label), join(root, 'dist', 'cli', 'main.js'), 'run', '--quiet', '--interval', '1000', '--db', join(dir, `${label}.db`), '--', 'sh', '-c', script];
  // Its end-of-run report (1000 orphans) is of no use here.
  const c = track(spawn(process.execPath, args, { stdio: 'ignore', cwd: dir, detached: true }));
  groups.push(c.pid!);
  return c;
}
interface Column { pct: number[]; perS: number[]; allPct: number; allPerS: number }

/** % of one core and timeslices per second of each thread (in order of creation), and of all. */
function column(a: TaskCpu, b: TaskCpu, wallMs: number): Column {
  const pct = (ns: number): number => (ns / 1e6 / wallMs) * 100;
  const perS = (slices: number): number => (slices / wallMs) * 1000;
  const was = [...b.threads.keys()].map((k) => a.threads.get(k) ?? { cpuNs: 0, slices: 0 });
  const now = [...b.threads.values()];
  return {
    pct: now.map((t, k) => pct(t.cpuNs - was[k]!.cpuNs)),
    perS: now.map((t, k) => perS(t.slices - was[k]!.slices)),
    allPct: pct(b.cpuNs - a.cpuNs),
    allPerS: perS(b.slices - a.slices),
  };
}

const kWidth = 20;
const cell = (pct: number | undefined, perS: number | undefined): string =>
  (pct === undefined ? '' : `${pct.toFixed(3)} % ${(perS ?? 0).toFixed(1)}/s`).padStart(kWidth);
/** Prints one table: a row per thread that did anything, one column per contender. */
function table(title: string, labels: string[], cols: Column[]): void {
  const out = [title, `${'thread'.padEnd(6)}${labels.map((l) => l.padStart(kWidth)).join('')}`];
  const rows = Math.max(...cols.map((c) => c.pct.length));
  for (let k = 0; k < rows; k++) {
    if (cols.every((c) => (c.perS[k] ?? 0) === 0)) continue;
    out.push(`${`#${k}`.padEnd(6)}${cols.map((c) => cell(c.pct[k], c.perS[k])).join('')}`);
  }
  out.push(`${'all'.padEnd(6)}${cols.map((c) => cell(c.allPct, c.allPerS)).join('')}`);
  process.stdout.write(`${out.join('\n')}\n`);
}
const median = (xs: number[]): number => {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

try {
  const dir = tempDir('rb-bench-roots-');
  const app = await spawnSleepers(n);
  const roots = [kRoot, ...(beforeRoot === '' ? [] : [beforeRoot])];
  const running: Running[] = [];
  for (const root of roots) {
    for (const v of variants) {
      const label = `${v}${root === kRoot ? '' : '-before'}`;
      running.push({ label, child: v === 'cli' ? startProfiledCli(root, dir, label) : startHub(v, root, app.pids, dir, label) });
    }
  }
  process.stderr.write(`roots: ${running.map((r) => `${r.label} ${r.child.pid}`).join(', ')}; windows from ${warmMs / 1000} s\n`);
  await new Promise((r) => setTimeout(r, warmMs));
  const labels = running.map((r) => r.label);
  const seen: Column[][] = [];
  for (let w = 0; w < windows; w++) {
    const l0 = loadAvg();
    const t0 = performance.now();
    // byTid keys are `+<tid − pid> node`: sorted by creation, renamed #k.
    const read = (): TaskCpu[] => running.map((r) => taskCpu(r.child.pid!, { byTid: true }));
    const a = read();
    await new Promise((r) => setTimeout(r, windowMs));
    const b = read();
    const wall = performance.now() - t0;
    const cols = running.map((_, i) => column(a[i]!, b[i]!, wall));
    seen.push(cols);
    table(`window ${w + 1}/${windows}, ${(wall / 1000).toFixed(1)} s, ${n} processes, load ${l0} → ${loadAvg()}`, labels, cols);
  }
  // Thread by thread, the median of the windows.
  const med = running.map((_, i): Column => {
    const of = (pick: (c: Column) => number | undefined): number => median(seen.map((cols) => pick(cols[i]!) ?? 0));
    const threads = Math.max(...seen.map((cols) => cols[i]!.pct.length));
    return {
      pct: Array.from({ length: threads }, (_, k) => of((c) => c.pct[k])),
      perS: Array.from({ length: threads }, (_, k) => of((c) => c.perS[k])),
      allPct: of((c) => c.allPct),
      allPerS: of((c) => c.allPerS),
    };
  });
  table(`median of ${windows} windows; all threads per window: ${running.map((r, i) => `${r.label} ${seen.map((cols) => cols[i]!.allPct.toFixed(2)).join('/')}`).join('; ')}`, labels, med);
  // SIGTERM, not SIGKILL: a hub then ends its own shell's group, and writes
  // its profile. (A command line not profiled goes with its group in
  // cleanUp(), without its end-of-run report of 1000 orphans.)
  const stopping = running.filter((r) => profDir !== '' || !r.label.startsWith('cli'));
  await Promise.all(stopping.map((r) => new Promise((resolve) => {
    r.child.once('exit', resolve);
    r.child.kill('SIGTERM');
    setTimeout(resolve, 10_000).unref();
  })));
  app.kill();
} finally {
  for (const g of groups) {
    try {
      process.kill(-g, 'SIGKILL');
    } catch {
      // gone already
    }
  }
  cleanUp();
}
