import { afterEach, describe, expect, it } from 'vitest';
import { createSampler } from '../../src/samplers/index.js';
import type { Sampler } from '../../src/samplers/index.js';
import { forkFixture, killAll, nextMessage, recordingBus, waitFor } from './helpers.js';

let sampler: Sampler | null = null;
afterEach(async () => {
  killAll();
  await sampler?.close();
  sampler = null;
});

describe('process tree', () => {
  it('finds a child of a child and tags it <root component>/<command>', async () => {
    const child = forkFixture('spawn-tree.cjs');
    const { grandchild } = await nextMessage<{ child: number; grandchild: number }>(child);
    const rec = recordingBus();
    sampler = createSampler({ bus: rec.bus, runId: 'r', gpu: false, host: false, roots: [{ pid: child.pid!, component: 'trainer' }] });
    await sampler.tickNow();
    const snap = await waitFor(() => rec.resource.find((r) => r.pid === grandchild));
    expect(snap.component).toBe('trainer/sleep');
    expect(snap.ppid).toBe(child.pid);
    process.kill(grandchild, 'SIGKILL');
  });
});
