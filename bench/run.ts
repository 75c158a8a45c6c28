// The bench runner: runs each bench/<workload>.ts in a fresh process, prints
// one table per workload and the targets table, and writes
// bench/results/latest.json.
//   npm run bench                      every workload
//   npm run bench -- --quick           short runs (CI smoke test; indicative, no target judged)
//   npm run bench -- bus codec         only these workloads
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { finite, fmtRatio, judge, kReportPrefix, kRounds, median, withRange } from './lib.js';
import type { BenchRow } from './lib.js';

const here = import.meta.dirname;
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.filter((a) => !a.startsWith('--'));
// Not workloads: the runner itself, its helpers, and diagnostics that print a table and report nothing.
const skip = new Set(['lib', 'run', 'markdown', 'chart', 'threads', 'age', 'roots', 'tick-driver']);
const all = readdirSync(here).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).filter((w) => !skip.has(w)).sort();
const unknown = only.filter((w) => !all.includes(w));
if (unknown.length > 0) {
  console.error(`unknown workload(s): ${unknown.join(', ')}; known: ${all.join(', ')}`);
  process.exit(2);
}
// Longest first, so two-at-a-time --quick packs well (durations seen here).
const kLongest = ['store', 'socket', 'samplers', 'scale', 'app', 'overhead', 'slowdown', 'hub', 'overload'];
const rank = (w: string): number => (kLongest.includes(w) ? kLongest.indexOf(w) : kLongest.length);
const workloads = only.length > 0 ? only : quick ? [...all].sort((a, b) => rank(a) - rank(b)) : all;

interface Result { workload: string; rows: BenchRow[]; seconds: number; rounds: number; error?: string }

// A full run measures one workload at a time, alone on the machine, and every
// figure over kRounds rounds. --quick is a smoke test of every workload (CI;
// no timing is asserted): one round, two workloads at a time, so its figures
// are indicative only and no target is judged from them.
const kParallel = quick ? 2 : 1;

function runOne(w: string, round: number): Promise<Result> {
  const t0 = Date.now();
  process.stderr.write(`bench: ${w}${quick ? ' (quick)' : ''}${round > 1 ? ` round ${round}` : ''} …\n`);
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, `${w}.ts`), ...(quick ? ['--quick'] : [])], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
  return new Promise((resolve) => {
    child.once('close', (code, signal) => {
      const seconds = (Date.now() - t0) / 1000;
      process.stderr.write(`bench: ${w} done in ${seconds.toFixed(1)} s\n`);
      const line = stdout.split('\n').find((l) => l.startsWith(kReportPrefix));
      if (code !== 0 || line === undefined) {
        process.stderr.write(stdout);
        resolve({ workload: w, rows: [], seconds, rounds: round, error: `exit ${code ?? signal}${line === undefined ? '; no result line' : ''}` });
        return;
      }
      const parsed = JSON.parse(line.slice(kReportPrefix.length)) as { rows: BenchRow[] };
      resolve({ workload: w, rows: parsed.rows, seconds, rounds: round });
    });
  });
}

const loadAvg = (): string => readFileSync('/proc/loadavg', 'latin1').split(' ').slice(0, 2).join(' / ');

/** Folds the rows of several rounds into one row each: median of the rounds, every round kept. */
function merge(rounds: BenchRow[][]): BenchRow[] {
  const seen = new Map<string, number>();
  const keyOf = (r: BenchRow): string => `${r.name}\u0000${r.peer ?? ''}`;
  const keyed = rounds.map((rows) => {
    const m = new Map<string, BenchRow>();
    const count = new Map<string, number>();
    for (const r of rows) {
      const k = keyOf(r);
      const i = count.get(k) ?? 0;
      count.set(k, i + 1);
      m.set(`${k}\u0000${i}`, r);
    }
    return m;
  });
  const out: BenchRow[] = [];
  for (const first of rounds[0] ?? []) {
    const k = keyOf(first);
    const i = seen.get(k) ?? 0;
    seen.set(k, i + 1);
    const same = keyed.map((m) => m.get(`${k}\u0000${i}`)).filter((r): r is BenchRow => r !== undefined);
    const runs = same.flatMap((r) => r.runs ?? [r.value]).filter(finite);
    const peerRuns = same.flatMap((r) => r.peerRuns ?? (r.peerValue === undefined ? [] : [r.peerValue])).filter(finite);
    out.push({
      ...first,
      value: runs.length > 0 ? median(runs) : NaN,
      runs,
      ...(peerRuns.length > 0 ? { peerValue: median(peerRuns), peerRuns } : {}),
    });
  }
  return out;
}

async function runWorkload(w: string): Promise<Result> {
  const first = await runOne(w, 1);
  const short = first.rows.some((r) => (r.runs?.length ?? 1) < kRounds);
  if (quick || first.error !== undefined || !short) return { ...first, rows: merge([first.rows]), rounds: 1 };
  const rounds = [first];
  for (let k = 2; k <= kRounds; k++) {
    const r = await runOne(w, k);
    if (r.error !== undefined) return { ...r, rows: merge(rounds.map((x) => x.rows)), rounds: rounds.length };
    rounds.push(r);
  }
  return { workload: w, rows: merge(rounds.map((x) => x.rows)), seconds: rounds.reduce((a, x) => a + x.seconds, 0), rounds: rounds.length };
}

const loadBefore = loadAvg();
const results: Result[] = new Array<Result>(workloads.length);
let next = 0;
await Promise.all(Array.from({ length: Math.min(kParallel, workloads.length) }, async () => {
  while (next < workloads.length) {
    const i = next++;
    results[i] = await runWorkload(workloads[i]!);
  }
}));
const failed = results.some((r) => r.error !== undefined);

// ── the tables: at most 120 columns, long cells wrapped ────────────────────

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(' ')) {
    while (word.length > width) {
      if (line !== '') { lines.push(line); line = ''; }
      lines.push(word.slice(0, width));
      word = word.slice(width);
    }
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else { lines.push(line); line = word; }
  }
  lines.push(line);
  return lines;
}
function printTable(widths: number[], header: string[], rows: string[][], indent = ''): void {
  const emit = (cells: string[]): void => {
    const wrapped = cells.map((c, i) => wrap(c, widths[i]!));
    const h = Math.max(...wrapped.map((w) => w.length));
    for (let k = 0; k < h; k++) console.log(`${indent}${wrapped.map((w, i) => (w[k] ?? '').padEnd(widths[i]!)).join('  ')}`.trimEnd());
  };
  emit(header);
  console.log(`${indent}${widths.map((w) => '─'.repeat(w)).join('  ')}`);
  for (const r of rows) emit(r);
}

const rounds = quick ? 1 : kRounds;
const loadAfter = loadAvg();
console.log(quick
  ? 'runbus bench --quick: one short round, two workloads at a time. INDICATIVE figures only; no target is judged.'
  : `runbus bench: every figure is the median of ${rounds} or more rounds, (min–max) beside it; each peer ran in the same rounds.`);
console.log(`${cpus()[0]?.model ?? 'unknown cpu'}, ${cpus().length} cores, node ${process.version}; load average (1/5 min) ${loadBefore} before, ${loadAfter} after`);
console.log('runbus ÷ peer: above 1 means runbus has more of the unit. ↑ more is better, ↓ less is better; % core: % of one core.');
for (const res of results) {
  console.log('');
  console.log(`${res.workload}${res.error !== undefined ? `: FAILED (${res.error})` : ''}${quick ? ' (indicative)' : ''}`);
  if (res.rows.length === 0) continue;
  const body = res.rows.map((r) => {
    const ratio = fmtRatio(r);
    return [r.name, withRange(r.value, r.runs), `${r.unit === '% of one core' ? '% core' : r.unit} ${r.better === 'higher' ? '↑' : '↓'}`, r.peer ?? '', r.peer === undefined ? '' : withRange(r.peerValue, r.peerRuns), ratio];
  });
  printTable([29, 17, 13, 18, 17, 14], ['figure', 'runbus', 'unit', 'peer (same run)', 'peer', 'runbus ÷ peer'], body, '  ');
}

// The targets: judged from the medians of a full run only.
const goals = results.flatMap((res) => res.rows.filter((r) => r.goal !== undefined).map((r) => ({ res, r, g: r.goal! })));
console.log('');
if (quick) {
  console.log('Targets: not judged from a --quick run (run `npm run bench` for the targets table).');
} else if (goals.length > 0) {
  console.log('Targets (median of the rounds; range in brackets)');
  const body = goals.map(({ res, r, g }) => {
    const j = judge(r, g);
    return [g.what, j.wanted, j.measured, j.met ? 'met' : j.measured === '—' ? 'no figure' : 'MISSED', res.workload];
  });
  printTable([46, 18, 24, 9, 10], ['target', 'wanted', 'measured', 'met', 'workload'], body);
}

const outDir = join(here, 'results');
mkdirSync(outDir, { recursive: true });
const doc = {
  date: new Date().toISOString(),
  quick,
  machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform },
  load: { before: loadBefore, after: loadAfter },
  results,
};
writeFileSync(join(outDir, quick ? 'latest-quick.json' : 'latest.json'), `${JSON.stringify(doc, null, 2)}\n`);
process.exit(failed ? 1 : 0);
