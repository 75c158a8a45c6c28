import { afterEach, describe, expect, it } from 'vitest';
import { LifecycleKind } from '../../src/wire/index.js';
import { createSampler } from '../../src/samplers/index.js';
import type { Sampler } from '../../src/samplers/index.js';
import { killAll, recordingBus, settle, spawnChild, waitFor } from './helpers.js';

let sampler: Sampler | null = null;
afterEach(async () => {
  killAll();
  await sampler?.close();
  sampler = null;
});

describe('pidusage fallback', () => {
  it('samples tracked roots with cpu % (absent first) and rss, and notices an exit', async () => {
    const rec = recordingBus();
    sampler = createSampler({ bus: rec.bus, runId: 'p', gpu: false, host: false, backend: 'pidusage' });
    const child = spawnChild('sleep', ['30']);
    const pid = child.pid!;
    sampler.track(pid, 'sleeper');
    await sampler.tickNow();
    await sampler.tickNow();
    await settle();
    expect(sampler.stats().backend).toBe('pidusage');
    const snaps = rec.resource.filter((r) => r.pid === pid);
    expect(snaps).toHaveLength(2);
    expect(snaps[0]!.cpuPercent == null).toBe(true);
    expect(snaps[1]!.cpuPercent).toBeGreaterThanOrEqual(0);
    expect(snaps[1]!.rssBytes).toBeGreaterThan(0);
    expect(snaps[1]!.component).toBe('sleeper');

    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGKILL');
    await exited;
    await sampler.tickNow();
    const ev = await waitFor(() => rec.lifecycle.find((l) => l.pid === pid && l.kind === LifecycleKind.PROCESS_EXITED));
    expect(ev.component).toBe('sleeper');
  });
});
