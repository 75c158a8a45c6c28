import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HighWaterMarks } from '../../src/cli/hwm.js';
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
});
