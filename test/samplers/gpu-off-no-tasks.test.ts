import { afterEach, describe, expect, it } from 'vitest';
import { createSampler } from '../../src/samplers/index.js';
import type { Sampler } from '../../src/samplers/index.js';
import { kFixtures, recordingBus } from './helpers.js';

let sampler: Sampler | null = null;
const savedPath = process.env.PATH;
afterEach(async () => {
  await sampler?.close();
  sampler = null;
  process.env.PATH = savedPath;
  delete process.env.FAKE_NVSMI_MODE;
});

describe('GPU sampling off for good', () => {
  it('runs no more GPU tasks once the worker has turned it off', async () => {
    // The fake first on PATH; the pool's worker copies the environment when it starts.
    process.env.PATH = `${kFixtures}:${savedPath ?? ''}`;
    process.env.FAKE_NVSMI_MODE = 'fail';
    const warnings: string[] = [];
    sampler = createSampler({ bus: recordingBus().bus, runId: 'g', host: false, logger: { warn: (m) => warnings.push(m) } });
    await sampler.gpuNow();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/GPU sampling off/);
    // Asked again (as its timer would): no task goes to the worker.
    await sampler.gpuNow();
    await sampler.gpuNow();
    expect(sampler.stats().gpuTicks).toBe(1);
  });
});
