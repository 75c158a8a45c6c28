// The dashboard in real Chromium (Debian package `chromium`, driven by
// playwright-core) against a running hub: charts get points, a rule's alert
// shows within 2 s, a stored run's history loads, a hostile process name is
// text. Saves test-artifacts/dashboard.png.

import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAlertRules } from '../../src/alerts/index.js';
import { startDashboardServer } from '../../src/dashboard/index.js';
import type { DashboardServer } from '../../src/dashboard/index.js';
import { createHub } from '../../src/hub/index.js';
import type { Hub } from '../../src/hub/index.js';
import { LifecycleKind, Topic } from '../../src/wire/index.js';
import { quietLogger } from '../support/bus.js';
import { useTmpDir } from '../support/tmp.js';

const kChromium = '/usr/bin/chromium';
const kEvil = '<img src=x onerror=alert(1)>';
const haveChromium = existsSync(kChromium);
if (!haveChromium) console.warn(`test/dashboard/browser.test.ts: skipped — ${kChromium} is missing; install the Debian package \`chromium\` (apt-get install -y chromium)`);

const tmp = useTmpDir();

/**
 * The page's debug hook, window.__runbus. Predicates reach it through
 * globalThis: this project's tsconfig has no DOM types, and the page's CSP
 * forbids string predicates (which is as it should be).
 */
interface DebugHook { points: Record<string, number>; mode: string; source?: string; firstPaintMs?: number; startMs?: number; liveMs?: number }

describe.skipIf(!haveChromium)('dashboard in Chromium (needs the Debian package `chromium`)', () => {
  let dir: string;
  let oldRunId: string;
  let hub: Hub;
  let server: DashboardServer;
  let browser: Browser;
  let page: Page;
  let feed: NodeJS.Timeout | undefined;
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    dir = tmp();
    const db = join(dir, 'dash.db');
    // A finished run with five minutes of samples, for the run picker.
    const old = await createHub({ db, runId: 'old-run-1', self: false, host: false, gpu: false, handleSignals: false, alerts: false, logger: quietLogger() });
    oldRunId = old.runId;
    const t0 = Date.now() - 10 * 60_000;
    for (let i = 0; i < 300; ++i) {
      for (const [pid, component] of [[101, 'old-worker'], [102, 'old-worker'], [103, 'old-api']] as const) {
        // old-api is a Node process: heap and cumulative GC figures too.
        const runtime = pid === 103 ? { heapUsedBytes: (20 + (i % 30)) * 2 ** 20, heapTotalBytes: 64 * 2 ** 20, gcMinorMs: 2 * i, gcMajorMs: i / 2 } : {};
        old.bus.publish(Topic.RESOURCE, { tsMs: t0 + i * 1000, runId: oldRunId, component, pid, cpuPercent: 20 + 15 * Math.sin(i / 20) + pid - 100, rssBytes: (100 + i) * 2 ** 20, loopLagP99Ms: 2 + (i % 7), ...runtime });
      }
    }
    await old.close({ exitCode: 0 });

    const rules = parseAlertRules(`
rules:
  - name: low_success_rate
    source: metric
    metric: success
    aggregate: avg
    window: { samples: 5 }
    op: '<'
    threshold: 0.2
    severity: critical
    message: 'success rate {{value}} is low for <b>{{component}}</b>'
`);
    hub = await createHub({ db, runId: 'live-run-2', self: false, gpu: false, handleSignals: false, intervalMs: 200, logger: quietLogger(), alerts: { rules, defaults: false } });
    server = await startDashboardServer({ bus: hub.bus, dbPath: db, runId: hub.runId, port: 0, pushIntervalMs: 100 });
    let i = 0;
    const publish = (): void => {
      const tsMs = Date.now();
      ++i;
      hub.bus.publish(Topic.RESOURCE, { tsMs, runId: hub.runId, component: 'api', pid: 2001, cpuPercent: 30 + 10 * Math.sin(i / 5), rssBytes: 150 * 2 ** 20 + i * 4096, loopLagP99Ms: 3 + (i % 4) });
      hub.bus.publish(Topic.RESOURCE, { tsMs, runId: hub.runId, component: 'worker', pid: 2002, cpuPercent: 80 + 20 * Math.cos(i / 7), rssBytes: 400 * 2 ** 20, loopLagP99Ms: 12 + (i % 9) });
      hub.bus.publish(Topic.RESOURCE, { tsMs, runId: hub.runId, component: kEvil, pid: 2003, cpuPercent: 5, rssBytes: 50 * 2 ** 20 });
    };
    for (let k = 0; k < 20; ++k) {
      // A little history before the page opens (one second apart in the past).
      const tsMs = Date.now() - (20 - k) * 1000;
      hub.bus.publish(Topic.RESOURCE, { tsMs, runId: hub.runId, component: 'api', pid: 2001, cpuPercent: 25 + k, rssBytes: 140 * 2 ** 20, loopLagP99Ms: 3 });
    }
    feed = setInterval(publish, 200);

    browser = await chromium.launch({
      executablePath: kChromium,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => { consoleErrors.push(String(e)); });
    // Nothing may come from anywhere but the dashboard itself.
    await page.route('**/*', (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort()));
    await page.goto(server.url);
  }, 30_000);

  afterAll(async () => {
    if (feed !== undefined) clearInterval(feed);
    await browser?.close();
    await server?.close();
    await hub?.close();
  });

  it('loads against a running hub and the charts receive points', async () => {
    await page.waitForFunction(() => {
      const p = (globalThis as unknown as { __runbus: DebugHook }).__runbus.points;
      return (p.cpu ?? 0) >= 30 && (p.rss ?? 0) >= 30 && (p.lagP99 ?? 0) >= 10 && (p.host ?? 0) > 0 && (p.hub ?? 0) > 0;
    }, undefined, { timeout: 10_000 });
    const before = Number(await page.getAttribute('#chart-cpu', 'data-points'));
    await expect.poll(async () => Number(await page.getAttribute('#chart-cpu', 'data-points')), { timeout: 5000 }).toBeGreaterThan(before);
    expect(await page.locator('#chart-cpu canvas').count()).toBeGreaterThan(0);
    expect(await page.textContent('#status')).toContain('live');
    expect(await page.locator('#card-gpuUtil').isHidden()).toBe(true);
    // Loop figures exist (the components report them): the event-loop panel shows.
    expect(await page.locator('#card-lagP99').isVisible()).toBe(true);
    // The hub's internals are a collapsed section, its chart filled all the same.
    expect(await page.locator('#card-hub').getAttribute('open')).toBeNull();
    expect(await page.locator('#hub-kv').isVisible()).toBe(false);
    await page.locator('#card-hub summary').click();
    await page.locator('#chart-hub canvas').first().waitFor({ timeout: 5000 });
    expect(await page.locator('#hub-kv').textContent()).toContain('queue depth');
    await page.locator('#card-hub summary').click();
    expect(await page.locator('#card-hub').getAttribute('open')).toBeNull();
    // Times in 24-hour form whatever the locale.
    expect(await page.locator('#components td.component-name', { hasText: 'worker' }).locator('xpath=..').locator('td').last().textContent()).toMatch(/^\d\d:\d\d:\d\d$/);
    // Numeric headers sit over their right-aligned numbers.
    expect(await page.locator('#components th', { hasText: 'cpu %' }).evaluate((e) => (globalThis as unknown as { getComputedStyle: (x: unknown) => { textAlign: string } }).getComputedStyle(e).textAlign)).toBe('right');
  });

  it('paints the first charts from the first response (the time is printed, not asserted)', async () => {
    const p = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    try {
      await p.goto(server.url);
      await p.waitForFunction(() => (globalThis as unknown as { __runbus: DebugHook }).__runbus.firstPaintMs !== undefined, undefined, { timeout: 10_000 });
      const t = await p.evaluate(() => { const h = (globalThis as unknown as { __runbus: DebugHook }).__runbus; return [h.firstPaintMs, h.startMs, h.liveMs]; });
      console.log(`dashboard first paint: ${t[0]} ms after navigation (script started at ${t[1]} ms, live state from the stream's first frame at ${t[2]} ms)`);
      // The charts were filled at once: the history published before the page opened is there.
      expect(Number(await p.getAttribute('#chart-cpu', 'data-points'))).toBeGreaterThanOrEqual(20);
      // Not hovering, the legend shows each series' latest value.
      const values = await p.locator('#chart-cpu .u-legend .u-series .u-value').allTextContents();
      expect(values.length).toBeGreaterThan(1);
      expect(values.filter((v) => /^\d+\.\d %$/.test(v)).length).toBeGreaterThanOrEqual(2);
      expect(values[0]).toMatch(/^\d\d:\d\d:\d\d$/);
    } finally {
      await p.close();
    }
  });

  it('shows the Containers panel once container figures exist: charts and the table', async () => {
    expect(await page.locator('#card-containers').isHidden()).toBe(true);
    const id = 'd'.repeat(64);
    const orphan = 'e'.repeat(64);
    hub.bus.publish(Topic.LIFECYCLE, { tsMs: Date.now(), runId: hub.runId, kind: LifecycleKind.CONTAINER_ORPHANED, containerId: orphan, component: 'eval-old', image: 'busybox' });
    hub.bus.publish(Topic.LIFECYCLE, { tsMs: Date.now(), runId: hub.runId, kind: LifecycleKind.CONTAINER_STARTED, containerId: id, component: kEvil, image: 'sandbox:1' });
    for (let k = 0; k < 5; ++k) {
      hub.bus.publish(Topic.CONTAINER, { tsMs: Date.now() - (5 - k) * 1000, runId: hub.runId, containerId: id, name: kEvil, image: 'sandbox:1', cpuPercent: 95 + k, memBytes: 60 * 2 ** 20, memLimitBytes: 64 * 2 ** 20, pids: 4 });
    }
    await page.locator('#card-containers').waitFor({ state: 'visible', timeout: 5000 });
    await page.waitForFunction(() => ((globalThis as unknown as { __runbus: DebugHook }).__runbus.points.containersCpu ?? 0) >= 5, undefined, { timeout: 5000 });
    expect(Number(await page.getAttribute('#chart-containersActive', 'data-points'))).toBeGreaterThan(0);
    const cells = await page.locator(`#containers tr[data-container="${id}"] td`).allTextContents();
    expect(cells).toEqual([kEvil, 'sandbox:1', '99.0', '60.0 MiB', '64.0 MiB', '4', 'running', '']);
    expect((await page.locator(`#containers tr[data-container="${orphan}"] td`).allTextContents()).slice(6)).toEqual(['unknown', 'orphan']);
    // A container without figures is in the table, not in the charts' legends.
    expect(await page.locator('#chart-containersCpu .u-legend', { hasText: 'eval-old' }).count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
  });

  it('shows the Node runtime panel once a process reports heap figures: heap (used, total dashed) and GC pause ms/s', async () => {
    // No live process has reported runtime figures yet: the panel is hidden.
    expect(await page.locator('#card-runtime').isHidden()).toBe(true);
    // One base time: samples exactly 1 s apart (a clock read per sample could
    // put them 1001 ms apart, and the rate at 5.99 ms/s).
    const t0 = Date.now();
    for (let k = 0; k < 6; ++k) {
      hub.bus.publish(Topic.RESOURCE, {
        tsMs: t0 - (6 - k) * 1000, runId: hub.runId, component: 'node-svc', pid: 2004, cpuPercent: 3, rssBytes: 90 * 2 ** 20,
        heapUsedBytes: (30 + k) * 2 ** 20, heapTotalBytes: 48 * 2 ** 20, gcMinorMs: 5 * k, gcMajorMs: k, gcIncrementalMs: 0, gcWeakcbMs: 0,
      });
    }
    await page.locator('#card-runtime').waitFor({ state: 'visible', timeout: 5000 });
    await page.waitForFunction(() => ((globalThis as unknown as { __runbus: DebugHook }).__runbus.points.gcRate ?? 0) >= 5, undefined, { timeout: 5000 });
    // Legends: the latest heap used and total (35 MiB of 48 MiB), the GC rate (5 + 1 ms each second).
    // Only processes with the figures are charted (the time, then one line each for used and total).
    expect((await page.locator('#chart-heap .u-legend .u-series').allTextContents()).slice(1)).toEqual(['node-svc35.0 MiB', 'node-svc total48.0 MiB']);
    expect((await page.locator('#chart-gcRate .u-legend .u-series').allTextContents()).slice(1)).toEqual(['node-svc6.00 ms/s']);
  });

  it('shows an alert fired by a rule within 2 s', async () => {
    const start = Date.now();
    for (let k = 0; k < 6; ++k) hub.bus.publish(Topic.METRIC, { tsMs: Date.now(), runId: hub.runId, component: 'api', pid: 2001, name: 'success', value: 0.05 });
    await page.locator('#alerts tr[data-rule="low_success_rate"][data-state="firing"]').waitFor({ timeout: 2000 });
    expect(Date.now() - start).toBeLessThan(2000);
    const message = await page.locator('#alerts tr[data-rule="low_success_rate"] td.alert-message').textContent();
    expect(message).toContain('<b>api</b>');
    expect(await page.locator('#alerts b').count()).toBe(0);
  });

  it('shows a process named like an HTML tag as text, and no dialog fires', async () => {
    const cell = page.locator('#components td.component-name', { hasText: kEvil });
    await cell.waitFor({ timeout: 5000 });
    expect(await cell.textContent()).toBe(kEvil);
    expect(await page.locator('img').count()).toBe(0);
    // The uPlot legend shows the name as text too.
    expect(await page.locator('#chart-cpu .u-legend', { hasText: kEvil }).count()).toBe(1);
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: join('test-artifacts', 'dashboard.png'), fullPage: true });
    expect(dialogs).toEqual([]);
  });

  it('with a token: the page takes it from #token=, hides it from the address bar, streams with the header; no URL the server sees holds it; without it says unauthorized', async () => {
    const guarded = await startDashboardServer({ bus: hub.bus, dbPath: join(dir, 'dash.db'), runId: hub.runId, port: 0, pushIntervalMs: 100, token: 's3cret' });
    const ctx = await browser.newContext();
    const seen: { url: string; auth: string | undefined }[] = [];
    try {
      const p = await ctx.newPage();
      p.on('request', (r) => { seen.push({ url: r.url(), auth: r.headers().authorization }); });
      await p.goto(`${guarded.url}#token=s3cret`);
      await p.waitForFunction(() => ((globalThis as unknown as { __runbus: DebugHook }).__runbus.points.cpu ?? 0) > 0, undefined, { timeout: 5000 });
      expect(p.url()).toBe(guarded.url);
      // Live ticks arrive over the header-authenticated stream.
      const ticks = await p.evaluate(() => (globalThis as unknown as { __runbus: { ticks: number } }).__runbus.ticks);
      await p.waitForFunction((n) => (globalThis as unknown as { __runbus: { ticks: number } }).__runbus.ticks > n, ticks, { timeout: 5000 });
      expect(seen.some((r) => r.url.endsWith('/events') && r.auth === 'Bearer s3cret')).toBe(true);
      // The fragment is never sent; nothing else may carry the token.
      expect(seen.filter((r) => r.url.split('#')[0]!.includes('s3cret'))).toEqual([]);
      const other = await ctx.newPage(); // same session storage origin, but a fresh tab has its own
      await other.goto(guarded.url);
      await expect.poll(() => other.textContent('#status'), { timeout: 5000 }).toContain('unauthorized');
    } finally {
      await ctx.close();
      await guarded.close();
    }
  });

  it('switches to a stored run and shows its history', async () => {
    await page.locator('#run').focus();
    await page.locator(`#run option[value="${oldRunId}"]`).waitFor({ state: 'attached', timeout: 5000 });
    await page.selectOption('#run', oldRunId);
    await page.waitForFunction(() => (globalThis as unknown as { __runbus: DebugHook }).__runbus.source === 'raw', undefined, { timeout: 5000 });
    await page.locator('#components td.component-name', { hasText: 'old-worker' }).waitFor({ timeout: 5000 });
    expect(await page.locator('#components td.component-name', { hasText: 'api' }).count()).toBe(1); // old-api only
    const points = Number(await page.getAttribute('#chart-cpu', 'data-points'));
    // Two components, 300 ticks each (old-worker's two processes sum into one point per tick).
    expect(points).toBe(600);
    // old-api's runtime figures: heap used and total, 300 ticks each; a GC rate from the second tick on.
    expect(await page.locator('#card-runtime').isVisible()).toBe(true);
    expect(Number(await page.getAttribute('#chart-heap', 'data-points'))).toBe(600);
    expect(Number(await page.getAttribute('#chart-gcRate', 'data-points'))).toBe(299);
    expect(await page.textContent('#status')).toContain(oldRunId);
    await page.screenshot({ path: join('test-artifacts', 'dashboard-history.png'), fullPage: true });
    // Back to live.
    await page.selectOption('#run', '');
    await page.locator('#components td.component-name', { hasText: 'worker' }).first().waitFor({ timeout: 5000 });
    await page.waitForFunction(() => (globalThis as unknown as { __runbus: DebugHook }).__runbus.mode === 'live');
    expect(consoleErrors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
