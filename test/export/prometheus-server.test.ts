// A real Prometheus server (Debian package `prometheus`) scrapes running
// exporters: one, then two on different loopback ports (the multi-host path),
// one of them behind a bearer token, then a `runbus hub` whose RUNBUS_TOKEN
// it reads from a credentials file.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanEnv, startCli } from '../cli/cli-helper.js';
import { startPrometheusExporter } from '../../src/export/index.js';
import type { PrometheusExporter } from '../../src/export/index.js';
import { useTmpDir } from '../support/tmp.js';
import { fullFeed, kHavePrometheus, kNeedsPrometheusPackage, publishAll, quietBus } from './helpers.js';

const tmp = useTmpDir();
const exporters: PrometheusExporter[] = [];
let prom: ChildProcess | undefined;
let promLog = '';

afterEach(async () => {
  if (prom !== undefined && prom.exitCode === null) {
    const p = prom;
    await new Promise<void>((resolve) => {
      p.once('exit', () => { resolve(); });
      p.kill('SIGTERM');
      setTimeout(() => { p.kill('SIGKILL'); }, 5000).unref();
    });
  }
  prom = undefined;
  await Promise.all(exporters.splice(0).map((e) => e.close()));
});

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

async function exporter(runId: string, auth?: { bearer: string }): Promise<PrometheusExporter> {
  const bus = quietBus();
  const e = await startPrometheusExporter({ bus, port: 0, ...(auth === undefined ? {} : { auth }) });
  exporters.push(e);
  await publishAll(bus, fullFeed().map((env) => ({ ...env, payload: { ...env.payload, runId } }) as typeof env));
  return e;
}

async function startPrometheus(jobs: string): Promise<string> {
  const dir = tmp();
  const port = await freePort();
  const config = join(dir, 'prometheus.yml');
  writeFileSync(config, `global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n${jobs}`);
  mkdirSync(join(dir, 'data'));
  promLog = '';
  prom = spawn('prometheus', [
    `--config.file=${config}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn',
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  prom.stdout!.on('data', (b: Buffer) => { promLog += b.toString(); });
  prom.stderr!.on('data', (b: Buffer) => { promLog += b.toString(); });
  return `http://127.0.0.1:${port}`;
}

interface QueryResult { metric: Record<string, string>; value: [number, string] }

async function query(base: string, q: string): Promise<QueryResult[]> {
  const res = await fetch(`${base}/api/v1/query?query=${encodeURIComponent(q)}`);
  const body = (await res.json()) as { status: string; data: { result: QueryResult[] } };
  return body.status === 'success' ? body.data.result : [];
}

/** Polls a query until `ok` holds (Prometheus starts, then scrapes every second). */
async function until(base: string, q: string, ok: (r: QueryResult[]) => boolean, ms = 45_000): Promise<QueryResult[]> {
  const end = Date.now() + ms;
  let last: QueryResult[] = [];
  for (;;) {
    if (prom?.exitCode !== null) throw new Error(`prometheus exited (${String(prom?.exitCode)}):\n${promLog}`);
    try {
      last = await query(base, q);
      if (ok(last)) return last;
    } catch { /* not up yet */ }
    if (Date.now() > end) throw new Error(`timed out on ${q}; last result ${JSON.stringify(last)}\n${promLog}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe.skipIf(!kHavePrometheus)(`a real Prometheus server ${kHavePrometheus ? '' : kNeedsPrometheusPackage}`, () => {
  it('scrapes a running exporter; the query API returns runbus series', async () => {
    const e = await exporter('run-a');
    const base = await startPrometheus(`  - job_name: runbus\n    static_configs:\n      - targets: ['127.0.0.1:${e.port}']\n`);
    const r = await until(base, 'runbus_process_resident_memory_bytes', (x) => x.length > 0);
    expect(r[0]!.metric).toMatchObject({ __name__: 'runbus_process_resident_memory_bytes', run_id: 'run-a', component: 'trainer', job: 'runbus' });
    expect(Number(r[0]!.value[1])).toBe(2 * 512 * 1024 * 1024);
    const up = await query(base, 'up{job="runbus"}');
    expect(up.map((x) => x.value[1])).toEqual(['1']);
    const names = await until(base, 'count by (__name__) ({__name__=~"runbus_.+"})', (x) => x.length > 40);
    expect(names.map((x) => x.metric.__name__)).toEqual(expect.arrayContaining(['runbus_host_memory_used_percent', 'runbus_app_success_rate', 'runbus_alerts_firing', 'runbus_hub_dropped_total']));
  }, 90_000);

  it('two exporters on different loopback ports, one behind a bearer token, both appear', async () => {
    const a = await exporter('run-a');
    const b = await exporter('run-b', { bearer: 'tok-123' });
    const base = await startPrometheus([
      `  - job_name: hub-a\n    static_configs:\n      - targets: ['127.0.0.1:${a.port}']\n`,
      `  - job_name: hub-b\n    authorization:\n      credentials: tok-123\n    static_configs:\n      - targets: ['127.0.0.1:${b.port}']\n`,
    ].join(''));
    const r = await until(base, 'sum by (job, instance, run_id) (runbus_host_memory_used_percent)', (x) => x.length === 2);
    expect(r.map((x) => [x.metric.job, x.metric.run_id, x.metric.instance]).sort()).toEqual([
      ['hub-a', 'run-a', `127.0.0.1:${a.port}`],
      ['hub-b', 'run-b', `127.0.0.1:${b.port}`],
    ]);
  }, 90_000);

  it('scrapes `runbus hub` with RUNBUS_TOKEN through authorization.credentials_file; a job without it gets 401 (up 0)', async () => {
    const dir = tmp();
    const token = 'tok-from-file-7f3a';
    const credentials = join(dir, 'runbus.token');
    writeFileSync(credentials, `${token}\n`, { mode: 0o600 });
    const hub = startCli(['hub', '--socket', join(dir, 'h.sock'), '--db', join(dir, 'h.db'), '--interval', '200', '--metrics-port', '0'], {
      cwd: dir, env: cleanEnv({ RUNBUS_TOKEN: token }),
    });
    let out = '';
    hub.child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    try {
      const end = Date.now() + 20_000;
      while (!out.includes('Prometheus metrics on http://127.0.0.1:')) {
        if (Date.now() > end) throw new Error(`runbus hub did not start:\n${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const port = Number(/Prometheus metrics on http:\/\/127\.0\.0\.1:(\d+)\//.exec(out)![1]);
      const base = await startPrometheus([
        `  - job_name: with-token\n    authorization:\n      type: Bearer\n      credentials_file: ${credentials}\n    static_configs:\n      - targets: ['127.0.0.1:${port}']\n`,
        `  - job_name: without-token\n    static_configs:\n      - targets: ['127.0.0.1:${port}']\n`,
      ].join(''));
      const r = await until(base, 'runbus_host_cpu_percent{job="with-token"}', (x) => x.length > 0);
      expect(r[0]!.metric).toMatchObject({ job: 'with-token', instance: `127.0.0.1:${port}` });
      const up = await until(base, 'up', (x) => x.length === 2);
      expect(Object.fromEntries(up.map((x) => [x.metric.job, x.value[1]]))).toEqual({ 'with-token': '1', 'without-token': '0' });
      const targets = (await (await fetch(`${base}/api/v1/targets`)).json()) as { data: { activeTargets: { labels: { job: string }; lastError: string }[] } };
      expect(targets.data.activeTargets.find((t) => t.labels.job === 'without-token')?.lastError).toContain('401');
    } finally {
      hub.child.kill('SIGTERM');
      await hub.done;
    }
  }, 90_000);
});
