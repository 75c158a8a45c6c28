import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { setWorkerFileForTests } from '../../src/samplers/sampler.js';
import { setMinTaskDeadlineForTests } from '../../src/samplers/tick-channel.js';
import { createSampler } from '../../src/samplers/index.js';
import type { Sampler } from '../../src/samplers/index.js';
import type { RunbusError } from '../../src/errors.js';
import { fixture, recordingBus, waitFor } from './helpers.js';

// Ticks travel on a MessagePort of their own (tick-channel.ts), outside
// piscina's task machinery: its deadline and a dead worker are the
// channel's to notice.

let sampler: Sampler | null = null;
afterEach(async () => {
  setWorkerFileForTests(null);
  setMinTaskDeadlineForTests(null);
  await sampler?.close();
  sampler = null;
});

function start(worker: string): { errors: RunbusError[]; rec: ReturnType<typeof recordingBus> } {
  setWorkerFileForTests(fixture(worker));
  const rec = recordingBus();
  const errors: RunbusError[] = [];
  sampler = createSampler({ bus: rec.bus, runId: 'r', gpu: false, intervalMs: 100, poolRetryMs: 1 });
  sampler.on('error', (e) => errors.push(e));
  sampler.track(process.pid, 'self');
  return { errors, rec };
}

describe('the tick channel', () => {
  it('fails a tick the worker never answers at its deadline, and a fresh pool (a new thread) samples again', async () => {
    setMinTaskDeadlineForTests(100);
    const { errors, rec } = start('wedged-worker.mjs');
    // The worker spins in the tick: only the deadline ends it.
    await sampler!.tickNow();
    expect(errors.map((e) => e.code)).toEqual(['ERR_SAMPLER_TICK']);
    expect(errors[0]!.message).toMatch(/tick task failed: Error: no answer within 300 ms/);
    expect(sampler!.stats().ticks).toBe(1);
    // The next pool loads the real worker; the spinning thread is terminated
    // with the old pool, or close() below would never end.
    setWorkerFileForTests(null);
    await sampler!.tickNow();
    await waitFor(() => rec.resource.find((p) => p.pid === process.pid));
    expect(errors).toHaveLength(1);
    await sampler!.close();
  });

  it('fails a tick at once when the worker thread ends in it, not at the deadline', async () => {
    // A deadline no test would wait for: the tick must end by the channel closing.
    setMinTaskDeadlineForTests(600_000);
    const { errors, rec } = start('dying-worker.mjs');
    await sampler!.tickNow();
    expect(errors[0]?.code).toBe('ERR_SAMPLER_TICK');
    expect(errors[0]!.message).toMatch(/the worker closed its end of the tick channel/);
    setWorkerFileForTests(null);
    await sampler!.tickNow();
    await waitFor(() => rec.resource.find((p) => p.pid === process.pid));
  });

  it('keeps a script alive while its tick is under way', async () => {
    // The script awaits one tick with nothing else alive; an unref'd port
    // let it end mid-tick with status 13 (unsettled top-level await).
    const entry = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [fixture('await-tick.mjs'), entry], { timeout: 60_000 });
    expect(stdout.trim()).toBe('ticks=1 resources=1');
  });

  it('still closes when a tick is wedged (close waits for the deadline, then ends the pool)', async () => {
    setMinTaskDeadlineForTests(100);
    start('wedged-worker.mjs');
    const tick = sampler!.tickNow();
    await sampler!.close();
    await tick;
    expect(sampler!.stats().errors).toBe(1);
  });
});
