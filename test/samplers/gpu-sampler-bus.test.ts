import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kFixtures, recordingBus, settle, waitFor } from './helpers.js';
import { createSampler } from '../../src/samplers/index.js';
import type { Sampler } from '../../src/samplers/index.js';

let sampler: Sampler | null = null;
const savedPath = process.env.PATH;
beforeEach(() => {
  // The fake first on PATH, as a real one would be found. The pool's worker
  // copies the environment when it starts, so this comes before createSampler.
  process.env.PATH = `${kFixtures}:${savedPath ?? ''}`;
  process.env.FAKE_NVSMI_MODE = 'normal';
  process.env.FAKE_NVSMI_APP_PID = String(process.pid);
});
afterEach(async () => {
  await sampler?.close();
  sampler = null;
  process.env.PATH = savedPath;
  delete process.env.FAKE_NVSMI_MODE;
  delete process.env.FAKE_NVSMI_APP_PID;
});

describe('GPU through the sampler pool', () => {
  it('publishes GPU snapshots and puts a process VRAM on its RESOURCE snapshot', async () => {
    const rec = recordingBus();
    const warnings: string[] = [];
    sampler = createSampler({ bus: rec.bus, runId: 'g', host: false, logger: { warn: (m) => warnings.push(m) } });
    await sampler.gpuNow();
    const gpu = await waitFor(() => rec.gpu[0]);
    expect(gpu.runId).toBe('g');
    expect(gpu.devices![0]!.name).toBe('NVIDIA GeForce RTX 3090');
    expect(gpu.devices![0]!.processes![0]!.pid).toBe(process.pid);
    expect(warnings).toEqual([]);
    expect(sampler.stats().gpuTicks).toBe(1);

    // The VRAM nvidia-smi lists for a sampled pid lands on its snapshot.
    sampler.track(process.pid, 'self');
    await sampler.tickNow();
    const snap = await waitFor(() => rec.resource.find((r) => r.pid === process.pid));
    expect(snap.gpuMemBytes).toBe(2000 * 1024 * 1024);
    expect(snap.gpuUtilPercent).toBe(37);
  });

  it('logs one line and publishes nothing when nvidia-smi fails', async () => {
    process.env.FAKE_NVSMI_MODE = 'fail';
    const rec = recordingBus();
    const warnings: string[] = [];
    sampler = createSampler({ bus: rec.bus, runId: 'g', host: false, logger: { warn: (m) => warnings.push(m) } });
    await sampler.gpuNow();
    await sampler.gpuNow();
    await settle();
    expect(rec.gpu).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/GPU sampling off/);
  });
});
