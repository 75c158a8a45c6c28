import { join } from 'node:path';
import { createHub } from '../../src/hub/index.js';
import type { Hub } from '../../src/hub/index.js';
import { Topic } from '../../src/wire/index.js';
import { quietLogger } from '../support/bus.js';

/** A finished run with `minutes` of one-second samples of two components (three processes). */
export async function storedRun(dir: string, runId: string, minutes: number, endAgoMs = 0): Promise<string> {
  const db = join(dir, 'dash.db');
  const hub = await createHub({ db, runId, self: false, host: false, gpu: false, handleSignals: false, alerts: false, logger: quietLogger() });
  const t0 = Date.now() - endAgoMs - minutes * 60_000;
  for (let i = 0; i < minutes * 60; ++i) {
    for (const [pid, component] of [[101, 'worker'], [102, 'worker'], [103, 'api']] as const) {
      hub.bus.publish(Topic.RESOURCE, { tsMs: t0 + i * 1000, runId, component, pid, cpuPercent: 10 + (i % 10), rssBytes: 2 ** 20 * (pid - 100), loopLagP99Ms: 1 });
    }
    hub.bus.publish(Topic.HOST, { tsMs: t0 + i * 1000, runId, host: 'h', cpuPercent: 50, memPercent: 40, disks: [{ mount: '/', usedPercent: 30, freeBytes: 1e9 }] });
  }
  await hub.close({ exitCode: 0 });
  return db;
}

/** A live hub on the same database, with nothing sampled on its own. */
export function liveHub(db: string, runId = 'live-run'): Promise<Hub> {
  return createHub({ db, runId, self: false, host: false, gpu: false, handleSignals: false, alerts: false, logger: quietLogger() });
}

// JSON bodies are checked field by field by the assertions that use them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function getJson(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const r = await fetch(url, { headers });
  const text = await r.text();
  return { status: r.status, body: text === '' ? undefined : JSON.parse(text), headers: r.headers };
}
