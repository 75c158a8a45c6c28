import { spawnSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';

// Pids that were handed out and have gone again since the last scan are the
// usual case on a busy machine: the probe between listings must not try to
// open them (a failed open throws, and the exception is most of its cost).
const failedOpens: string[] = [];
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const openSync = (...args: Parameters<typeof fs.openSync>): number => {
    try {
      return fs.openSync(...args);
    } catch (err) {
      failedOpens.push(String(args[0]));
      throw err;
    }
  };
  return { ...fs, default: { ...fs, openSync }, openSync };
});

const { createProcessTree } = await import('../../src/samplers/index.js');

describe('process tree probe', () => {
  it('opens no /proc file of a pid that has gone since the last scan', () => {
    const tree = createProcessTree();
    tree.setRoots(new Map([[process.pid, 'me']]));
    tree.scan();
    tree.scan();
    // Five processes that start and exit between two scans: their pids lie
    // in the probed range, and none of them is there any more.
    const gone: number[] = [];
    for (let i = 0; i < 5; i++) gone.push(spawnSync('true').pid);
    failedOpens.length = 0;
    tree.scan();
    expect(gone.length).toBe(5);
    expect(failedOpens.filter((p) => gone.some((pid) => p.startsWith(`/proc/${pid}/`)))).toEqual([]);
    expect(tree.members.size).toBe(1);
  });
});
