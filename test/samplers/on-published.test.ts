import { afterEach, describe, expect, it } from 'vitest';
import { createSampler } from '../../src/samplers/index.js';
import type { Sampler } from '../../src/samplers/index.js';
import { recordingBus, settle } from './helpers.js';

let sampler: Sampler | null = null;
afterEach(async () => {
  await sampler?.close();
  sampler = null;
});

describe('sampler onPublished', () => {
  it("runs once a tick's envelopes are all published, reports a throwing hook, and stops after removal", async () => {
    const rec = recordingBus();
    sampler = createSampler({ bus: rec.bus, runId: 'r', gpu: false, roots: [{ pid: process.pid, component: 'self' }] });
    const errors: string[] = [];
    sampler.on('error', (e) => errors.push(e.code));
    const seen: { resource: number; host: number }[] = [];
    // What the bus had been handed when the hook ran (deliveries come after).
    const remove = sampler.onPublished(() => {
      const s = rec.bus.stats();
      seen.push({ resource: s.topics.resource?.published ?? 0, host: s.topics.host?.published ?? 0 });
    });
    sampler.onPublished(() => { throw new Error('hook bug'); });
    await sampler.tickNow();
    await settle();
    expect(seen).toEqual([{ resource: 1, host: 1 }]);
    expect(rec.resource).toHaveLength(1);
    expect(errors).toEqual(['ERR_SAMPLER_HOOK']);
    remove();
    await sampler.tickNow();
    expect(seen).toHaveLength(1);
  });
});
