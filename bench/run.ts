// The bench runner: runs each bench/<workload>.ts in a fresh process, prints
// one table, and writes bench/results/latest.json.
//   npm run bench                      every workload
//   npm run bench -- --quick           short runs (CI smoke test; no timing asserted)
//   npm run bench -- bus codec         only these workloads
import { spawnSync } from 'node:child_process';
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
const workloads = only.length > 0 ? only : all;

interface Result { workload: string; rows: BenchRow[]; seconds: number; error?: string }
const results: Result[] = [];
let failed = false;
for (const w of workloads) {
  const t0 = Date.now();
  process.stderr.write(`bench: ${w}${quick ? ' (quick)' : ''} …\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, `${w}.ts`), ...(quick ? ['--quick'] : [])], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (Date.now() - t0) / 1000;
  const line = r.stdout.split('\n').find((l) => l.startsWith(kReportPrefix));
  if (r.status !== 0 || line === undefined) {
    failed = true;
    results.push({ workload: w, rows: [], seconds, error: `exit ${r.status ?? r.signal}; ${line === undefined ? 'no result line' : ''}` });
    process.stderr.write(r.stdout);
    continue;
  }
  const parsed = JSON.parse(line.slice(kReportPrefix.length)) as { rows: BenchRow[] };
  results.push({ workload: w, rows: parsed.rows, seconds });
}


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
