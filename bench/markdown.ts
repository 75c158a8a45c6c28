// Prints bench/results/latest.json (or the file given) as a Markdown table,
// for docs/PERFORMANCE.md:  node --import tsx bench/markdown.ts [file]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fmtNumber } from './lib.js';
import type { BenchRow } from './lib.js';

const file = process.argv[2] ?? join(import.meta.dirname, 'results', 'latest.json');
const doc = JSON.parse(readFileSync(file, 'utf8')) as {
  date: string; quick: boolean; machine: { cpu: string; cores: number; memoryGiB: number; node: string };
  results: { workload: string; rows: BenchRow[]; error?: string }[];
};


console.log(`Measured ${doc.date.slice(0, 16).replace('T', ' ')} UTC${doc.quick ? ' (quick run)' : ''} on ${doc.machine.cpu}, ${doc.machine.cores} cores, ${doc.machine.memoryGiB} GiB, Node ${doc.machine.node}.\n`);
console.log('| workload | figure | runbus | unit | peer (same run) | peer | runbus vs peer | target |');
console.log('| --- | --- | ---: | --- | --- | ---: | ---: | --- |');
for (const r of doc.results) {
  if (r.error !== undefined) console.log(`| ${r.workload} | FAILED: ${r.error} | | | | | | |`);
  for (const x of r.rows) {
    const ratio = x.peerValue === undefined || x.peerValue <= 0 || x.value <= 0 ? '' : `${(x.better === 'higher' ? x.value / x.peerValue : x.peerValue / x.value).toFixed(2)}×`;
    console.log(`| ${r.workload} | ${x.name} | ${fmtNumber(x.value)} | ${x.unit} | ${x.peer ?? ''} | ${fmtNumber(x.peerValue)} | ${ratio} | ${x.target ?? ''} |`);
  }
}
