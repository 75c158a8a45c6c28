import { afterEach, describe, expect, it, vi } from 'vitest';
import { setWorkerFileForTests } from '../../src/samplers/sampler.js';
import { createSampler } from '../../src/samplers/index.js';
import type { Sampler } from '../../src/samplers/index.js';
import type { RunbusError } from '../../src/errors.js';
import { fixture, recordingBus, settle, waitFor } from './helpers.js';

let sampler: Sampler | null = null;
afterEach(async () => {
  vi.useRealTimers();
  setWorkerFileForTests(null);
  await sampler?.close();
  sampler = null;
});

describe('a pool worker that cannot start', () => {
  it('is reported through error events; ticks resolve and close() does not hang', async () => {
    setWorkerFileForTests(fixture('broken-worker.mjs'));
    const rec = recordingBus();
    const errors: RunbusError[] = [];
    sampler = createSampler({ bus: rec.bus, runId: 'r', gpu: false });
    sampler.on('error', (e) => errors.push(e));
    await expect(sampler.tickNow()).resolves.toBeUndefined();
    await sampler.tickNow();
    await settle();
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(['ERR_SAMPLER_TICK', 'ERR_SAMPLER_POOL']).toContain(e.code);
    expect(sampler.stats().errors).toBe(errors.length);
    expect(rec.host).toEqual([]);
    await sampler.close();
  });

  // The hub's batcher waits for onPublished instead of arming its age timer
  // while a tick runs: a tick whose task failed must still end with it.
  it('still runs the onPublished hooks, once per failed tick', async () => {
    setWorkerFileForTests(fixture('broken-worker.mjs'));
    const rec = recordingBus();
    sampler = createSampler({ bus: rec.bus, runId: 'r', gpu: false });
    sampler.on('error', () => undefined);
    let calls = 0;
    sampler.onPublished(() => { calls++; });
    await sampler.tickNow();
    expect(calls).toBe(1);
    expect(rec.host).toEqual([]);
  });

  it('logs the first error once when nobody listens', async () => {
    setWorkerFileForTests(fixture('broken-worker.mjs'));
    const rec = recordingBus();
    const warnings: string[] = [];
    sampler = createSampler({ bus: rec.bus, runId: 'r', gpu: false, logger: { warn: (m) => warnings.push(m) } });
    await sampler.tickNow();
    await sampler.tickNow();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/further errors are only counted/);
  });

  it('is replaced by a fresh pool (at most every poolRetryMs) and sampling resumes', async () => {
    setWorkerFileForTests(fixture('broken-worker.mjs'));
    const rec = recordingBus();
    const errors: RunbusError[] = [];
    sampler = createSampler({ bus: rec.bus, runId: 'r', gpu: false, poolRetryMs: 1 });
    sampler.on('error', (e) => errors.push(e));
    sampler.track(process.pid, 'self');
    await sampler.tickNow();
    expect(errors.length).toBeGreaterThan(0);
    setWorkerFileForTests(null); // the next pool loads the real worker
    // Within the back-off the tick is skipped: the clock the back-off reads
    // is stopped at its start (the pool's own timers stay real).
    vi.useFakeTimers({ toFake: ['performance'] });
    await sampler.tickNow();
    vi.useRealTimers();
    expect(sampler.stats().skipped).toBe(1);
    // Past it (1 ms) a fresh pool runs the tick.
    await sampler.tickNow();
    await waitFor(() => rec.host[0]);
    expect(sampler.stats().backend).toBe('procfs');
    // The new pool's worker was sent the roots tracked before it existed.
    await waitFor(() => rec.resource.find((p) => p.pid === process.pid));
  });
});
