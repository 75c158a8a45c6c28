import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HighWaterMarks, kExactUsageBudget, kLargest, kReadsPerTick } from '../../src/cli/hwm.js';
import { useTmpDir } from '../support/tmp.js';

const tmp = useTmpDir();

function status(root: string, pid: number, hwmKb: number): void {
  mkdirSync(join(root, String(pid)), { recursive: true });
  // Same length each time: a kept descriptor reads the file from offset 0.
  writeFileSync(join(root, String(pid), 'status'), `Name:\tx\nVmHWM:\t${String(hwmKb).padStart(8)} kB\nVmRSS:\t 900 kB\n`);
}

describe('HighWaterMarks', () => {
  it('keeps the largest VmHWM per pid, holds the status files of the pids asked for, and closes the rest', () => {
    const root = tmp();
    status(root, 10, 1000);
    status(root, 11, 3000);
    const h = new HighWaterMarks(root);
    h.read([10, 11, 12]); // 12 does not exist
    expect(h.maxBytes).toBe(3000 * 1024);
    expect(h.openFiles).toBe(2);
    status(root, 10, 5000);
    h.read([10]);
    expect(h.maxBytes).toBe(5000 * 1024);
    expect(h.openFiles).toBe(1);
    // It only grows: a lower reading keeps the peak.
    status(root, 10, 2000);
    h.read([10, 11]);
    expect(h.maxBytes).toBe(5000 * 1024);
    expect(h.openFiles).toBe(2);
    h.close();
    expect(h.openFiles).toBe(0);
    expect(h.maxBytes).toBe(5000 * 1024);
  });

  it('reads the live VmHWM of this process through a kept descriptor', () => {
    const h = new HighWaterMarks();
    h.read([process.pid]);
    h.read([process.pid]);
    expect(h.maxBytes).toBeGreaterThan(1024 * 1024);
    expect(h.openFiles).toBe(1);
    h.close();
  });

  it('lets go of a process that has ended, keeping its last reading', async () => {
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    await once(child, 'spawn');
    const h = new HighWaterMarks();
    h.read([child.pid!]);
    expect(h.openFiles).toBe(1);
    const seen = h.maxBytes;
    expect(seen).toBeGreaterThan(0);
    child.kill('SIGKILL');
    await once(child, 'exit');
    h.read([child.pid!]);
    expect(h.openFiles).toBe(0);
    expect(h.maxBytes).toBe(seen);
  });

  it('past kReadsPerTick processes reads the largest by rss every tick and every other one in turn, and keeps every descriptor', () => {
    const root = tmp();
    const n = 100;
    const pids = Array.from({ length: n }, (_, i) => 1000 + i);
    for (const pid of pids) status(root, pid, pid);
    // pid 1099 has the largest rss; pid 1003 the peak, read only in its turn.
    const rss = pids.map((p) => (p === 1099 ? 9e9 : p * 10));
    status(root, 1003, 50_000);
    const h = new HighWaterMarks(root);
    h.read(pids, rss);
    expect(h.reads).toBe(kReadsPerTick);
    const turn = kReadsPerTick - kLargest;
    // The first turn starts at index 0: 1003 is read at once.
    expect(h.maxBytes).toBe(50_000 * 1024);
    // A spike of the largest shows on the next tick, whatever the turn.
    status(root, 1099, 90_000);
    h.read(pids, rss);
    expect(h.maxBytes).toBe(90_000 * 1024);
    expect(h.reads).toBe(2 * kReadsPerTick);
    // Every process is read within ⌈n / turn⌉ ticks: a peak of the smallest
    // process is found in that many.
    status(root, 1000 + n - 2, 95_000);
    const ticks = Math.ceil(n / turn);
    let found = -1;
    for (let t = 1; t <= ticks && found < 0; t++) {
      h.read(pids, rss);
      if (h.maxBytes === 95_000 * 1024) found = t;
    }
    expect(found).toBeGreaterThan(0);
    // Descriptors of every process asked for are kept (opened when first read).
    expect(h.openFiles).toBeGreaterThan(kReadsPerTick);
    h.read(pids.slice(0, 10), rss.slice(0, 10));
    expect(h.openFiles).toBeLessThanOrEqual(10);
    h.close();
  });

  it('on the exact-usage budget reads 4 status files a tick around 20 processes: the 2 largest each tick, every other within 9 ticks', () => {
    const root = tmp();
    const pids = Array.from({ length: 20 }, (_, i) => 2000 + i);
    for (const pid of pids) status(root, pid, 100);
    const rss = pids.map((p) => (p === 2005 ? 9e9 : p));
    const h = new HighWaterMarks(root, kExactUsageBudget);
    h.read(pids, rss);
    expect(h.reads).toBe(kExactUsageBudget.reads);
    // The largest by rss: its spike shows on the next tick.
    status(root, 2005, 70_000);
    h.read(pids, rss);
    expect(h.maxBytes).toBe(70_000 * 1024);
    // Any other within ⌈18 / 2⌉ ticks.
    status(root, 2017, 80_000);
    let found = -1;
    for (let t = 1; t <= 9 && found < 0; t++) {
      h.read(pids, rss);
      if (h.maxBytes === 80_000 * 1024) found = t;
    }
    expect(found).toBeGreaterThan(0);
    expect(h.reads).toBe((2 + found) * kExactUsageBudget.reads);
    h.close();
  });

  it('refuses a budget that cannot read anything in turn', () => {
    expect(() => new HighWaterMarks('/proc', { reads: 2, largest: 2 })).toThrow(/reads > largest >= 0 \(got reads 2, largest 2\)/);
    expect(() => new HighWaterMarks('/proc', { reads: 1.5, largest: 0 })).toThrow(RangeError);
  });
});
