import { afterEach, describe, expect, it } from 'vitest';
import { createProcessSampler } from '../../src/samplers/index.js';
import type { ProcessSampler } from '../../src/samplers/index.js';
import { killAll, spawnChild } from './helpers.js';

let proc: ProcessSampler | null = null;
afterEach(() => {
  proc?.close();
  proc = null;
  killAll();
});

/** How many of 9 samples of each of two pids carry each slow figure. */
async function readsOf(widenPerPids: number, every = 2): Promise<Record<string, number>[]> {
  const a = spawnChild('sleep', ['30']);
  const b = spawnChild('sleep', ['30']);
  await new Promise((r) => setTimeout(r, 100));
  proc = createProcessSampler({ manyPids: 1, rareEveryTicks: every, statusEveryTicks: every, smapsEveryTicks: every, widenPerPids });
  const counts = [{}, {}] as Record<string, number>[];
  for (let t = 0; t < 9; t++) {
    for (const [i, pid] of [a.pid!, b.pid!].entries()) {
      const r = proc.sample(pid, 'c', 'r', Date.now());
      if (r.kind !== 'ok') throw new Error('gone');
      const s = r.snapshot;
      expect(s.errors).toEqual([]);
      expect(s.rssBytes).toBeGreaterThan(0);
      const c = counts[i]!;
      for (const k of ['ctxSwitchesVoluntary', 'ioReadBytes', 'openFds', 'pssBytes'] as const) if (s[k] !== undefined) c[k] = (c[k] ?? 0) + 1;
    }
  }
  return counts;
}

describe('slow cadences with many pids', () => {
  it('widen with the number of sampled pids: status, io, fds and smaps on the first sample and every (cadence × pids/widenPerPids)th', async () => {
    // Two pids, widenPerPids 1: twice the cadence of 2, i.e. samples 1, 5, 9 (or 1, 4, 8 at the second pid's offset).
    const n = { ctxSwitchesVoluntary: 3, ioReadBytes: 3, openFds: 3, pssBytes: 3 };
    expect(await readsOf(1)).toEqual([n, n]);
  });

  it('keep their setting below widenPerPids, and with widenPerPids 0', async () => {
    const n = { ctxSwitchesVoluntary: 5, ioReadBytes: 5, openFds: 5, pssBytes: 5 };
    expect(await readsOf(0)).toEqual([n, n]);
    proc?.close();
    killAll();
    expect(await readsOf(3)).toEqual([n, n]);
  });

  it('never widen a cadence of 1: every tick, asked for, stays every tick', async () => {
    const n = { ctxSwitchesVoluntary: 9, ioReadBytes: 9, openFds: 9, pssBytes: 9 };
    expect(await readsOf(1, 1)).toEqual([n, n]);
  });
});
