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

describe('createSampler end to end', () => {
  it('publishes RESOURCE, HOST and LIFECYCLE for a tracked child through the pool', async () => {
    const rec = recordingBus();
    sampler = createSampler({ bus: rec.bus, runId: 'run-e2e', intervalMs: 100, gpu: false, disks: ['/'] });
    const errors: unknown[] = [];
    sampler.on('error', (e) => errors.push(e));
    const child = spawnChild('sleep', ['30']);
    const pid = child.pid!;
    sampler.track(pid, 'worker');
    sampler.start();

    const withCpu = await waitFor(() => rec.resource.find((r) => r.pid === pid && r.cpuPercent != null));
    const first = rec.resource.find((r) => r.pid === pid)!;
    expect(first.cpuPercent == null).toBe(true);
    expect(first.runId).toBe('run-e2e');
    expect(first.component).toBe('worker');
    expect(first.command).toBe('sleep');
    expect(first.rssBytes).toBeGreaterThan(0);
    expect(withCpu.cpuPercent).toBeGreaterThanOrEqual(0);
    expect(withCpu.cpuPercent).toBeLessThan(50);
    expect(rec.host.length).toBeGreaterThan(0);
    expect(rec.host.at(-1)!.disks![0]!.mount).toBe('/');
    const started = rec.lifecycle.find((l) => l.pid === pid && l.kind === LifecycleKind.PROCESS_STARTED);
    expect(started?.component).toBe('worker');

    // The spawner knows the exit status; /proc does not once it is reaped.
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    await exited;
    sampler.noteExit(pid, { code: null, signal: 'SIGTERM' });
    const ev = await waitFor(() => rec.lifecycle.find((l) => l.pid === pid && l.kind === LifecycleKind.PROCESS_EXITED));
    expect(ev.signal).toBe('SIGTERM');
    await sampler.tickNow();
    await settle();
    const st = sampler.stats();
    expect(st.ticks).toBeGreaterThan(2);
    expect(st.backend).toBe('procfs');
    expect(st.errors).toBe(0);
    // An exited root is no longer tracked.
    expect(st.processes).toBe(0);
    expect(errors).toEqual([]);
  });

  it('follows track() and untrack() between ticks (roots reach the worker only when they change)', async () => {
    const a = spawnChild('sleep', ['30']);
    const b = spawnChild('sleep', ['30']);
    const rec = recordingBus();
    sampler = createSampler({ bus: rec.bus, runId: 'r', gpu: false, host: false });
    const sampled = async (): Promise<Set<number>> => {
      rec.resource.length = 0;
      await sampler!.tickNow();
      await settle();
      return new Set(rec.resource.map((p) => p.pid));
    };
    sampler.track(a.pid!, 'a');
    expect(await sampled()).toEqual(new Set([a.pid]));
    expect(await sampled()).toEqual(new Set([a.pid])); // unchanged roots: not resent, still sampled
    sampler.track(a.pid!, 'a'); // the same again: no change
    sampler.track(b.pid!, 'b');
    expect(await sampled()).toEqual(new Set([a.pid, b.pid]));
    sampler.untrack(a.pid!);
    expect(await sampled()).toEqual(new Set([b.pid]));
    sampler.track(a.pid!, 'renamed');
    const again = await sampled();
    expect(again).toEqual(new Set([a.pid, b.pid]));
    expect(rec.resource.find((p) => p.pid === a.pid)?.component).toBe('renamed');
  });
});
