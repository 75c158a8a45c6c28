import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetricsCollector, ExporterError, startPrometheusExporter } from '../../src/export/index.js';
import type { PrometheusExporter } from '../../src/export/index.js';
import { fullFeed, publishAll, quietBus, sampleNames } from './helpers.js';

const open: PrometheusExporter[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
});

async function start(opts: Omit<Parameters<typeof startPrometheusExporter>[0], 'port'> & { port?: number } = {}): Promise<PrometheusExporter> {
  const e = await startPrometheusExporter({ port: 0, ...(opts.collector === undefined && opts.bus === undefined ? { bus: quietBus() } : {}), ...opts });
  open.push(e);
  return e;
}

describe('Prometheus exporter HTTP server', () => {
  it('serves /metrics on 127.0.0.1 by default, and /healthz', async () => {
    const bus = quietBus();
    const e = await start({ bus });
    expect(e.host).toBe('127.0.0.1');
    expect(e.url).toBe(`http://127.0.0.1:${e.port}/metrics`);
    await publishAll(bus, fullFeed());
    const res = await fetch(e.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0.0.4/);
    const body = await res.text();
    expect(sampleNames(body).has('runbus_process_cpu_percent')).toBe(true);
    const health = await fetch(`http://127.0.0.1:${e.port}/healthz`);
    expect([health.status, await health.text()]).toEqual([200, 'ok\n']);
    expect((await fetch(`http://127.0.0.1:${e.port}/nope`)).status).toBe(404);
    expect((await fetch(e.url, { method: 'POST' })).status).toBe(405);
  });

  it('bearer auth: 401 without or with a wrong token', async () => {
    const e = await start({ auth: { bearer: 's3cret' } });
    const no = await fetch(e.url);
    expect(no.status).toBe(401);
    expect(no.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await fetch(e.url, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await fetch(e.url, { headers: { authorization: 'Bearer s3cret' } })).status).toBe(200);
    // /healthz is not behind auth (load balancers, systemd checks).
    expect((await fetch(`http://127.0.0.1:${e.port}/healthz`)).status).toBe(200);
  });

  it('basic auth', async () => {
    const e = await start({ auth: { basic: { user: 'prom', pass: 'pa:ss' } } });
    const h = (u: string) => ({ authorization: `Basic ${Buffer.from(u).toString('base64')}` });
    expect((await fetch(e.url)).headers.get('www-authenticate')).toMatch(/^Basic/);
    expect((await fetch(e.url, { headers: h('prom:wrong') })).status).toBe(401);
    expect((await fetch(e.url, { headers: h('prom:pa:ss') })).status).toBe(200);
  });

  it('serves an existing collector and leaves it open on close', async () => {
    const bus = quietBus();
    const collector = createMetricsCollector({ bus });
    const e = await start({ collector });
    expect(e.registry).toBe(collector.registry);
    await e.close();
    await publishAll(bus, fullFeed());
    expect(sampleNames(await collector.metricsText()).has('runbus_process_cpu_percent')).toBe(true);
    await collector.close();
  });

  it('a port in use rejects with ERR_EXPORTER_LISTEN', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const err = await startPrometheusExporter({ bus: quietBus(), port }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ExporterError);
      expect((err as ExporterError).code).toBe('ERR_EXPORTER_LISTEN');
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });

  it('close() is idempotent and frees the port', async () => {
    const e = await start();
    await Promise.all([e.close(), e.close()]);
    await expect(fetch(e.url)).rejects.toThrow();
  });

  it('rejects bad options', async () => {
    await expect(startPrometheusExporter({ bus: quietBus(), port: 70000 })).rejects.toThrow(RangeError);
    await expect(startPrometheusExporter({ bus: quietBus(), port: 0, auth: { bearer: 'a', basic: { user: 'u', pass: 'p' } } })).rejects.toThrow(/not both/);
    await expect(startPrometheusExporter({ bus: quietBus(), port: 0, prot: 1 } as never)).rejects.toThrow(/unknown option "prot" \(did you mean "port"\?\)/);
  });
});
