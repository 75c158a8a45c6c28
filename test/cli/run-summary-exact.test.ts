import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../support/tmp.js';
import { cleanEnv, kFixtures, runCli } from './cli-helper.js';

const tmp = useTmpDir();

interface Summary {
  run_id: string;
  source: string;
  recorded: boolean;
  cpu_user_ms: number;
  cpu_system_ms: number;
  max_rss_bytes: number;
  minor_faults: number;
  major_faults: number;
  ctx_switches_voluntary: number;
  ctx_switches_involuntary: number;
  cpu_avg_percent: number | null;
  peak_rss_bytes: number | null;
  samples: number;
  wall_ms: number;
  exit_status: number;
}

/** The fields of process.resourceUsage() the test compares. */
interface OwnUsage {
  userCPUTime: number;
  systemCPUTime: number;
  maxRSS: number;
  minorPageFault: number;
  voluntaryContextSwitches: number;
  involuntaryContextSwitches: number;
}

function own(path: string): OwnUsage {
  return JSON.parse(readFileSync(path, 'utf8')) as OwnUsage;
}

describe('runbus run: the kernel rusage of the command tree', () => {
  it('counts the reaped grandchild: its CPU time, its 192 MiB spike between samples, its page faults; stored and kept after retention', async () => {
    const dir = tmp();
    const r = await runCli(['run', '--summary-json', '--', process.execPath, join(kFixtures, 'rusage-tree.mjs'), join(dir, 'parent.json'), join(dir, 'child.json')], { cwd: dir });
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stderr.trim().split('\n').at(-1)!) as Summary;
    const parent = own(join(dir, 'parent.json'));
    const child = own(join(dir, 'child.json'));
    expect(s.source).toBe('rusage');
    // The tree's totals cover what each process counted for itself
    // (resourceUsage() is microseconds and KiB).
    expect(s.cpu_user_ms).toBeGreaterThanOrEqual((parent.userCPUTime + child.userCPUTime) / 1000);
    expect(s.cpu_system_ms).toBeGreaterThanOrEqual((parent.systemCPUTime + child.systemCPUTime) / 1000);
    expect(s.minor_faults).toBeGreaterThanOrEqual(parent.minorPageFault + child.minorPageFault);
    expect(s.ctx_switches_voluntary).toBeGreaterThanOrEqual(parent.voluntaryContextSwitches + child.voluntaryContextSwitches);
    expect(s.ctx_switches_involuntary).toBeGreaterThanOrEqual(parent.involuntaryContextSwitches + child.involuntaryContextSwitches);
    // maxrss: the largest process of the tree, the child with its 192 MiB.
    expect(s.max_rss_bytes).toBeGreaterThanOrEqual(Math.max(parent.maxRSS, child.maxRSS) * 1024);
    expect(s.max_rss_bytes).toBeGreaterThan(192 * 1024 * 1024);
    // 192 MiB touched: at least one fault per 4 KiB page (or per huge page).
    expect(child.minorPageFault).toBeGreaterThan(0);
    expect(s.major_faults).toBeGreaterThanOrEqual(0);

    const text = await runCli(['report', '--run', s.run_id], { cwd: dir });
    expect(text.stdout).toContain('(kernel: the command and the children it waited for)');
    expect(text.stdout).toContain('(kernel maxrss)');

    // A second run with a 1 s raw-row retention outlives the first's rows.
    const env = cleanEnv({ RUNBUS_RETENTION_MS: '1000' });
    expect((await runCli(['run', '-q', '--interval', '100', '--', 'sleep', '2.5'], { cwd: dir, env })).code).toBe(0);
    const db = new Database(join(dir, 'runbus.db'), { readonly: true });
    const left = db.prepare('SELECT count(*) AS n FROM snapshots WHERE run_id = ?').get(s.run_id) as { n: number };
    const recorded = db.prepare('SELECT * FROM run_summaries WHERE run_id = ?').get(s.run_id) as Record<string, unknown>;
    db.close();
    expect(left.n).toBe(0);
    expect(recorded).toMatchObject({ source: 'rusage', cpu_user_ms: s.cpu_user_ms, max_rss_bytes: s.max_rss_bytes, minor_faults: s.minor_faults });

    const rep = await runCli(['report', '--run', s.run_id, '--json'], { cwd: dir });
    expect(rep.code).toBe(0);
    const after = (JSON.parse(rep.stdout) as { summary: Summary }).summary;
    expect(after.recorded).toBe(true);
    for (const k of ['source', 'cpu_user_ms', 'cpu_system_ms', 'max_rss_bytes', 'minor_faults', 'major_faults', 'ctx_switches_voluntary', 'cpu_avg_percent', 'peak_rss_bytes', 'samples', 'wall_ms', 'exit_status'] as const) {
      expect(after[k], k).toEqual(s[k]);
    }
    const runs = await runCli(['runs'], { cwd: dir });
    expect(runs.stdout).toMatch(/cpu time/);
  });
});
