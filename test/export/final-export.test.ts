import { chmodSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetricsCollector, ExportError, kFinalJsonFile, kFinalTextFile, writeFinalExport } from '../../src/export/index.js';
import type { MetricsCollector } from '../../src/export/index.js';
import { AlertState, Severity } from '../../src/wire/index.js';
import { useTmpDir } from '../support/tmp.js';
import { fullFeed, kHavePromtool, promtoolCheckMetrics, publishAll, quietBus, sampleNames } from './helpers.js';

const tmp = useTmpDir();
let collector: MetricsCollector | undefined;
afterEach(async () => {
  await collector?.close();
  collector = undefined;
});

describe('final export', () => {
  it('writes metrics_final.json and prometheus_metrics_final.txt into a new directory', async () => {
    const bus = quietBus();
    collector = createMetricsCollector({ bus });
    await publishAll(bus, fullFeed());
    const dir = join(tmp(), 'out', 'nested');
    const firing = [{ tsMs: 1, runId: 'run-1', rule: 'x', severity: Severity.WARNING, state: AlertState.FIRING, firedAtMs: 1 }];
    const res = await writeFinalExport(dir, {
      collector, runId: 'run-1', alerts: firing, hubStats: { runId: 'run-1', bus: { published: 5 }, queues: new Map([['a', 1]]) }, extra: { command: 'python train.py', exitCode: 0 }, clock: () => 1_763_900_000_000,
    });
    expect(res).toEqual({ jsonPath: join(dir, kFinalJsonFile), textPath: join(dir, kFinalTextFile) });
    expect(readdirSync(dir).sort()).toEqual([kFinalJsonFile, kFinalTextFile]); // no temp files left
    const text = readFileSync(res.textPath, 'utf8');
    expect(text).toBe(await collector.metricsText());
    expect(sampleNames(text).has('runbus_process_resident_memory_bytes')).toBe(true);
    if (kHavePromtool) expect(promtoolCheckMetrics(text)).toEqual([0, '']);
    const json = JSON.parse(readFileSync(res.jsonPath, 'utf8')) as Record<string, unknown>;
    expect(json).toMatchObject({
      version: 1, runId: 'run-1', writtenAtMs: 1_763_900_000_000, writtenAt: '2025-11-23T12:13:20.000Z', command: 'python train.py', exitCode: 0,
      hub: { runId: 'run-1', bus: { published: 5 }, queues: { a: 1 } }, alerts: { firing: [{ rule: 'x' }] },
    });
    const metrics = json.metrics as { name: string; values: { labels: Record<string, string>; value: number }[] }[];
    const rss = metrics.find((m) => m.name === 'runbus_process_resident_memory_bytes')!;
    expect(rss.values[0]).toMatchObject({ labels: { run_id: 'run-1', component: 'trainer' }, value: 2 * 512 * 1024 * 1024 });
  });

  it('takes plain text when there is no registry', async () => {
    const res = await writeFinalExport(tmp(), { metricsText: 'runbus_x 1\n' });
    expect(readFileSync(res.textPath, 'utf8')).toBe('runbus_x 1\n');
    expect(JSON.parse(readFileSync(res.jsonPath, 'utf8'))).toMatchObject({ metrics: null, runId: '' });
  });

  it('an unwritable directory rejects with ERR_EXPORT_WRITE naming the path', async () => {
    const file = join(tmp(), 'not-a-dir');
    writeFileSync(file, '');
    const err = await writeFinalExport(join(file, 'sub'), { metricsText: '' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExportError);
    expect((err as ExportError).code).toBe('ERR_EXPORT_WRITE');
    expect((err as ExportError).path).toBe(join(file, 'sub'));
    if (process.getuid?.() !== 0) {
      const ro = join(tmp(), 'ro');
      await writeFinalExport(ro, { metricsText: '' });
      chmodSync(ro, 0o500);
      const e2 = await writeFinalExport(ro, { metricsText: '' }).catch((e: unknown) => e);
      chmodSync(ro, 0o700);
      expect((e2 as ExportError).code).toBe('ERR_EXPORT_WRITE');
    }
  });

  it('misuse throws TypeError', async () => {
    await expect(writeFinalExport(tmp(), {})).rejects.toThrow(TypeError);
    await expect(writeFinalExport(tmp(), { metricText: '' } as never)).rejects.toThrow(/did you mean "metricsText"/);
  });
});
