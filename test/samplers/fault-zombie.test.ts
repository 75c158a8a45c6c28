import { afterEach, describe, expect, it } from 'vitest';
import { LifecycleKind } from '../../src/wire/index.js';
import { createProcessSampler, createSampler } from '../../src/samplers/index.js';
import type { Sampler } from '../../src/samplers/index.js';
import { fixture, killAll, recordingBus, spawnChild, waitFor } from './helpers.js';
import { readFileSync } from 'node:fs';

let sampler: Sampler | null = null;
afterEach(async () => {
  killAll();
  await sampler?.close();
  sampler = null;
});

async function startZombie(): Promise<{ parent: number; zombie: number }> {
  const c = spawnChild(fixture('zombie.sh'), [], 'pipe');
  const line = await new Promise<string>((r) => c.stdout!.once('data', (d: Buffer) => r(d.toString())));
  const zombie = Number(line.trim());
  // Wait until it has exited and sits unreaped.
  await waitFor(() => (readFileSync(`/proc/${zombie}/stat`, 'latin1').includes(') Z ') ? true : undefined));
  return { parent: c.pid!, zombie };
}

describe('faults: an unreaped zombie', () => {
  it('is sampled with state Z and its memory/fd/io figures absent for reason "zombie"', async () => {
    const { zombie } = await startZombie();
    const s = createProcessSampler();
    const r = s.sample(zombie, 'z', 'run', Date.now());
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.snapshot.state).toBe('Z');
    expect(r.snapshot.rssBytes).toBeUndefined();
    expect(r.snapshot.openFds).toBeUndefined();
    expect(r.snapshot.errors).toContainEqual({ figure: 'rss_bytes', reason: 'zombie' });
    expect(r.snapshot.errors).toContainEqual({ figure: 'open_fds', reason: 'zombie' });
  });

  it('gives PROCESS_EXITED with the exit code read from the zombie', async () => {
    const { parent, zombie } = await startZombie();
    const rec = recordingBus();
    sampler = createSampler({ bus: rec.bus, runId: 'r', gpu: false, host: false, roots: [{ pid: parent, component: 'z' }] });
    await sampler.tickNow();
    const ev = await waitFor(() => rec.lifecycle.find((l) => l.pid === zombie && l.kind === LifecycleKind.PROCESS_EXITED));
    expect(ev.exitCode).toBe(7);
    const snap = rec.resource.find((r) => r.pid === zombie)!;
    expect(snap.state).toBe('Z');
    expect(snap.component).toBe('z/zombie.sh');
  });
});
