// Not a workload: writes docs/perf-overhead.svg from bench/results/latest.json
// (the `scale` and `overhead` rows): CPU as % of one core against the number
// of monitored processes at 1 s cadence, one line per tool, log scales.
// A plain hand-written SVG, no dependency.
//
//   node --import tsx bench/chart.ts [results.json] [out.svg]
//
// Not run by bench/run.ts (it skips this file).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './lib.js';

interface Results { date: string; quick: boolean; machine: { cpu: string; cores: number; node: string }; results: { workload: string; rows: BenchRow[] }[] }
interface Point { n: number; pct: number }

const kPrefix = 'whole hub, 1 s cadence, ';

/** Tool name → points, from the rows "whole hub, 1 s cadence, N processes (net…)". */
export function series(doc: Results): Map<string, Point[]> {
  const out = new Map<string, Point[]>();
  const add = (tool: string, n: number, pct: number | undefined): void => {
    if (pct === undefined || !Number.isFinite(pct)) return;
    const xs = out.get(tool) ?? [];
    if (!xs.some((p) => p.n === n)) xs.push({ n, pct });
    out.set(tool, xs);
  };
  for (const res of doc.results) {
    if (res.workload !== 'scale' && res.workload !== 'overhead') continue;
    for (const r of res.rows) {
      if (r.name.startsWith('hub without store and alerts')) {
        const m = Number(/(\d+) processes/.exec(r.name)?.[1]);
        if (Number.isFinite(m)) add('runbus, no store/alerts', m, r.value);
        continue;
      }
      if (r.name.startsWith('runbus run --quiet')) {
        // Raw (own threads): the command line measured from outside.
        const m = Number(/(\d+) (?:sleeping )?processes/.exec(r.name)?.[1]);
        if (Number.isFinite(m)) add('runbus run --quiet (raw)', m, r.value);
        continue;
      }
      if (!r.name.startsWith(kPrefix) || !r.name.includes('(net') || r.unit !== '% of one core') continue;
      const n = Number(/(\d+) processes/.exec(r.name)?.[1]);
      if (!Number.isFinite(n)) continue;
      add('runbus (whole hub)', n, r.value);
      const peer = r.peer ?? '';
      const tool = peer.startsWith('pidusage') ? 'pidusage loop' : peer.startsWith('prom-client') ? 'prom-client defaults (own pid)' : peer.startsWith('systeminformation') ? 'systeminformation processes()' : peer;
      add(tool, n, r.peerValue);
    }
  }
  for (const xs of out.values()) xs.sort((a, b) => a.n - b.n);
  return out;
}

const kColors = ['#1f6feb', '#d1242f', '#8250df', '#1a7f37', '#bf8700', '#57606a'];
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function chart(doc: Results): string {
  const data = series(doc);
  const W = 800, H = 500;
  const L = 80, R = 250, T = 50, B = 70;
  const pw = W - L - R, ph = H - T - B;
  const floor = 0.01; // net figures at or below zero are drawn at the floor
  const all = [...data.values()].flat().map((p) => Math.max(floor, p.pct));
  const yMin = 10 ** Math.floor(Math.log10(Math.min(floor * 10, ...all)));
  const yMax = 10 ** Math.ceil(Math.log10(Math.max(1, ...all)));
  const x = (n: number): number => L + ((Math.log10(n) - 1) / 2) * pw; // 10 … 1000
  const y = (v: number): number => T + ph - ((Math.log10(Math.max(floor, v)) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) * ph;
  const o: string[] = [];
  o.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif" font-size="13">`);
  o.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  o.push(`<text x="${L}" y="24" font-size="16" font-weight="bold">Monitoring overhead at 1 s cadence: CPU vs monitored processes</text>`);
  o.push(`<text x="${L}" y="41" font-size="11" fill="#57606a">${esc(`${doc.quick ? 'quick run, ' : ''}${doc.date.slice(0, 16).replace('T', ' ')} UTC, ${doc.machine.cpu}, ${doc.machine.cores} cores, node ${doc.machine.node}; net of an idle node; log scales`)}</text>`);
  // Grid and axes.
  for (let e = Math.log10(yMin); e <= Math.log10(yMax) + 1e-9; e++) {
    const v = 10 ** e;
    o.push(`<line x1="${L}" x2="${L + pw}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#d0d7de"/>`);
    o.push(`<text x="${L - 8}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${v >= 1 ? v.toFixed(0) : v.toString()} %</text>`);
  }
  for (const n of [10, 20, 50, 100, 200, 500, 1000]) {
    const major = n === 10 || n === 100 || n === 1000;
    o.push(`<line x1="${x(n).toFixed(1)}" x2="${x(n).toFixed(1)}" y1="${T}" y2="${T + ph}" stroke="${major ? '#d0d7de' : '#eaeef2'}"/>`);
    o.push(`<text x="${x(n).toFixed(1)}" y="${T + ph + 18}" text-anchor="middle">${n}</text>`);
  }
  o.push(`<rect x="${L}" y="${T}" width="${pw}" height="${ph}" fill="none" stroke="#57606a"/>`);
  o.push(`<text x="${L + pw / 2}" y="${H - 22}" text-anchor="middle">monitored processes (sleeping)</text>`);
  o.push(`<text transform="translate(22 ${T + ph / 2}) rotate(-90)" text-anchor="middle">CPU, % of one core</text>`);
  // One line per tool; a tool measured at one size only is a lone marker.
  let i = 0;
  let ly = T + 14;
  for (const [tool, pts] of data) {
    const c = kColors[i % kColors.length]!;
    if (pts.length > 1) o.push(`<polyline fill="none" stroke="${c}" stroke-width="2.5" points="${pts.map((p) => `${x(p.n).toFixed(1)},${y(p.pct).toFixed(1)}`).join(' ')}"/>`);
    for (const p of pts) {
      o.push(`<circle cx="${x(p.n).toFixed(1)}" cy="${y(p.pct).toFixed(1)}" r="4" fill="${c}"><title>${esc(`${tool}: ${p.n} processes, ${p.pct.toFixed(3)} % of one core`)}</title></circle>`);
    }
    o.push(`<line x1="${L + pw + 16}" x2="${L + pw + 40}" y1="${ly}" y2="${ly}" stroke="${c}" stroke-width="2.5"/><circle cx="${L + pw + 28}" cy="${ly}" r="4" fill="${c}"/>`);
    o.push(`<text x="${L + pw + 46}" y="${ly + 4}">${esc(tool)}</text>`);
    // The figures under the name, two sizes a line.
    const figs = pts.map((p) => `${p.n}: ${p.pct < 0.1 ? p.pct.toFixed(3) : p.pct.toFixed(2)} %`);
    for (let k = 0; k < figs.length; k += 2) {
      o.push(`<text x="${L + pw + 46}" y="${ly + 19 + (k / 2) * 14}" font-size="11" fill="#57606a">${esc(figs.slice(k, k + 2).join(',  '))}</text>`);
    }
    ly += 34 + Math.ceil(figs.length / 2) * 14;
    i++;
  }
  o.push('</svg>');
  return `${o.join('\n')}\n`;
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const [inPath, outPath] = process.argv.slice(2);
  const src = inPath ?? fileURLToPath(new URL('results/latest.json', import.meta.url));
  const dst = outPath ?? fileURLToPath(new URL('../docs/perf-overhead.svg', import.meta.url));
  writeFileSync(dst, chart(JSON.parse(readFileSync(src, 'utf8')) as Results));
  process.stdout.write(`${src} → ${dst}\n`);
}
