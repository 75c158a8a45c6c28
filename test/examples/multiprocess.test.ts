import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../support/tmp.js';

const tmp = useTmpDir();
const root = join(import.meta.dirname, '..', '..');

describe('examples/multiprocess (the README demo)', () => {
  it('the parent receives RESOURCE for all four processes and the rows land in the store', () => {
    const db = join(tmp(), 'demo.db');
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'examples', 'multiprocess', 'main.ts'), '--seconds', '4', '--json', '--db', db], {
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
    expect(summary.metricsReceived).toBeGreaterThan(0);
    expect(summary.metricsStored).toBe(summary.metricsReceived);
  });
});
