import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RunBus } from '../../src/bus/index.js';
import { AlertState, Severity, Topic } from '../../src/wire/index.js';
import type { Envelope } from '../../src/wire/index.js';
import { flushMicrotasks, quietLogger } from '../support/bus.js';
import { everyTopic, resource } from '../../support/samples.js';

export function quietBus(): RunBus {
  return new RunBus({ logger: quietLogger() });
}

/** Every topic, with every figure present (the shared samples plus more). */
export function fullFeed(tsMs = Date.now()): Envelope[] {
  const list = everyTopic().map((e) => ({ ...e, payload: { ...e.payload, tsMs } }) as Envelope);
  list.push(
    { topic: Topic.RESOURCE, payload: resource({ tsMs, pid: 4243, component: 'trainer', gpuUtilPercent: 30, gpuMemBytes: 1e9 }) },
    { topic: Topic.HOST, payload: { tsMs, runId: 'run-1', host: 'box', swapTotalBytes: 2e9, swapUsedBytes: 1e8, memPercent: 20, cpuPercent: 10, disks: [{ mount: '/', usedPercent: 40, freeBytes: 5e10, totalBytes: 1e11 }] } },
    { topic: Topic.METRIC, payload: { tsMs, runId: 'run-1', component: 'loop', pid: 7, name: 'iteration_ms', labels: {}, value: 1500 } },
    { topic: Topic.METRIC, payload: { tsMs, runId: 'run-1', component: 'loop', pid: 7, name: 'iterations_total', labels: {}, value: 12 } },
    { topic: Topic.METRIC, payload: { tsMs, runId: 'run-1', component: 'loop', pid: 7, name: 'population_diversity', labels: { island: '1' }, value: 0.4 } },
    { topic: Topic.ALERT, payload: { tsMs, runId: 'run-1', rule: 'store_unwritable', severity: Severity.CRITICAL, state: AlertState.FIRING, value: 1, threshold: 0, message: 'x', component: 'hub', pid: 9, firedAtMs: tsMs, labels: {} } },
  );
  return list;
}

export async function publishAll(bus: RunBus, envelopes: readonly Envelope[]): Promise<void> {
  for (const e of envelopes) bus.publish(e.topic, e.payload);
  await flushMicrotasks(10);
}

function has(bin: string): boolean {
  return spawnSync(bin, ['--version'], { stdio: 'ignore' }).status === 0;
}

export const kHavePromtool = has('promtool');
export const kHavePrometheus = has('prometheus');
export const kNeedsPrometheusPackage = 'SKIPPED: needs promtool/prometheus from the Debian package "prometheus" (apt-get install prometheus)';
// Say so out loud: a skipped integration test must never pass unnoticed.
if (!kHavePromtool || !kHavePrometheus) {
  const missing = [kHavePromtool ? '' : 'promtool', kHavePrometheus ? '' : 'prometheus'].filter((b) => b !== '').join(' and ');
  process.stderr.write(`\nrunbus tests: ${missing} not found; the tests that need them are ${kNeedsPrometheusPackage}\n`);
}

/** `promtool check metrics` on `text`: [exit code, output]. */
export function promtoolCheckMetrics(text: string): [number, string] {
  const r = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
  return [r.status ?? -1, `${r.stdout}${r.stderr}`];
}

/** `promtool check rules` on a YAML text: [exit code, output]. */
export function promtoolCheckRules(dir: string, yaml: string): [number, string] {
  const file = join(dir, 'rules.yml');
  writeFileSync(file, yaml);
  const r = spawnSync('promtool', ['check', 'rules', file], { encoding: 'utf8' });
  return [r.status ?? -1, `${r.stdout}${r.stderr}`];
}

/** Metric names with at least one sample line in a text exposition. */
export function sampleNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)/.exec(line);
    if (m !== null) names.add(m[1]!);
  }
  return names;
}

/** The value of the first sample line of `name` with all of `labels`. */
export function sampleValue(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

export function gitRoot(): string {
  return execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
}
