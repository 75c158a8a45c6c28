import { afterEach, describe, expect, it } from 'vitest';
import { LifecycleKind } from '../../src/wire/index.js';
import { createSampler } from '../../src/samplers/index.js';
import type { Sampler } from '../../src/samplers/index.js';
import { fixture, killAll, recordingBus, settle, spawnChild } from './helpers.js';

let sampler: Sampler | null = null;
afterEach(async () => {
  killAll();
  await sampler?.close();
  sampler = null;
});

describe('faults: churn', () => {
  it('samples through 500 short-lived processes without an error', async () => {
    const rec = recordingBus();
    sampler = createSampler({ bus: rec.bus, runId: 'r', gpu: false, host: false, smapsEveryTicks: 1 });
    const errors: unknown[] = [];
    sampler.on('error', (e) => errors.push(e));
    const churn = spawnChild(fixture('churn.sh'), ['500']);
    sampler.track(churn.pid!, 'churn');
    let done = false;
    churn.once('exit', () => {
      done = true;
    });
    let ticks = 0;
    while (!done) {
      await sampler.tickNow();
      ticks++;
    }
    await sampler.tickNow();
    await settle();
    expect(errors).toEqual([]);
    expect(sampler.stats().errors).toBe(0);
    expect(ticks).toBeGreaterThan(2);
    // Some of the short-lived children were caught; each start has an exit.
    const started = rec.lifecycle.filter((l) => l.kind === LifecycleKind.PROCESS_STARTED);
    const exited = rec.lifecycle.filter((l) => l.kind === LifecycleKind.PROCESS_EXITED);
    expect(started.length).toBeGreaterThan(1);
    expect(new Set(exited.map((l) => l.pid))).toEqual(new Set(started.map((l) => l.pid)));
    expect(sampler.stats().processes).toBe(0);
  });
});
