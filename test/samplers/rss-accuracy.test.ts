import { afterEach, describe, expect, it } from 'vitest';
import { createProcessSampler } from '../../src/samplers/index.js';
import { forkFixture, killAll, nextMessage } from './helpers.js';

afterEach(killAll);

describe('process sampler rss', () => {
  it('reads a child holding 200 MB resident within 5 %', async () => {
    const child = forkFixture('hold-memory.cjs', ['200']);
    await nextMessage(child);
    const sampler = createProcessSampler();
    const r = sampler.sample(child.pid!, 'mem', 'run', Date.now());
    const { rss } = await nextMessage<{ rss: number }>(child, 'rss?');
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    const got = r.snapshot.rssBytes!;
    expect(got).toBeGreaterThan(200 * 1024 * 1024);
    expect(Math.abs(got - rss) / rss).toBeLessThan(0.05);
    // USS is read on a pid's first sample; the 200 MB are private.
    expect(r.snapshot.ussBytes!).toBeGreaterThan(190 * 1024 * 1024);
    expect(r.snapshot.pssBytes!).toBeGreaterThanOrEqual(r.snapshot.ussBytes!);
    expect(r.snapshot.vmsBytes!).toBeGreaterThan(got);
  });
});
