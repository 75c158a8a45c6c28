import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectBus } from '../../src/bus/remote/index.js';
import { levelSparkline, sparkline, WatchModel } from '../../src/cli/watch-view.js';
import { useTmpDir, waitFor } from '../support/tmp.js';
import { cleanEnv, runCli, startCli } from './cli-helper.js';

const tmp = useTmpDir();

describe('sparklines and the watch view', () => {
  it('scales values onto ▁…█', () => {
    expect(sparkline([0, 50, 100], 100)).toBe('▁▅█');
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8], 8, 1)).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([0, 8])).toBe('▁█');
    expect(sparkline([5, 5, 5], 0)).toBe('▁▁▁');
    expect(sparkline([])).toBe('');
  });

  it('one row per component, summed over its processes at each tick, with history', () => {
    const m = new WatchModel(10);
    const snap = (ts: number, pid: number, component: string, cpu: number, rss: number) => ({ tsMs: ts, runId: 'r', component, pid, cpuPercent: cpu, rssBytes: rss });
    for (let t = 1; t <= 5; t++) {
      m.onResource(snap(t * 1000, 1, 'trainer', 10 * t, 100 << 20));
      m.onResource(snap(t * 1000, 2, 'trainer', 10 * t, 50 << 20));
      m.onResource(snap(t * 1000, 3, 'gui', 5, 10 << 20));
    }
    m.onAlert({ tsMs: 5000, runId: 'r', rule: 'rss_high', state: 1, message: 'rss over 1 GiB' });
    const lines = m.render(120, 30, 'header');
    const trainer = lines.find((l) => l.startsWith('trainer'))!;
    expect(trainer).toMatch(/trainer\s+2\s+100%/);
    expect(trainer).toContain('150 MiB');
    expect(trainer).toMatch(/[▁▂▃▄▅▆▇█]{5}/);
    expect(lines.find((l) => l.startsWith('gui'))).toMatch(/gui\s+1\s+5\.0%/);
    expect(lines.some((l) => l.includes('rss_high firing rss over 1 GiB'))).toBe(true);
    expect(lines.every((l) => Array.from(l).length <= 120)).toBe(true);
  });
});

describe('the watch view over time', () => {
  const snap = (ts: number, pid: number, component: string, cpu: number, rss: number) => ({ tsMs: ts, runId: 'r', component, pid, cpuPercent: cpu, rssBytes: rss });

  it('a component whose processes exited shows as gone (no stale cpu), then leaves the table', () => {
    const m = new WatchModel(10);
    for (let t = 1; t <= 3; t++) {
      m.onResource(snap(t * 1000, 1, 'app', 5, 10 << 20));
      m.onResource(snap(t * 1000, 2, 'burner', 99, 20 << 20));
    }
    for (let t = 4; t <= 6; t++) m.onResource(snap(t * 1000, 1, 'app', 5, 10 << 20));
    const burner = m.render(120, 30, 'h').find((l) => l.startsWith('burner'))!;
    expect(burner).toMatch(/^burner\s+gone\s+-\s/);
    expect(burner).not.toContain('99');
    for (let t = 7; t <= 40; t++) m.onResource(snap(t * 1000, 1, 'app', 5, 10 << 20));
    const lines = m.render(120, 30, 'h');
    expect(lines.some((l) => l.startsWith('burner'))).toBe(false);
    expect(lines.some((l) => l.startsWith('app'))).toBe(true);
  });

  it('a flat rss line is drawn at mid height, not maxed out; a change spans the range', () => {
    expect(levelSparkline([1 << 30, 1 << 30, 1 << 30])).toBe('▄▄▄');
    expect(levelSparkline([100, 101, 100])).toBe('▄▄▄');
    expect(levelSparkline([100, 200, 300])).toBe('▁▅█');
    expect(levelSparkline([])).toBe('');
  });

  it('shows the latest value of each published METRIC', () => {
    const m = new WatchModel(10);
    m.onMetric({ tsMs: 1, runId: 'r', component: 'loop', name: 'success_rate', value: 0.25 });
    m.onMetric({ tsMs: 2, runId: 'r', component: 'loop', name: 'success_rate', value: 0.5 });
    m.onMetric({ tsMs: 2, runId: 'r', component: 'loop', name: 'sharpe', value: 1.2345678, labels: { strategy: 'a' } });
    const lines = m.render(120, 40, 'h');
    expect(lines).toContain('metrics (latest):');
    expect(lines.find((l) => l.includes('loop success_rate'))).toMatch(/0\.5$/);
    expect(lines.find((l) => l.includes('loop sharpe{strategy=a}'))).toMatch(/1\.23457$/);
  });
});

describe('runbus hub and runbus watch', () => {
  it('the hub prints its socket, watch shows a remote component, SIGTERM stops the hub cleanly', async () => {
    const dir = tmp();
    const socket = join(dir, 'hub.sock');
    const hub = startCli(['hub', '--socket', socket, '--interval', '100', '--db', join(dir, 'hub.db')], { cwd: dir });
    let out = '';
    hub.child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    await waitFor(() => out.includes('listening on'), 20_000, 'the hub to listen');
    expect(out).toContain(`listening on ${socket}`);

    // A remote process: the hub samples it under its component.
    const client = connectBus({ socket, component: 'trainer', logger: { warn: () => undefined } });
    try {
      await waitFor(() => client.connected, 10_000, 'the client to connect');
      const w = await runCli(['watch', '--socket', socket, '--frames', '12', '--refresh', '300'], { cwd: dir });
      expect(w.code).toBe(0);
      expect(w.stdout).toContain(`connected to ${socket}`);
      expect(w.stdout).toMatch(/^host \S*\s+cpu/m);
      expect(w.stdout).toMatch(/^trainer\s+1\s/m);
      expect(w.stdout).not.toContain('\x1b['); // no escape codes when stdout is not a terminal
    } finally {
      await client.close();
    }
    hub.child.kill('SIGTERM');
    const r = await hub.done;
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('closed');
    const runs = await runCli(['runs', '--json', '--db', join(dir, 'hub.db')], { cwd: dir });
    const list = JSON.parse(runs.stdout) as { command: string; signal: string; ended_at_ms: number }[];
    expect(list).toEqual([expect.objectContaining({ command: 'runbus hub', signal: 'SIGTERM' })]);
    expect(list[0]!.ended_at_ms).toBeGreaterThan(0);
  });

  it('hub --metrics-port 0 serves Prometheus metrics and prints where', async () => {
    const dir = tmp();
    const hub = startCli(['hub', '--socket', join(dir, 'h.sock'), '--db', join(dir, 'h.db'), '--interval', '100', '--metrics-port', '0'], { cwd: dir });
    let out = '';
    hub.child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    try {
      await waitFor(() => out.includes('Prometheus metrics on http://127.0.0.1:'), 20_000, 'the exporter');
      const url = /Prometheus metrics on (\S+)/.exec(out)![1]!;
      let text = '';
      for (let i = 0; i < 50 && !text.includes('runbus_host_cpu_percent'); i++) {
        text = await (await fetch(url)).text();
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(text).toContain('runbus_host_cpu_percent');
    } finally {
      hub.child.kill('SIGTERM');
      expect((await hub.done).code).toBe(0);
    }
  });

  it('run --metrics-port on a taken port: exit 1 before anything starts', async () => {
    const dir = tmp();
    const srv = createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as AddressInfo).port;
    try {
      const r = await runCli(['run', '--metrics-port', String(port), '--', 'touch', join(dir, 'ran')], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`--metrics-port ${port}`);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      srv.close();
    }
  });

  it('hub with an unusable database: exit 1 naming it, nothing listens', async () => {
    const dir = tmp();
    const r = await runCli(['hub', '--socket', join(dir, 'h.sock'), '--db', '/proc/x/hub.db'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('runbus hub: the database cannot be used');
    expect(r.stderr).toContain('/proc/x/hub.db');
    expect(r.stdout).toBe('');
  });

  it('watch with no hub keeps waiting and says so', async () => {
    const dir = tmp();
    const w = await runCli(['watch', '--socket', join(dir, 'none.sock'), '--frames', '2', '--refresh', '100'], { cwd: dir });
    expect(w.code).toBe(0);
    expect(w.stdout).toContain('waiting for a hub at');
  });

  it('watch with the wrong token: the hub refuses it, exit 1 with a message', async () => {
    const dir = tmp();
    const socket = join(dir, 'hub.sock');
    const hub = startCli(['hub', '--socket', socket, '--db', join(dir, 'hub.db')], { cwd: dir, env: cleanEnv({ RUNBUS_TOKEN: 'right' }) });
    let out = '';
    hub.child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    try {
      await waitFor(() => out.includes('listening on'), 20_000, 'the hub to listen');
      const w = await runCli(['watch', '--socket', socket, '--frames', '50', '--refresh', '200'], { cwd: dir, env: cleanEnv({ RUNBUS_TOKEN: 'wrong' }) });
      expect(w.code).toBe(1);
      expect(w.stderr).toContain('refused the connection');
    } finally {
      hub.child.kill('SIGTERM');
      expect((await hub.done).code).toBe(0);
    }
  });
});
