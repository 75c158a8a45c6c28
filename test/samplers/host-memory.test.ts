import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHostSampler } from '../../src/samplers/index.js';

function meminfo(key: string): number {
  const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/meminfo', 'utf8'));
  return Number(m![1]) * 1024;
}

describe('host sampler', () => {
  it('matches /proc/meminfo within 1 %', () => {
    const h = createHostSampler({ disks: [] });
    const snap = h.sample('run', Date.now());
    const total = meminfo('MemTotal');
    const avail = meminfo('MemAvailable');
    expect(snap.memTotalBytes).toBe(total);
    expect(Math.abs(snap.memAvailableBytes! - avail) / total).toBeLessThan(0.01);
    expect(Math.abs(snap.memPercent! - ((total - avail) / total) * 100)).toBeLessThan(1);
    expect(snap.swapTotalBytes).toBe(meminfo('SwapTotal'));
  });

  it('has no cpu % on the first sample and 0..100 (all cores) after', () => {
    const h = createHostSampler({ disks: [] });
    const a = h.sample('run', Date.now());
    expect(a.cpuPercent).toBeUndefined();
    const end = Date.now() + 50;
    while (Date.now() < end) {
      /* let jiffies pass */
    }
    const b = h.sample('run', Date.now());
    expect(b.cpuPercent).toBeGreaterThanOrEqual(0);
    expect(b.cpuPercent).toBeLessThanOrEqual(100);
    expect(b.cpuCount).toBeGreaterThan(0);
    expect(b.load1).toBeGreaterThanOrEqual(0);
  });

  it('reports configured disks, and a missing mount as an error only', () => {
    const h = createHostSampler({ disks: ['/', '/no/such/mount'] });
    const snap = h.sample('run', Date.now());
    const root = snap.disks![0]!;
    expect(root.mount).toBe('/');
    expect(root.usedPercent).toBeGreaterThan(0);
    expect(root.usedPercent).toBeLessThanOrEqual(100);
    expect(root.freeBytes).toBeGreaterThan(0);
    expect(root.totalBytes).toBeGreaterThanOrEqual(root.freeBytes!);
    const missing = snap.disks![1]!;
    expect(missing.usedPercent).toBeUndefined();
    expect(missing.freeBytes).toBeUndefined();
    expect(snap.errors).toContainEqual({ figure: 'disk:/no/such/mount', reason: 'ENOENT' });
  });
});
