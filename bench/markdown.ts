// Prints bench/results/latest.json (or the file given) as Markdown tables for
// docs/PERFORMANCE.md: the targets, then one table per workload, with the
// same figures as the runner's console tables (median, range, ratio).
//   node --import tsx bench/markdown.ts [file]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fmtRatio, judge, withRange } from './lib.js';
import type { BenchRow } from './lib.js';

const file = process.argv[2] ?? join(import.meta.dirname, 'results', 'latest.json');
const doc = JSON.parse(readFileSync(file, 'utf8')) as {
  date: string; quick: boolean; machine: { cpu: string; cores: number; memoryGiB: number; node: string };
  load?: { before: string; after: string };
  results: { workload: string; rows: BenchRow[]; rounds?: number; error?: string }[];
};
// Table cells: a pipe would end the cell.
const cell = (s: string): string => s.replace(/\|/g, '\\|');

console.log(`Measured ${doc.date.slice(0, 16).replace('T', ' ')} UTC${doc.quick ? ' (quick run: indicative only)' : ''} on ${doc.machine.cpu}, ${doc.machine.cores} cores, ${doc.machine.memoryGiB} GiB, Node ${doc.machine.node}${doc.load === undefined ? '' : `; load average (1/5 min) ${doc.load.before} before, ${doc.load.after} after`}.\n`);
if (!doc.quick) {
  console.log('| target | wanted | measured (median, range) | |');
  console.log('| --- | --- | --- | --- |');
  for (const r of doc.results) {
    for (const x of r.rows) {
      if (x.goal === undefined) continue;
      const j = judge(x, x.goal);
      console.log(`| ${cell(x.goal.what)} | ${j.wanted} | ${j.measured} | ${j.met ? 'met' : '**missed**'} |`);
    }
  }
  console.log('');
}
for (const r of doc.results) {
  console.log(`**${r.workload}**${r.error === undefined ? '' : ` FAILED: ${cell(r.error)}`}\n`);
  if (r.rows.length === 0) continue;
  console.log('| figure | runbus | unit | peer (same run) | peer | runbus ÷ peer |');
  console.log('| --- | ---: | --- | --- | ---: | ---: |');
  for (const x of r.rows) {
    console.log(`| ${cell(x.name)} | ${withRange(x.value, x.runs)} | ${cell(x.unit)} ${x.better === 'higher' ? '↑' : '↓'} | ${cell(x.peer ?? '')} | ${x.peer === undefined ? '' : withRange(x.peerValue, x.peerRuns)} | ${fmtRatio(x)} |`);
  }
  console.log('');
}
