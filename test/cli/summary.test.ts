import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../support/tmp.js';
import { kFixtures, runCli } from './cli-helper.js';

const tmp = useTmpDir();

interface Summary {
  run_id: string;
  samples: number;
  processes: number;
  ticks: number;
  peak_rss_bytes: number;
  peak_process_rss_bytes: number;
  cpu_user_ms: number;
  cpu_system_ms: number;
  cpu_peak_percent: number;
  exit_code: number;
  components: { component: string; samples: number; processes: number; peak_process_rss_bytes: number }[];
  wall_ms?: number;
  kernel_peak_rss_bytes?: number;
}

describe('the summary matches the database', () => {
  it('run --summary-json, --log-json and report --json agree with the rows', async () => {
    const dir = tmp();
    const r = await runCli(['run', '--interval', '100', '--summary-json', '--log-json', 'log.jsonl', '--component', 'work', '--', process.execPath, join(kFixtures, 'workload.mjs')], { cwd: dir });
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stderr.trim().split('\n').at(-1)!) as Summary;

    const d = new Database(join(dir, 'runbus.db'), { readonly: true });
    const agg = d.prepare('select count(*) n, count(distinct pid) p, count(distinct ts_ms) t, max(rss_bytes) peak from snapshots where run_id = ?').get(s.run_id) as { n: number; p: number; t: number; peak: number };
    const perTick = d.prepare('select max(total) m from (select sum(rss_bytes) total from snapshots where run_id = ? group by ts_ms)').get(s.run_id) as { m: number };
    const cpuUser = d.prepare('select sum(u) u from (select max(cpu_user_ms) u from snapshots where run_id = ? group by component, pid)').get(s.run_id) as { u: number };
    const comps = d.prepare('select component, count(*) n from snapshots where run_id = ? group by component order by component').all(s.run_id) as { component: string; n: number }[];
    d.close();

    expect(s.samples).toBe(agg.n);
    expect(s.processes).toBe(agg.p);
    expect(s.ticks).toBe(agg.t);
    expect(s.peak_process_rss_bytes).toBe(agg.peak);
    expect(s.peak_rss_bytes).toBe(perTick.m);
    // The kernel's rusage of the tree covers every sampled process's
    // cumulative CPU (one 10 ms clock tick of rounding aside).
    expect(s.cpu_user_ms).toBeGreaterThanOrEqual(cpuUser.u - 10);
    expect(s.components.map((c) => [c.component, c.samples])).toEqual(comps.map((c) => [c.component, c.n]));
    // Sanity, not timing: the work spun a core for about a second and held 60 MB.
    expect(agg.p).toBeGreaterThanOrEqual(2);
    expect(s.peak_process_rss_bytes).toBeGreaterThan(60e6);
    expect(s.cpu_user_ms).toBeGreaterThan(300);
    expect(s.components[0]!.component).toBe('work');
    // VmHWM read while running: the 60 MB child was alive for several reads.
    expect(s.kernel_peak_rss_bytes).toBeGreaterThan(60e6);

    const log = readFileSync(join(dir, 'log.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(log.every((l) => l.run_id === s.run_id)).toBe(true);
    const events = log.map((l) => l.event);
    expect(events[0]).toBe('resources_initial');
    expect(events.at(-1)).toBe('resources_final');
    expect(events.filter((e) => e === 'process_resources')).toHaveLength(agg.p);
    // Each process record carries its thread count (seed 001's num_threads).
    expect(log.filter((l) => l.event === 'process_resources').every((l) => typeof l.threads === 'number' && l.threads >= 1)).toBe(true);
    const initial = log[0] as { host: { cpu_count: number }; process: { pid: number; component: string } };
    expect(initial.host.cpu_count).toBeGreaterThan(0);
    expect(initial.process.component).toBe('work');
    const final = log.at(-1) as unknown as Summary;
    expect(final.peak_rss_bytes).toBe(s.peak_rss_bytes);
    expect(final.samples).toBe(s.samples);

    const rep = await runCli(['report', '--run', s.run_id, '--json'], { cwd: dir });
    expect(rep.code).toBe(0);
    const report = JSON.parse(rep.stdout) as { summary: Summary; rollups: { samples: number }[] };
    expect(report.summary.samples).toBe(s.samples);
    expect(report.summary.peak_rss_bytes).toBe(s.peak_rss_bytes);
    expect(report.rollups.reduce((a, x) => a + x.samples, 0)).toBe(agg.n);

    const text = await runCli(['report', '--last'], { cwd: dir });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`run ${s.run_id}`);
    expect(text.stdout).toContain('per minute:');
  });
});

describe('runs, report and export output parses', () => {
  it('runs lists both runs; export writes JSON and CSV that parse', async () => {
    const dir = tmp();
    expect((await runCli(['run', '-q', '--interval', '50', '--', 'sleep', '1'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['run', '-q', '--interval', '50', '--', 'sh', '-c', 'sleep 1; exit 5'], { cwd: dir })).code).toBe(5);

    const runs = await runCli(['runs', '--json'], { cwd: dir });
    const list = JSON.parse(runs.stdout) as { run_id: string; exit_code: number }[];
    expect(list.map((x) => x.exit_code)).toEqual([0, 5]);
    const table = await runCli(['runs'], { cwd: dir });
    expect(table.stdout.split('\n')[0]).toMatch(/^run\s+started\s+duration\s+exit\s+cpu time\s+max rss\s+command/);
    expect(table.stdout).toContain("sh -c 'sleep 1; exit 5'");

    const j = await runCli(['export', '--format', 'json', '--out', 'all.json'], { cwd: dir });
    expect(j.code).toBe(0);
    const all = JSON.parse(readFileSync(join(dir, 'all.json'), 'utf8')) as { runs: unknown[]; snapshots: { run_id: string }[] };
    expect(all.runs).toHaveLength(2);
    expect(all.snapshots.length).toBeGreaterThan(0);

    const c = await runCli(['export', '--format', 'csv', '--out', 'one.csv', '--run', list[1]!.run_id], { cwd: dir });
    expect(c.code).toBe(0);
    const csv = readFileSync(join(dir, 'one.csv'), 'utf8').trim().split('\n');
    expect(csv[0]!.split(',').slice(0, 4)).toEqual(['run_id', 'component', 'pid', 'ts_ms']);
    expect(csv.slice(1).every((l) => l.startsWith(list[1]!.run_id))).toBe(true);

    const stdout = await runCli(['export', '--format', 'csv', '--table', 'runs'], { cwd: dir });
    expect(stdout.stdout.split('\n')[0]).toContain('run_id');
  });

  it('report or export of a run that does not exist: exit 1 naming it, no file', async () => {
    const dir = tmp();
    const none = await runCli(['report'], { cwd: dir });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('runbus.db');
    expect((await runCli(['run', '-q', '--', 'true'], { cwd: dir })).code).toBe(0);
    const r = await runCli(['report', '--run', 'nope'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no run "nope"');
    const e = await runCli(['export', '--run', 'nope', '--out', 'x.json'], { cwd: dir });
    expect(e.code).toBe(1);
    expect(() => readFileSync(join(dir, 'x.json'))).toThrow();
  });
});
