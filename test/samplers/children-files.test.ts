import { readdirSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { ChildrenFiles } from '../../src/samplers/children-files.js';
import { spawnChild, killAll } from './helpers.js';

const available = ChildrenFiles.available('/proc');
if (!available) process.stderr.write('children-files.test.ts: this kernel has no /proc/<pid>/task/<tid>/children (CONFIG_PROC_CHILDREN): not tested here\n');

const threads = (): number => readdirSync(`/proc/${process.pid}/task`).length;

describe.runIf(available)('ChildrenFiles', () => {
  it('keeps a children file per thread, listing the threads again when their count changes', async () => {
    const c = new ChildrenFiles('/proc');
    const child = spawnChild('sleep', ['30']);
    try {
      const seen: number[] = [];
      expect(c.read(process.pid, (p) => seen.push(p))).toBe('read');
      expect(seen).toContain(child.pid!);
      expect(c.openFiles).toBe(1 + threads());
      const w = new Worker('setTimeout(() => {}, 5000)', { eval: true });
      await new Promise((r) => w.once('online', r));
      expect(c.read(process.pid, () => undefined)).toBe('read');
      expect(c.openFiles).toBe(1 + threads());
      await w.terminate();
      c.forget(process.pid);
      expect(c.openFiles).toBe(0);
    } finally {
      killAll();
    }
  });

  it('answers gone for a pid that is not there, and prune closes what is not kept', () => {
    const c = new ChildrenFiles('/proc');
    expect(c.read(0x3fffffff, () => undefined)).toBe('gone');
    expect(c.openFiles).toBe(0);
    c.read(process.pid, () => undefined);
    expect(c.openFiles).toBeGreaterThan(1);
    c.prune(new Map());
    expect(c.openFiles).toBe(0);
  });

  it('reads nothing and says full when a process\'s threads would pass the descriptor budget', () => {
    const c = new ChildrenFiles('/proc', 3);
    const seen: number[] = [];
    expect(threads()).toBeGreaterThan(2);
    expect(c.read(process.pid, (p) => seen.push(p))).toBe('full');
    expect(seen).toEqual([]);
    c.forget(process.pid);
    expect(c.openFiles).toBe(0);
  });
});
