// Remote write from the command line: `runbus run` sends the run's last
// samples before it exits; a malformed URL is a usage error that changes
// nothing; an unreachable one is a logged, counted retry; a hub SIGKILLed
// mid-backlog resumes from its cursor without duplicates the server rejects.
import { fork } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { useTmpDir } from '../support/tmp.js';
import { kHavePrometheus, kNeedsPrometheusPackage } from '../export/helpers.js';
import { cleanEnv, runCli } from '../cli/cli-helper.js';
import { bearerProxy, freePort, PromServer } from '../../support/prom-server.js';

const tmp = useTmpDir();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const kFixture = join(import.meta.dirname, '..', 'fixtures', 'remote-write', 'hub-backlog.mjs');

describe('remote write on the command line', () => {
  it('a malformed URL is a usage error naming the flag, and nothing is created', async () => {
    const dir = tmp();
    const r = await runCli(['run', '--remote-write', 'http//nope', '--', process.execPath, '-e', ''], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--remote-write');
    expect(r.stderr).toContain('malformed');
    expect(existsSync(join(dir, 'runbus.db'))).toBe(false);
    const creds = await runCli(['run', '--remote-write', 'http://u:secret@127.0.0.1:9/api/v1/write', '--', process.execPath, '-e', ''], { cwd: dir });
    expect(creds.code).toBe(2);
    expect(creds.stderr).toContain('must not carry credentials');
  });

  it('an unreachable URL: the command runs, the failure is logged once and counted, the rows stay behind the cursor', async () => {
    const dir = tmp();
    const port = await freePort();
    const r = await runCli(['run', '--quiet', '--interval', '100', '--remote-write', `http://127.0.0.1:${port}/api/v1/write`, '--', process.execPath, '-e', 'setTimeout(() => {}, 500)'], { cwd: dir, timeoutMs: 40_000 });
    expect(r.code).toBe(0);
    expect(r.stderr.match(/remote write: .* failed \(unreachable/g)).toHaveLength(1);
    expect(r.stderr).toMatch(/rows not sent yet; they stay in the store/);
    const d = new Database(join(dir, 'runbus.db'), { readonly: true });
    const behind = d.prepare("SELECT count(*) AS n FROM snapshots").get() as { n: number };
    const cursor = d.prepare("SELECT coalesce(max(last_rowid), 0) AS last FROM remote_write_cursors WHERE source = 't_snapshot'").get() as { last: number };
    d.close();
    expect(behind.n).toBeGreaterThan(cursor.last);
    // The host inventory recorded at start shows in the report.
    const rep = await runCli(['report'], { cwd: dir });
    expect(rep.stdout).toMatch(/^ {2}machine {4}.+, id [0-9a-f]{16}, .*\d+ cores/m);
  }, 60_000);

  describe.skipIf(!kHavePrometheus)(`into a real Prometheus ${kHavePrometheus ? '' : kNeedsPrometheusPackage}`, () => {
    it('runbus run sends the run\'s last samples before it exits (token from a file, behind an auth proxy)', async () => {
      const dir = tmp();
      const prom = await PromServer.start(join(dir, 'prom'));
      cleanups.push(() => prom.stop());
      const proxy = await bearerProxy(prom.writeUrl, 's3cret');
      cleanups.push(() => proxy.close());
      writeFileSync(join(dir, 'token'), 's3cret\n', { mode: 0o600 });
      const r = await runCli(['run', '--summary-json', '--interval', '100', '--remote-write', proxy.url, '--remote-write-bearer-token-file', 'token', '--',
        process.execPath, '-e', 'const a = []; const t = setInterval(() => a.push(Buffer.alloc(1e6, 1)), 50); setTimeout(() => clearInterval(t), 700)'], { cwd: dir, timeoutMs: 40_000 });
      expect(r.code).toBe(0);
      const runId = (JSON.parse(r.stderr.trim().split('\n').at(-1)!) as { run_id: string }).run_id;
      const d = new Database(join(dir, 'runbus.db'), { readonly: true });
      const rows = d.prepare('SELECT pid, ts_ms, rss_bytes FROM snapshots WHERE run_id = ? AND rss_bytes IS NOT NULL ORDER BY pid, ts_ms').all(runId) as { pid: number; ts_ms: number; rss_bytes: number }[];
      d.close();
      expect(rows.length).toBeGreaterThan(3);
      // Already there when runbus exited: no polling needed.
      const got = await prom.samples(`runbus_process_resident_memory_bytes{run_id="${runId}"}`);
      const flat = got.flatMap((s) => s.values.map(([t, v]) => ({ pid: Number(s.metric.pid), ts_ms: Math.round(t * 1000), rss_bytes: Number(v) })))
        .sort((a, b) => a.pid - b.pid || a.ts_ms - b.ts_ms);
      expect(flat).toEqual(rows);
      expect(proxy.refused).toBe(0);
    }, 90_000);

    it('a hub SIGKILLed mid-backlog resumes from its cursor: every sample once, no request refused', async () => {
      const dir = tmp();
      const db = join(dir, 'hub.db');
      const down = `http://127.0.0.1:${await freePort()}/api/v1/write`;
      const env = cleanEnv({ T0: String(Date.now() - 300_000) });
      const run = (url: string, mode: string) => fork(kFixture, [db, url, mode], { env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
      const exit = (c: ReturnType<typeof fork>) => new Promise<number | null>((res) => { c.on('exit', (code) => { res(code); }); });
      expect(await exit(run(down, 'fill'))).toBe(0);

      const prom = await PromServer.start(join(dir, 'prom'));
      cleanups.push(() => prom.stop());
      const q = 'count_over_time(runbus_app_iteration{run_id="backlog"}[1h])';
      const slow = run(prom.writeUrl, 'slow');
      cleanups.push(() => { slow.kill('SIGKILL'); return Promise.resolve(); });
      await prom.until(() => prom.query(q), (r) => Number(r[0]?.value[1] ?? 0) >= 3000);
      slow.kill('SIGKILL');
      await exit(slow);
      const partial = Number((await prom.query(q))[0]!.value[1]);
      expect(partial).toBeLessThan(20_000);

      const finish = run(prom.writeUrl, 'finish');
      let out = '';
      finish.stdout!.on('data', (b: Buffer) => { out += b.toString(); });
      expect(await exit(finish)).toBe(0);
      const stats = JSON.parse(out) as { rowsBehind: number; refusedSamples: number; targets: { replayedRequests: number; refusedRequests: number }[] };
      expect(stats).toMatchObject({ rowsBehind: 0, refusedSamples: 0 });
      expect(stats.targets[0]!.refusedRequests).toBe(0);
      const all = await prom.samples('runbus_app_iteration{run_id="backlog"}');
      expect(all).toHaveLength(1);
      expect(all[0]!.values.map(([, v]) => Number(v))).toEqual(Array.from({ length: 20_000 }, (_, i) => i));
    }, 120_000);
  });
});
