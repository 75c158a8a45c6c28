// `runbus run --metrics-port` and `runbus hub --metrics-port` used to start a
// second exporter beside a hub created with `metrics: false`; it never saw a
// flush, so runbus_hub_flush_duration_seconds had no samples (and the Grafana
// "Hub health" panel stayed empty). Now the hub's own exporter serves it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir, waitFor } from '../support/tmp.js';
import { cleanEnv, startCli } from '../cli/cli-helper.js';

const tmp = useTmpDir();

function flushCount(text: string): number {
  let n = 0;
  for (const m of text.matchAll(/^runbus_hub_flush_duration_seconds_count(?:\{[^}]*\})? (\d+)/gm)) n += Number(m[1]);
  return n;
}

async function scrapeUntilFlushed(output: () => string, where: RegExp): Promise<string> {
  let url: string | undefined;
  await waitFor(() => (url = where.exec(output())?.[1]) !== undefined, 20_000, 'the metrics line');
  let text = '';
  // Polls until a flush is observed (a failure times out; nothing is timed).
  for (let i = 0; i < 200 && flushCount(text) === 0; i++) {
    text = await (await fetch(url!)).text();
    if (flushCount(text) === 0) await new Promise((r) => setTimeout(r, 100));
  }
  return text;
}

describe('--metrics-port serves the hub exporter (one exporter)', () => {
  it('runbus hub: flushes reach runbus_hub_flush_duration_seconds', async () => {
    const dir = tmp();
    const { child, done } = startCli(['hub', '--metrics-port', '0', '--no-gpu', '--socket', join(dir, 'h.sock'), '--db', join(dir, 'h.db')], { cwd: dir, env: cleanEnv(), timeoutMs: 40_000 });
    let stdout = '';
    child.stdout!.on('data', (d: string) => (stdout += d));
    try {
      const text = await scrapeUntilFlushed(() => stdout, /Prometheus metrics on (http:\/\/\S+)/);
      expect(flushCount(text)).toBeGreaterThan(0);
    } finally {
      child.kill('SIGTERM');
    }
    expect((await done).code).toBe(0);
  });

  it('runbus run: flushes reach runbus_hub_flush_duration_seconds', async () => {
    const dir = tmp();
    const { child, done } = startCli(
      ['run', '--metrics-port', '0', '--no-gpu', '--db', join(dir, 'r.db'), '--', process.execPath, '-e', 'setTimeout(() => {}, 60_000)'],
      { cwd: dir, env: cleanEnv(), timeoutMs: 40_000 },
    );
    let stderr = '';
    child.stderr!.on('data', (d: string) => (stderr += d));
    try {
      const text = await scrapeUntilFlushed(() => stderr, /Prometheus metrics on (http:\/\/\S+)/);
      expect(flushCount(text)).toBeGreaterThan(0);
    } finally {
      child.kill('SIGTERM');
    }
    const r = await done;
    expect(r.code).toBe(128 + 15);
  });
});
