import { spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { killAll, sleep, spawnChild } from './helpers.js';

// On a machine that starts processes all the time, most pids handed out
// between two scans have gone again, and probing each is a failed lookup.
// Past a few pids per member the tree reads its members' children files
// instead: these tests hand out many pids between two scans and count the
// lookups the scan makes.
const lookups: string[] = [];
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const existsSync = (p: Parameters<typeof fs.existsSync>[0]): boolean => {
    lookups.push(String(p));
    return fs.existsSync(p);
  };
  return { ...fs, default: { ...fs, existsSync }, existsSync };
});

const { createProcessTree } = await import('../../src/samplers/index.js');
const { ChildrenFiles } = await import('../../src/samplers/children-files.js');

const available = ChildrenFiles.available('/proc');
if (!available) process.stderr.write('tree-children.test.ts: this kernel has no /proc/<pid>/task/<tid>/children (CONFIG_PROC_CHILDREN): the children-file scans are not tested here\n');

/** Hands out `n` pids (processes that exit at once). */
function churn(n: number): void {
  for (let i = 0; i < n; i++) spawnSync('true');
}

/** The pids the scan probed (lookups of /proc/<pid> itself). */
function probed(): string[] {
  return lookups.filter((p) => /^\/proc\/\d+$/.test(p));
}

afterEach(() => {
  killAll();
});

describe.runIf(available)('process tree on a busy machine', () => {
  it('finds a child and a grandchild born between two scans from the children files, probing nothing', async () => {
    const tree = createProcessTree();
    tree.setRoots(new Map([[process.pid, 'me']]));
    tree.scan();
    const sh = spawnChild('sh', ['-c', 'sleep 30 & wait']);
    await sleep(200);
    churn(40);
    lookups.length = 0;
    tree.scan();
    expect(probed()).toEqual([]);
    const mine = [...tree.members.keys()].filter((p) => p !== process.pid);
    // The shell's sleep holds this process's stderr: it goes too.
    onTestFinished(() => {
      for (const pid of mine) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
    });
    expect(mine).toContain(sh.pid!);
    // The grandchild: the sleep the shell started.
    expect(mine).toHaveLength(2);
    for (const pid of mine) expect(tree.members.get(pid)).toEqual({ root: process.pid });
  });

  it('finds a process forked by another thread of a member', async () => {
    const tree = createProcessTree();
    tree.setRoots(new Map([[process.pid, 'me']]));
    tree.scan();
    // A worker thread's child_process forks from that thread: only its own
    // children file lists the child.
    const w = new Worker(
      `const { spawn } = require('node:child_process'); const { parentPort } = require('node:worker_threads');
       const c = spawn('sleep', ['30'], { stdio: 'ignore' }); parentPort.postMessage(c.pid);
       parentPort.on('message', () => { c.kill('SIGKILL'); process.exit(0); });`,
      { eval: true },
    );
    try {
      const pid = await new Promise<number>((r) => w.once('message', r));
      churn(40);
      lookups.length = 0;
      tree.scan();
      expect(probed()).toEqual([]);
      expect(tree.members.get(pid)).toEqual({ root: process.pid });
    } finally {
      w.postMessage('stop');
      await new Promise((r) => w.once('exit', r));
    }
  });
});
