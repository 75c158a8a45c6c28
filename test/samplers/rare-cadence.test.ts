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

describe('io and the fd count with many pids', () => {
  it('are read on the first sample and every rareEveryTicks samples, absent without an error in between', async () => {
    const a = spawnChild('sleep', ['30']);
    const b = spawnChild('sleep', ['30']);
    await new Promise((r) => setTimeout(r, 100));
    proc = createProcessSampler({ manyPids: 1, rareEveryTicks: 3, statusEveryTicks: 0, smapsEveryTicks: 0 });
    const seen: boolean[][] = [[], []];
    for (let t = 0; t < 7; t++) {
      for (const [i, pid] of [a.pid!, b.pid!].entries()) {
        const r = proc.sample(pid, 'c', 'r', Date.now());
        if (r.kind !== 'ok') throw new Error('gone');
        const s = r.snapshot;
        const present = s.openFds !== undefined;
        expect(s.ioReadBytes !== undefined).toBe(present);
        expect(s.ioWriteBytes !== undefined).toBe(present);
        expect(s.errors).toEqual([]);
        expect(s.rssBytes).toBeGreaterThan(0);
        seen[i]!.push(present);
      }
    }
    // First sample, then every third (each pid at its own offset).
    for (const row of seen) {
      expect(row[0]).toBe(true);
      expect(row.filter(Boolean).length).toBe(3);
    }
    expect(seen[0]).not.toEqual(seen[1]);
  });

  it('are read every tick at or below manyPids', async () => {
    const a = spawnChild('sleep', ['30']);
    await new Promise((r) => setTimeout(r, 100));
    proc = createProcessSampler({ manyPids: 1, rareEveryTicks: 3 });
    for (let t = 0; t < 4; t++) {
      const r = proc.sample(a.pid!, 'c', 'r', Date.now());
      if (r.kind !== 'ok') throw new Error('gone');
      expect(r.snapshot.openFds).toBeGreaterThanOrEqual(0);
      expect(r.snapshot.ioReadBytes).toBeGreaterThanOrEqual(0);
    }
  });
});
