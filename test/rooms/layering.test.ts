// Imports between folders under src/ go down the flow, never back up
// (docs/ARCHITECTURE.md): wire ← bus ← containers ← samplers/store/alerts ← export,
// dashboard, config ← remote-write ← hub ← cli. The shared helpers at the root of src/
// (errors, options, listen) sit below everything; src/index.ts above.
// src/config reads the environment for the command and for createHub/track.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const kSrc = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

/** Lower ranks are further down the flow; a folder imports only lower ranks. */
const kRank: Readonly<Record<string, number>> = {
  '(root)': 0,
  wire: 1,
  bus: 2,
  // The Docker Engine client and cgroup readers; the sampler worker reads through them.
  containers: 2.5,
  samplers: 3,
  store: 3,
  alerts: 3,
  config: 4,
  export: 4,
  dashboard: 4,
  // Reads the store and names series as the exporter does; the hub starts it.
  'remote-write': 4.5,
  hub: 5,
  tracker: 5,
  cli: 6,
  '(index)': 7,
};

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return walk(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

function folderOf(file: string): string {
  const rel = relative(kSrc, file).split(sep);
  if (rel.length === 1) return rel[0] === 'index.ts' ? '(index)' : '(root)';
  return rel[0]!;
}

/** Relative specifiers of static imports, re-exports and dynamic import() calls. */
function importsOf(text: string): string[] {
  const out: string[] = [];
  const re = /(?:^|\n)\s*(?:import|export)\s[^;'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;
  for (const m of text.matchAll(re)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (spec !== undefined && spec.startsWith('.')) out.push(spec);
  }
  return out;
}

interface Edge {
  from: string;
  to: string;
  file: string;
  spec: string;
}

function folderEdges(): Edge[] {
  const edges: Edge[] = [];
  for (const file of walk(kSrc)) {
    if (file.includes(`${sep}gen${sep}`)) continue;
    const from = folderOf(file);
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      const to = folderOf(resolve(dirname(file), spec));
      if (to !== from) edges.push({ from, to, file: relative(kSrc, file), spec });
    }
  }
  return edges;
}

/** A cycle among folders, as a path, or undefined. */
function findCycle(edges: readonly { from: string; to: string }[]): string[] | undefined {
  const next = new Map<string, Set<string>>();
  for (const e of edges) {
    let s = next.get(e.from);
    if (s === undefined) next.set(e.from, (s = new Set()));
    s.add(e.to);
  }
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    if (state.get(n) === 'done') return undefined;
    if (state.get(n) === 'open') return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, 'open');
    stack.push(n);
    for (const m of next.get(n) ?? []) {
      const c = visit(m);
      if (c !== undefined) return c;
    }
    stack.pop();
    state.set(n, 'done');
    return undefined;
  };
  for (const n of next.keys()) {
    const c = visit(n);
    if (c !== undefined) return c;
  }
  return undefined;
}

describe('folders under src/', () => {
  const edges = folderEdges();

  it('the import parser sees the imports (a sanity check of the test itself)', () => {
    expect(edges.some((e) => e.from === 'hub' && e.to === 'bus')).toBe(true);
    expect(edges.some((e) => e.from === 'cli' && e.to === 'hub')).toBe(true);
    expect(importsOf("import type { A } from '../a.js';\nexport { B } from './b.js';\nconst c = await import('../c/index.js');")).toEqual([
      '../a.js',
      './b.js',
      '../c/index.js',
    ]);
  });

  it('form no import cycle', () => {
    expect(findCycle(edges)?.join(' → ')).toBeUndefined();
    // The checker finds one when there is one.
    expect(findCycle([{ from: 'bus', to: 'samplers' }, { from: 'samplers', to: 'bus' }])).toEqual(['bus', 'samplers', 'bus']);
  });

  it('each have a place in the flow', () => {
    const unknown = [...new Set(walk(kSrc).map(folderOf))].filter((f) => kRank[f] === undefined);
    expect(unknown, 'add new folders to kRank here and to docs/ARCHITECTURE.md').toEqual([]);
  });

  it('import only folders further down the flow', () => {
    const up = edges
      .filter((e) => (kRank[e.to] ?? Infinity) >= (kRank[e.from] ?? -Infinity))
      .map((e) => `${e.file} imports ${e.spec} (${e.from} → ${e.to})`);
    expect(up).toEqual([]);
  });
});
