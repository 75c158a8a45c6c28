// `runbus dashboard --db FILE`: the browser dashboard over stored runs, with
// no hub. The database is read, never written; a missing one is an error
// that creates nothing.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../support/tmp.js';
import { cleanEnv, runCli, startCli } from './cli-helper.js';

const tmp = useTmpDir();

/** A short recorded run: a node process that allocates and spins ~1 s. */
async function recordRun(dir: string, db: string): Promise<void> {
  const r = await runCli(['run', '-q', '--no-gpu', '--interval', '200', '--db', db, '--', process.execPath, '-e', 'const a=Buffer.alloc(32<<20,1);const t=Date.now();while(Date.now()-t<1000);console.log(a.length)'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
}

/** Starts `runbus dashboard`, resolves with its URL once printed. */
async function startDashboard(dir: string, args: string[], env = cleanEnv()): Promise<{ url: string; stop: (sig: NodeJS.Signals) => Promise<{ code: number | null; stdout: string; stderr: string }> }> {
  const { child, done } = startCli(['dashboard', ...args], { cwd: dir, env });
  let stdout = '';
  child.stdout!.on('data', (d: string) => (stdout += d));
  const url = await new Promise<string>((resolve, reject) => {
    const check = (): void => {
      const m = /runbus dashboard: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', check);
    void done.then((r) => { reject(new Error(`runbus dashboard exited ${r.code}: ${r.stderr}`)); });
  });
  return { url, stop: (sig) => { child.kill(sig); return done; } };
}

function fingerprint(path: string): { sha: string; mtimeMs: number; size: number } {
  const st = statSync(path);
  return { sha: createHash('sha256').update(readFileSync(path)).digest('hex'), mtimeMs: st.mtimeMs, size: st.size };
}

interface Series { t: number[]; v: (number | null)[] }
interface RunView { runId: string; command: string | null; exitCode: number | null; signal: string | null; host: string | null }
/** The fields of the dashboard's JSON answers this test reads. */
interface Body {
  live?: string | null;
  liveHub?: boolean;
  store?: boolean;
  runs: RunView[];
  hosts: { hostId: string; hostname: string | null }[];
  run: RunView;
  source: string;
  components: { name: string; series: { rss: Series } }[];
  error: { code: string };
}

async function json(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Body }> {
  const res = await fetch(url, { headers });
  return { status: res.status, body: (await res.json()) as Body };
}

describe('runbus dashboard --db', () => {
  it('serves the stored runs read-only, says there is no live hub, and stops with 0 on SIGTERM', async () => {
    const dir = tmp();
    const db = join(dir, 'r.db');
    await recordRun(dir, db);
    const before = fingerprint(db);
    const snapshots = JSON.parse((await runCli(['export', '--db', db, '--last', '--table', 'snapshots'], { cwd: dir })).stdout) as { rss_bytes: number | null }[];
    const d = await startDashboard(dir, ['--db', db, '--port', '0']);
    let stopped = false;
    try {
      const page = await fetch(d.url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<body data-stored-only>');
      expect((await fetch(`${d.url}js/app.js`)).status).toBe(200);

      const runs = await json(`${d.url}api/runs`);
      expect(runs.status).toBe(200);
      expect(runs.body).toMatchObject({ live: null, liveHub: false, store: true });
      expect(runs.body.runs).toHaveLength(1);
      // The machine the run was recorded on, from the hosts view (the page's header shows it).
      expect(runs.body.hosts).toHaveLength(1);
      expect(runs.body.hosts[0]).toMatchObject({ hostname: hostname(), hostId: expect.any(String) });
      expect(runs.body.runs[0]!.host).toBe(hostname());
      const run = runs.body.runs[0]!;
      expect(run).toMatchObject({ exitCode: 0, signal: null });
      expect(run.command).toContain('Buffer.alloc');

      const h = await json(`${d.url}api/runs/${encodeURIComponent(run.runId)}`);
      expect(h.status).toBe(200);
      expect(h.body.source).toBe('raw');
      expect(h.body.run.runId).toBe(run.runId);
      const comp = h.body.components.find((c) => c.name === 'node');
      expect(comp, JSON.stringify(h.body.components.map((c) => c.name))).toBeDefined();
      const rss = comp!.series.rss.v.filter((v): v is number => v !== null);
      expect(rss.length).toBeGreaterThan(0);
      // The charted figure is the stored one: the run's peak rss, as exported.
      expect(Math.max(...rss)).toBe(Math.max(...snapshots.map((s) => s.rss_bytes ?? 0)));
      expect(Math.max(...rss)).toBeGreaterThan(32 << 20);

      // The live parts answer at once that there is no hub.
      for (const p of ['events', 'api/live']) {
        const r = await json(`${d.url}${p}`);
        expect(r.status).toBe(404);
        expect(r.body.error.code).toBe('no_live_hub');
      }
      expect((await json(`${d.url}api/runs/nope`)).status).toBe(404);

      const r = await d.stop('SIGTERM');
      stopped = true;
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`stored runs of ${db}, read-only`);
    } finally {
      if (!stopped) await d.stop('SIGKILL');
    }
    expect(fingerprint(db)).toEqual(before);
  });

  it('a missing database: exit 1 naming it, nothing created', async () => {
    const dir = tmp();
    const db = join(dir, 'missing.db');
    const r = await runCli(['dashboard', '--db', db, '--port', '0'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`runbus: store ${JSON.stringify(db)} does not exist\n`);
    expect(r.stdout).toBe('');
    expect(existsSync(db)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('bad flags are usage errors (exit 2)', async () => {
    const dir = tmp();
    const r = await runCli(['dashboard', '--port', '70000'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--port must be an integer from 0 to 65535/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('RUNBUS_TOKEN guards the APIs as on the live dashboard; SIGINT stops it with 0', async () => {
    const dir = tmp();
    const db = join(dir, 'r.db');
    await recordRun(dir, db);
    const d = await startDashboard(dir, ['--db', db], cleanEnv({ RUNBUS_TOKEN: 's3cret' }));
    let stopped = false;
    try {
      expect((await fetch(d.url)).status).toBe(200);
      expect((await json(`${d.url}api/runs`)).status).toBe(401);
      expect((await json(`${d.url}api/runs`, { authorization: 'Bearer wrong' })).status).toBe(401);
      const ok = await json(`${d.url}api/runs`, { authorization: 'Bearer s3cret' });
      expect(ok.status).toBe(200);
      expect(ok.body.runs).toHaveLength(1);
      // As on the live dashboard, a token in the URL is refused (URLs land in logs).
      expect((await json(`${d.url}api/runs?token=s3cret`)).status).toBe(401);
      const r = await d.stop('SIGINT');
      stopped = true;
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toContain('s3cret');
    } finally {
      if (!stopped) await d.stop('SIGKILL');
    }
  });
});
