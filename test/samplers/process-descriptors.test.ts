import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { createProcessSampler } from '../../src/samplers/index.js';
import { killAll, spawnChild } from './helpers.js';

afterEach(killAll);

const openFds = (): number => readdirSync('/proc/self/fd').length;

describe('process sampler descriptors', () => {
  it('keeps a pid’s /proc descriptors open between ticks and closes them when it is gone', async () => {
    const child = spawnChild('sleep', ['30']);
    const s = createProcessSampler({ smapsEveryTicks: 0 });
    const before = openFds();
    expect(s.sample(child.pid!, 'c', 'run', Date.now()).kind).toBe('ok');
    expect(s.openPids).toBe(1);
    expect(openFds()).toBe(before + 4);
    expect(s.sample(child.pid!, 'c', 'run', Date.now()).kind).toBe('ok');
    expect(openFds()).toBe(before + 4);

    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGKILL');
    await exited; // reaped: a kept descriptor now reads ESRCH
    expect(s.sample(child.pid!, 'c', 'run', Date.now()).kind).toBe('gone');
    expect(s.openPids).toBe(0);
    expect(s.size).toBe(0);
    expect(openFds()).toBe(before);
  });

  it('reads every figure with no kept descriptors too (maxOpenPids 0)', () => {
    const s = createProcessSampler({ maxOpenPids: 0, smapsEveryTicks: 1 });
    const before = openFds();
    const r = s.sample(process.pid, 'self', 'run', Date.now());
    if (r.kind !== 'ok') throw new Error('gone');
    expect(s.openPids).toBe(0);
    expect(openFds()).toBe(before);
    expect(r.snapshot.errors).toEqual([]);
    for (const k of ['rssBytes', 'vmsBytes', 'threads', 'openFds', 'ioReadBytes', 'ctxSwitchesVoluntary', 'ussBytes', 'pssBytes'] as const) {
      expect(r.snapshot[k], k).toBeGreaterThan(-1);
    }
  });

  it('reads status (context switches) at its own cadence', () => {
    const s = createProcessSampler({ statusEveryTicks: 2, smapsEveryTicks: 0 });
    const got = [0, 1, 2].map(() => {
      const r = s.sample(process.pid, 'self', 'run', Date.now());
      if (r.kind !== 'ok') throw new Error('gone');
      return r.snapshot.ctxSwitchesVoluntary;
    });
    expect(got[0]).toBeGreaterThan(0);
    expect(got[1]).toBeUndefined();
    expect(got[2]).toBeGreaterThanOrEqual(got[0]!);
    s.close();
    expect(s.openPids).toBe(0);
  });

  it('staggers the slow reads of pids tracked together over their cadence', () => {
    const a = spawnChild('sleep', ['30']);
    const b = spawnChild('sleep', ['30']);
    const s = createProcessSampler({ smapsEveryTicks: 3, statusEveryTicks: 3 });
    const read = (pid: number): [boolean, boolean] => {
      const r = s.sample(pid, 'c', 'run', Date.now());
      if (r.kind !== 'ok') throw new Error('gone');
      return [r.snapshot.pssBytes !== undefined, r.snapshot.ctxSwitchesVoluntary !== undefined];
    };
    const ticks = [1, 2, 3, 4, 5, 6, 7].map((): [[boolean, boolean], [boolean, boolean]] => [read(a.pid!), read(b.pid!)]);
    // Both on the first sample; then the first pid on samples 4 and 7, the
    // second on 3 and 6: never again on the same tick.
    expect(ticks.map(([x]) => x[0])).toEqual([true, false, false, true, false, false, true]);
    expect(ticks.map(([, y]) => y[0])).toEqual([true, false, true, false, false, true, false]);
    expect(ticks.map(([x]) => x[1])).toEqual(ticks.map(([x]) => x[0]));
    expect(ticks.map(([, y]) => y[1])).toEqual(ticks.map(([, y]) => y[0]));
    s.close();
  });
});
