import { afterEach, describe, expect, it } from 'vitest';
import { createSampler, setWorkerFileForTests } from '../../src/samplers/sampler.js';
import type { Sampler } from '../../src/samplers/index.js';
import { fixture, recordingBus } from './helpers.js';

let sampler: Sampler | null = null;
afterEach(async () => {
  setWorkerFileForTests(null);
  await sampler?.close();
  sampler = null;
});

// The hub's batcher waits for this hook instead of arming its age timer
// while a tick runs: a tick that fails must still end with it.
describe('sampler onPublished after a failed tick', () => {
  it('runs once for a tick whose task failed, with nothing published', async () => {
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
});
