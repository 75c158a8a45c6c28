import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../support/tmp.js';

const tmp = useTmpDir();
const root = join(import.meta.dirname, '..', '..');

describe('examples/multiprocess (the README demo)', () => {
  it('compiled (as npm run demo runs it): RESOURCE for all four processes, the rows in the store, no tsx/esbuild process', () => {
    const db = join(tmp(), 'demo.db');
    const built = spawnSync(process.execPath, [join(root, 'scripts', 'build-examples.mjs')], { cwd: root, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    const r = spawnSync(process.execPath, [join(root, 'dist-examples', 'multiprocess', 'main.js'), '--seconds', '4', '--json', '--db', db], {
      cwd: root, encoding: 'utf8', timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as {
      components: Record<string, number>; snapshotsStored: Record<string, number>; metricsReceived: number; metricsStored: number;
    };
    for (const c of ['app', 'cpu-worker', 'mem-worker', 'idle-worker']) {
      expect(summary.components[c], `RESOURCE for ${c}`).toBeGreaterThan(0);
      expect(summary.snapshotsStored[c], `stored rows for ${c}`).toBeGreaterThan(0);
    }
    expect(new Set(['app', 'cpu-worker', 'mem-worker', 'idle-worker'].map((c) => summary.components[c])).size).toBe(4);
    // Plain node workers: no loader process (tsx's esbuild) among the app's children.
    expect(Object.keys(summary.components).filter((c) => /esbuild|tsx/.test(c))).toEqual([]);
    expect(summary.metricsReceived).toBeGreaterThan(0);
    expect(summary.metricsStored).toBe(summary.metricsReceived);
  });
});
