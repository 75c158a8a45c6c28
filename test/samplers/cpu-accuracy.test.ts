import { afterEach, describe, expect, it } from 'vitest';
import { createProcessSampler } from '../../src/samplers/index.js';
import { forkFixture, killAll, nextMessage, sleep } from './helpers.js';

afterEach(killAll);

describe('process sampler cpu %', () => {
  it('reads a child burning one core for ~3 s as 85–115 % (100 = one core)', async () => {
    const child = forkFixture('burn.cjs', ['20000']);
    await nextMessage(child); // ready
    const pid = child.pid!;
    const sampler = createProcessSampler({ smapsEveryTicks: 0 });

    const first = sampler.sample(pid, 'burn', 'run', Date.now());
    expect(first.kind).toBe('ok');
    if (first.kind !== 'ok') return;
    // The first sample of a pid has no cpu % (absent, not 0).
    expect(first.snapshot.cpuPercent).toBeUndefined();
    const t0 = await nextMessage<{ cpuMs: number; at: number }>(child, 'cpu?');

    await sleep(3000);

    const second = sampler.sample(pid, 'burn', 'run', Date.now());
    const t1 = await nextMessage<{ cpuMs: number; at: number }>(child, 'cpu?');
    expect(second.kind).toBe('ok');
    if (second.kind !== 'ok') return;
    const pct = second.snapshot.cpuPercent!;
    // The child's own account of the same interval: on a starved machine it
    // gets less than a core, and the sampler must agree with it.
    const truth = ((t1.cpuMs - t0.cpuMs) / (t1.at - t0.at)) * 100;
    expect(pct).toBeLessThanOrEqual(115);
    expect(pct).toBeGreaterThanOrEqual(Math.min(85, truth - 10));
    expect(Math.abs(pct - truth)).toBeLessThan(15);
    expect(second.snapshot.cpuUserMs).toBeGreaterThan(0);
  });
});
