// The bench runner: runs each bench/<workload>.ts in a fresh process, prints
// one table, and writes bench/results/latest.json.
//   npm run bench                      every workload
//   npm run bench -- --quick           short runs (CI smoke test; no timing asserted)
//   npm run bench -- bus codec         only these workloads
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fmtNumber, kReportPrefix } from './lib.js';
import type { BenchRow } from './lib.js';

const here = import.meta.dirname;
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.filter((a) => !a.startsWith('--'));
const skip = new Set(['lib', 'run', 'markdown', 'chart']);
const all = readdirSync(here).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).filter((w) => !skip.has(w)).sort();
const unknown = only.filter((w) => !all.includes(w));
if (unknown.length > 0) {
  console.error(`unknown workload(s): ${unknown.join(', ')}; known: ${all.join(', ')}`);
  process.exit(2);
}
// Longest first, so two-at-a-time --quick packs well (durations seen here).
const kLongest = ['store', 'socket', 'samplers', 'hub', 'overhead', 'overload', 'scale'];
const rank = (w: string): number => (kLongest.includes(w) ? kLongest.indexOf(w) : kLongest.length);
const workloads = only.length > 0 ? only : quick ? [...all].sort((a, b) => rank(a) - rank(b)) : all;

interface Result { workload: string; rows: BenchRow[]; seconds: number; error?: string }

// A full run measures one workload at a time, alone on the machine. --quick
// is a smoke test of every workload (CI; no timing is asserted): it runs two
// at a time to finish within a minute, so its figures are indicative only.
const kParallel = quick ? 2 : 1;

function runOne(w: string): Promise<Result> {
  const t0 = Date.now();
  process.stderr.write(`bench: ${w}${quick ? ' (quick)' : ''} …\n`);
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
        resolve({ workload: w, rows: [], seconds, error: `exit ${code ?? signal}; ${line === undefined ? 'no result line' : ''}` });
        return;
      }
      const parsed = JSON.parse(line.slice(kReportPrefix.length)) as { rows: BenchRow[] };
      resolve({ workload: w, rows: parsed.rows, seconds });
    });
  });
}

const results: Result[] = new Array<Result>(workloads.length);
let next = 0;
await Promise.all(Array.from({ length: Math.min(kParallel, workloads.length) }, async () => {
  while (next < workloads.length) {
    const i = next++;
    results[i] = await runOne(workloads[i]!);
  }
}));
const failed = results.some((r) => r.error !== undefined);

function ratio(r: BenchRow): string {
  // A ratio means something only between two positive figures.
  if (r.peerValue === undefined || r.peerValue <= 0 || r.value <= 0) return '';
  // Always "how many times better than the peer": > 1 means runbus wins.
  const x = r.better === 'higher' ? r.value / r.peerValue : r.peerValue / r.value;
  return `${x.toFixed(2)}×`;
}

const header = ['workload', 'figure', 'runbus', 'unit', 'peer', 'peer value', 'runbus vs peer', 'target'];
const table: string[][] = [header];
for (const res of results) {
  if (res.error !== undefined) table.push([res.workload, `FAILED: ${res.error}`, '', '', '', '', '', '']);
  for (const r of res.rows) table.push([res.workload, r.name, fmtNumber(r.value), r.unit, r.peer ?? '', fmtNumber(r.peerValue), ratio(r), r.target ?? '']);
}
const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
for (const [i, row] of table.entries()) {
  console.log(row.map((c, j) => c.padEnd(widths[j]!)).join('  ').trimEnd());
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
console.log('(runbus vs peer: how many times better runbus is; above 1 means runbus wins)');

const outDir = join(here, 'results');
mkdirSync(outDir, { recursive: true });
const doc = {
  date: new Date().toISOString(),
  quick,
  machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform },
  results,
};
writeFileSync(join(outDir, quick ? 'latest-quick.json' : 'latest.json'), `${JSON.stringify(doc, null, 2)}\n`);
process.exit(failed ? 1 : 0);
