// Prints bench/results/latest.json (or the file given) as a Markdown table,
// for docs/PERFORMANCE.md:  node --import tsx bench/markdown.ts [file]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchRow } from './lib.js';

const file = process.argv[2] ?? join(import.meta.dirname, 'results', 'latest.json');
const doc = JSON.parse(readFileSync(file, 'utf8')) as {
  date: string; quick: boolean; machine: { cpu: string; cores: number; memoryGiB: number; node: string };
  results: { workload: string; rows: BenchRow[]; error?: string }[];
};

function fmt(v: number | undefined): string {
  if (v === undefined || Number.isNaN(v)) return '';
  const a = Math.abs(v);
  if (a >= 1e6) return `${(v / 1e6).toFixed(2)} M`;
  if (a >= 1e4) return `${(v / 1e3).toFixed(1)} k`;
  if (a >= 100) return v.toFixed(0);
  if (a >= 1) return v.toFixed(2);
  return v.toPrecision(2);
}

console.log(`Measured ${doc.date.slice(0, 16).replace('T', ' ')} UTC${doc.quick ? ' (quick run)' : ''} on ${doc.machine.cpu}, ${doc.machine.cores} cores, ${doc.machine.memoryGiB} GiB, Node ${doc.machine.node}.\n`);
console.log('| workload | figure | runbus | unit | peer (same run) | peer | runbus vs peer | target |');
console.log('| --- | --- | ---: | --- | --- | ---: | ---: | --- |');
for (const r of doc.results) {
  if (r.error !== undefined) console.log(`| ${r.workload} | FAILED: ${r.error} | | | | | | |`);
  for (const x of r.rows) {
    const ratio = x.peerValue === undefined || x.peerValue === 0 ? '' : `${(x.better === 'higher' ? x.value / x.peerValue : x.peerValue / x.value).toFixed(2)}×`;
    console.log(`| ${r.workload} | ${x.name} | ${fmt(x.value)} | ${x.unit} | ${x.peer ?? ''} | ${fmt(x.peerValue)} | ${ratio} | ${x.target ?? ''} |`);
  }
}
