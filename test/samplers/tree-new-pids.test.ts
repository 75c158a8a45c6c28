import { afterEach, describe, expect, it } from 'vitest';
import { createProcessTree } from '../../src/samplers/index.js';
import { killAll, spawnChild } from './helpers.js';

afterEach(() => {
  killAll();
});

describe('process tree between listings of /proc', () => {
  it('finds a child born after the first scan and takes no thread for a process', async () => {
    const tree = createProcessTree();
    tree.setRoots(new Map([[process.pid, 'me']]));
    tree.scan();
    // Threads born between two scans take ids from the pid counter, and a
    // thread's status names its process's parent: node starts several.
    const child = spawnChild(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    await new Promise((r) => setTimeout(r, 300));
    tree.scan();
    expect(tree.members.get(child.pid!)).toEqual({ root: process.pid });
    expect([...tree.members.keys()].sort((a, b) => a - b)).toEqual([process.pid, child.pid!].sort((a, b) => a - b));
  });
});
