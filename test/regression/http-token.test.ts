// Issue 15 item 2: with RUNBUS_TOKEN set, /metrics, /api/runs, /api/live and
// /events answered anyone with 200 — the token stopped at the socket. Now
// every HTTP path but /healthz needs `Authorization: Bearer <token>` (the
// dashboard's page, script and styles carry no data and stay loadable, so
// the page can then send the header); 401 with WWW-Authenticate otherwise.
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RunBus } from '../../src/bus/index.js';
import { createDashboard } from '../../src/dashboard/index.js';
import { startPrometheusExporter } from '../../src/export/index.js';
import { createHub } from '../../src/hub/index.js';
import { quietLogger } from '../support/bus.js';
import { useTmpDir, waitFor } from '../support/tmp.js';
import { cleanEnv, startCli } from '../cli/cli-helper.js';

const tmp = useTmpDir();

/** Status of a GET whose path is sent exactly as given. */
function rawStatus(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}
const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

const kGuarded = ['metrics', 'api/live', 'api/runs', 'api/runs/x', 'events', 'nope', 'metrics?token=s3cret', 'api/live?token=s3cret'];
const kOpen = ['healthz'];
const kPageAssets = ['', 'js/app.js', 'app.css', 'vendor/uplot.min.js'];

/** Asserts the guard on a server whose root is `base` (ending in "/"). */
async function expectGuarded(base: string, token: string): Promise<void> {
  const ac = new AbortController();
  try {
    for (const path of kGuarded) {
      for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: `Basic ${Buffer.from(`x:${token}`).toString('base64')}` }, { authorization: token }]) {
        const r = await fetch(`${base}${path}`, { headers: headers as Record<string, string>, signal: ac.signal });
        expect(r.status, `${path} ${JSON.stringify(headers)}`).toBe(401);
        expect(r.headers.get('www-authenticate'), path).toMatch(/^Bearer /);
        await r.body?.cancel();
      }
    }
    for (const path of kOpen) expect((await fetch(`${base}${path}`)).status, path).toBe(200);
    const good = { authorization: `Bearer ${token}` };
    const m = await fetch(`${base}metrics`, { headers: good });
    expect(m.status).toBe(200);
    expect(await m.text()).toContain('# TYPE runbus_');
    expect((await fetch(`${base}api/live`, { headers: good })).status).toBe(200);
    expect((await fetch(`${base}api/runs`, { headers: good })).status).toBe(200);
    const ev = await fetch(`${base}events`, { headers: good, signal: ac.signal });
    expect(ev.status).toBe(200);
    expect(ev.headers.get('content-type')).toContain('text/event-stream');
    expect((await fetch(`${base}nope`, { headers: good })).status).toBe(404);
  } finally {
    ac.abort();
  }
}

describe('the token on HTTP', () => {
  it('the exporter with bearer auth guards every path but /healthz, the dashboard included', async () => {
    const bus = new RunBus({ logger: quietLogger() });
    closers.push(() => bus.close());
    const dashboard = createDashboard({ bus, token: 's3cret' });
    const e = await startPrometheusExporter({ bus, port: 0, auth: { bearer: 's3cret' }, routes: dashboard });
    closers.push(() => e.close());
    const base = e.url.replace(/metrics$/, '');
    await expectGuarded(base, 's3cret');
    // The page assets carry no data: a browser loads them, then sends the header.
    for (const path of kPageAssets) expect((await fetch(`${base}${path}`)).status, path).toBe(200);
    // A path that only looks like an asset is judged as the dashboard resolves it (fetch would normalise it first).
    for (const raw of ['/js/app.js/../api/live', '/js/app.js/%2e%2e/api/runs', '/vendor/uplot.min.js/../../events']) {
      expect(await rawStatus(e.port, raw), raw).toBe(401);
    }
  });

  it('createHub({ token }) guards its metrics server and dashboard with the same token', async () => {
    const hub = await createHub({
      db: join(tmp(), 'h.db'), token: 's3cret', metrics: { port: 0 }, dashboard: true,
      self: false, host: false, gpu: false, handleSignals: false, alerts: false, logger: quietLogger(),
    });
    closers.push(() => hub.close());
    expect(hub.metricsUrl).toBeDefined();
    await expectGuarded(hub.metricsUrl!.replace(/metrics$/, ''), 's3cret');
  });

  it('runbus hub with RUNBUS_TOKEN: /metrics, /api/*, /events need it; /healthz does not', async () => {
    const dir = tmp();
    const hub = startCli(['hub', '--socket', join(dir, 'h.sock'), '--db', join(dir, 'h.db'), '--interval', '200', '--metrics-port', '0', '--dashboard'], {
      cwd: dir, env: cleanEnv({ RUNBUS_TOKEN: 'tok-from-env' }),
    });
    let out = '';
    hub.child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    try {
      await waitFor(() => out.includes('Prometheus metrics on http://127.0.0.1:'), 20_000, 'the exporter');
      const url = /Prometheus metrics on (\S+)/.exec(out)![1]!;
      await expectGuarded(url.replace(/metrics$/, ''), 'tok-from-env');
    } finally {
      hub.child.kill('SIGTERM');
      expect((await hub.done).code).toBe(0);
    }
  });
});
