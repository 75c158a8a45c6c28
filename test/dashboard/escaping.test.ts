// Data never reaches the page as markup: the script writes text only, the
// page has no inline script or style, and every response carries a strict
// Content-Security-Policy and nosniff.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunBus } from '../../src/bus/index.js';
import { kSecurityHeaders, startDashboardServer } from '../../src/dashboard/index.js';
import { kPageDir } from '../../src/dashboard/page-assets.js';
import { kPageHtml } from '../../src/dashboard/page-html.js';
import { Topic } from '../../src/wire/index.js';
import { quietLogger } from '../support/bus.js';

const kEvil = '<img src=x onerror=alert(1)>';

describe('escaping and headers', () => {
  it('the page script never parses data as HTML (eslint forbids it in the source; this reads what is served)', () => {
    const modules = readdirSync(kPageDir).filter((n) => n.endsWith('.js'));
    expect(modules).toContain('app.js');
    for (const n of modules) {
      expect(readFileSync(join(kPageDir, n), 'utf8'), n).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
    }
  });

  it('the page has no inline script, handler or style', () => {
    expect(kPageHtml).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(kPageHtml).not.toMatch(/\son[a-z]+=/i);
    expect(kPageHtml).not.toMatch(/\sstyle=|<style/i);
    expect(kPageHtml).not.toMatch(/https?:\/\//); // nothing from the internet
  });

  it('every response has the CSP and nosniff; a hostile name travels as JSON text', async () => {
    const bus = new RunBus({ logger: quietLogger() });
    const server = await startDashboardServer({ bus, port: 0, pushIntervalMs: 20 });
    try {
      bus.publish(Topic.RESOURCE, { tsMs: Date.now(), runId: 'r', component: kEvil, pid: 1, cpuPercent: 1 });
      await new Promise((r) => setTimeout(r, 300));
      for (const path of ['', 'js/app.js', 'app.css', 'vendor/uplot.min.js', 'api/live', 'api/runs', 'api/nope']) {
        const r = await fetch(`${server.url}${path}`);
        expect(r.headers.get('content-security-policy'), path).toBe(kSecurityHeaders['content-security-policy']);
        expect(r.headers.get('x-content-type-options'), path).toBe('nosniff');
      }
      const csp = kSecurityHeaders['content-security-policy']!;
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      const live = (await (await fetch(`${server.url}api/live`)).json()) as { components: { name: string }[] };
      expect(live.components[0]!.name).toBe(kEvil);
    } finally {
      await server.close();
      await bus.close();
    }
  });
});
