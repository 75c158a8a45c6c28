// The dashboard with no hub behind it (what `runbus dashboard --db` serves),
// in real Chromium (Debian package `chromium`, driven by playwright-core):
// the page opens the newest stored run, charts it, lists the others, and
// never asks for the live stream.

import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDashboardServer } from '../../src/dashboard/index.js';
import type { DashboardServer } from '../../src/dashboard/index.js';
import { createHub } from '../../src/hub/index.js';
import { Topic } from '../../src/wire/index.js';
import { quietLogger } from '../support/bus.js';
import { useTmpDir } from '../support/tmp.js';

const kChromium = '/usr/bin/chromium';
const haveChromium = existsSync(kChromium);
if (!haveChromium) console.warn(`test/dashboard/browser-stored.test.ts: skipped — ${kChromium} is missing; install the Debian package \`chromium\` (apt-get install -y chromium)`);

const tmp = useTmpDir();

/** The page's debug hook, window.__runbus (predicates run in the page, so each reaches it itself). */
interface DebugHook { points: Record<string, number>; mode: string; source?: string; runId?: string; storedOnly?: boolean; runs?: number }

describe.skipIf(!haveChromium)('stored-runs dashboard in Chromium (needs the Debian package `chromium`)', () => {
  let server: DashboardServer;
  let browser: Browser;

  beforeAll(async () => {
    const db = join(tmp(), 'stored.db');
    for (const [runId, component, n] of [['week-old', 'a', 60], ['newest', 'b', 90]] as const) {
      const hub = await createHub({ db, runId, self: false, host: false, gpu: false, handleSignals: false, alerts: false, logger: quietLogger() });
      const t0 = Date.now() - 10 * 60_000;
      for (let i = 0; i < n; ++i) hub.bus.publish(Topic.RESOURCE, { tsMs: t0 + i * 1000, runId, component, pid: 300, cpuPercent: 10 + (i % 5), rssBytes: (50 + i) * 2 ** 20 });
      await hub.close({ exitCode: 0 });
    }
    server = await startDashboardServer({ dbPath: db, port: 0 });
    browser = await chromium.launch({
      executablePath: kChromium,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens the newest run, charts its stored rows, switches to another, and never requests /events', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requested: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => { requested.push(new URL(r.url()).pathname); });
    page.on('pageerror', (e) => { errors.push(String(e)); });
    await page.route('**/*', (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort()));
    await page.goto(server.url);
    await page.waitForFunction(() => { const h = (globalThis as unknown as { __runbus: DebugHook }).__runbus; return h.source === 'raw' && (h.points.cpu ?? 0) > 0; }, undefined, { timeout: 10_000 });
    expect(await page.evaluate(() => { const h = (globalThis as unknown as { __runbus: DebugHook }).__runbus; return { storedOnly: h.storedOnly, runId: h.runId, runs: h.runs }; })).toEqual({ storedOnly: true, runId: 'newest', runs: 2 });
    expect(Number(await page.getAttribute('#chart-cpu', 'data-points'))).toBe(90);
    expect(await page.textContent('#status')).toContain('newest');
    expect(await page.textContent('#run option[value=""]')).toContain('stored run');
    // No process reported loop figures: no event-loop panel; no containers: no Containers panel.
    expect(await page.locator('#card-lagP99').isHidden()).toBe(true);
    // Nor runtime (heap, GC) figures: no Node runtime panel.
    expect(await page.locator('#card-runtime').isHidden()).toBe(true);
    expect(await page.locator('#card-containers').isHidden()).toBe(true);
    // The machine the runs were recorded on, from the hosts view, in the header.
    expect(await page.locator('#host-info b').textContent()).toBe(hostname());
    expect(await page.getAttribute('#host-info', 'data-hosts')).toBe('1');
    // And in the Host panel, with its inventory (at least the memory the hub read).
    expect(await page.textContent('#host-kv')).toMatch(new RegExp(`machine ${hostname()}.*\\d+\\.\\d GiB`));

    await page.selectOption('#run', 'week-old');
    await page.waitForFunction(() => { const h = (globalThis as unknown as { __runbus: DebugHook }).__runbus; return h.runId === 'week-old' && (h.points.cpu ?? 0) === 60; }, undefined, { timeout: 5000 });
    await page.locator('#components td.component-name', { hasText: 'a' }).waitFor({ timeout: 5000 });
    expect(requested.filter((p) => p === '/events' || p === '/api/live')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
