import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { createProcessSampler } from '../../src/samplers/index.js';

describe('process sampler figures of this process', () => {
  it('reads stat, status, io and fds, and cpu % only from the second sample', () => {
    const s = createProcessSampler({ smapsEveryTicks: 2 });
    const a = s.sample(process.pid, 'self', 'run', Date.now());
    expect(a.kind).toBe('ok');
    if (a.kind !== 'ok') return;
    const snap = a.snapshot;
    expect(a.isNew).toBe(true);
    expect(snap.cpuPercent).toBeUndefined();
    expect(snap.state).toMatch(/^[RS]$/);
    expect(snap.ppid).toBe(process.ppid);
    expect(snap.command).toBe(readFileSync(`/proc/${process.pid}/comm`, 'utf8').trim());
    expect(snap.threads).toBeGreaterThan(1);
    const fds = readdirSync(`/proc/${process.pid}/fd`).length;
    expect(Math.abs(snap.openFds! - fds)).toBeLessThanOrEqual(2);
    expect(snap.ctxSwitchesVoluntary).toBeGreaterThan(0);
    expect(snap.ioReadBytes).toBeGreaterThanOrEqual(0);
    expect(snap.ioWriteBytes).toBeGreaterThanOrEqual(0);
    expect(snap.ussBytes).toBeGreaterThan(0);
    expect(snap.errors).toEqual([]);

    const end = Date.now() + 30;
    while (Date.now() < end) {
      /* burn a little */
    }
    const b = s.sample(process.pid, 'self', 'run', Date.now());
    if (b.kind !== 'ok') throw new Error('gone');
    expect(b.isNew).toBe(false);
    expect(b.snapshot.cpuPercent).toBeGreaterThanOrEqual(0);
    // smaps_rollup every 2nd sample: not on the second one.
    expect(b.snapshot.ussBytes).toBeUndefined();
    const c = s.sample(process.pid, 'self', 'run', Date.now());
    if (c.kind !== 'ok') throw new Error('gone');
    expect(c.snapshot.ussBytes).toBeGreaterThan(0);
  });

  it('says gone for a pid that does not exist', () => {
    const s = createProcessSampler();
    expect(s.sample(2 ** 22 + 5, 'x', 'run', Date.now()).kind).toBe('gone');
  });
});
