import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createAlertEngine, parseAlertRules } from '../../src/alerts/index.js';
import { createJsonLogWriter } from '../../src/export/index.js';
import { LifecycleKind, Topic } from '../../src/wire/index.js';
import { flushMicrotasks } from '../support/bus.js';
import { useTmpDir } from '../support/tmp.js';
import { quietBus } from './helpers.js';

const tmp = useTmpDir();

describe('JSON log lines', () => {
  it('writes each alert the engine publishes, firing then resolved, one JSON object per line', async () => {
    const bus = quietBus();
    const path = join(tmp(), 'alerts.log');
    const log = createJsonLogWriter({ bus, path });
    const engine = createAlertEngine({ bus, defaults: false, rules: parseAlertRules([{ name: 'mem', source: 'host', field: 'mem_percent', threshold: 80, severity: 'critical' }]) });
    bus.publish(Topic.HOST, { tsMs: 1_763_900_000_000, runId: 'r', host: 'box', memPercent: 90 });
    bus.publish(Topic.HOST, { tsMs: 1_763_900_001_000, runId: 'r', host: 'box', memPercent: 50 });
    await flushMicrotasks(10);
    await engine.close();
    await log.close();
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ event: 'alert', state: 'firing', level: 'error', rule: 'mem', severity: 'critical', value: 90, threshold: 80, runId: 'r', labels: { host: 'box' } });
    expect(lines[1]).toMatchObject({ state: 'resolved', level: 'info', value: 50 });
    expect(lines[0]!.ts).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(log.stats()).toEqual({ lines: 2, errors: 0 });
  });

  it('appends to an existing file, and can write lifecycle events to a stream', async () => {
    const bus = quietBus();
    const stream = new PassThrough();
    let out = '';
    stream.on('data', (b: Buffer) => { out += b.toString(); });
    const log = createJsonLogWriter({ bus, stream, topics: ['lifecycle'] });
    bus.publish(Topic.LIFECYCLE, { tsMs: 1, runId: 'r', kind: LifecycleKind.PROCESS_EXITED, pid: 5, component: 'w', exitCode: 1 });
    await log.close();
    expect(JSON.parse(out)).toMatchObject({ event: 'process_exited', pid: 5, exitCode: 1 });
    expect(stream.writableEnded).toBe(false); // not ours to end
  });

  it('a file that cannot be opened is counted, never thrown', async () => {
    const bus = quietBus();
    const log = createJsonLogWriter({ bus, path: join(tmp(), 'no', 'such', 'dir', 'a.log') });
    await new Promise((r) => setTimeout(r, 50));
    bus.publish(Topic.ALERT, { tsMs: 1, runId: 'r', rule: 'x' });
    await flushMicrotasks(10);
    await log.close();
    expect(log.stats().errors).toBeGreaterThan(0);
  });

  it('validates its options', () => {
    const bus = quietBus();
    expect(() => createJsonLogWriter({ bus })).toThrow(/path or options.stream/);
    expect(() => createJsonLogWriter({ bus, path: 'x', topics: ['metric'] } as never)).toThrow(/topics/);
    expect(() => createJsonLogWriter({ bus, pth: 'x' } as never)).toThrow(/did you mean "path"/);
  });
});
