import { describe, expect, it } from 'vitest';
import { RunBus } from '../../src/bus/index.js';
import { startDashboardServer, tokenChecker } from '../../src/dashboard/index.js';
import { quietLogger } from '../support/bus.js';

describe('dashboard token', () => {
  it('tokenChecker accepts only the exact token (any length presented)', () => {
    const check = tokenChecker('s3cret');
    expect(check('s3cret')).toBe(true);
    expect(check('s3cre')).toBe(false);
    expect(check('s3cret ')).toBe(false);
    expect(check('x'.repeat(10_000))).toBe(false);
    expect(check('')).toBe(false);
    expect(check(undefined)).toBe(false);
  });

  it('guards the APIs and /events with the bearer header only (never ?token=), not the page and its assets', async () => {
    const bus = new RunBus({ logger: quietLogger() });
    const server = await startDashboardServer({ bus, port: 0, token: 's3cret' });
    const ac = new AbortController();
    try {
      for (const path of ['api/live', 'api/runs', 'api/runs/x', 'events']) {
        const r = await fetch(`${server.url}${path}`);
        expect(r.status, path).toBe(401);
        expect(r.headers.get('www-authenticate')).toBe('Bearer realm="runbus"');
        expect(((await r.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
        // A token in the URL would land in logs: refused even when right, saying why.
        const q = await fetch(`${server.url}${path}?token=s3cret`);
        expect(q.status, path).toBe(401);
        expect(((await q.json()) as { error: { message: string } }).error.message).toContain('URL');
        expect((await fetch(`${server.url}${path}`, { headers: { authorization: 'Bearer wrong' } })).status, path).toBe(401);
      }
      expect((await fetch(`${server.url}api/live`, { headers: { authorization: 'Bearer s3cret' } })).status).toBe(200);
      expect((await fetch(`${server.url}api/live`, { headers: { authorization: 'bearer s3cret' } })).status).toBe(200);
      const es = await fetch(`${server.url}events`, { headers: { authorization: 'Bearer s3cret' }, signal: ac.signal });
      expect(es.status).toBe(200);
      for (const path of ['', 'js/app.js', 'app.css', 'vendor/uplot.min.js', 'vendor/uplot.min.css', 'healthz']) {
        expect((await fetch(`${server.url}${path}`)).status, path).toBe(200);
      }
      // Unknown paths say nothing without the token either.
      expect((await fetch(`${server.url}nope`)).status).toBe(401);
      expect((await fetch(`${server.url}nope`, { headers: { authorization: 'Bearer s3cret' } })).status).toBe(404);
    } finally {
      ac.abort();
      await server.close();
      await bus.close();
    }
  });
});
