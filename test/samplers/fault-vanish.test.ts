import { afterEach, describe, expect, it } from 'vitest';
import { createProcessSampler, createProcessTree } from '../../src/samplers/index.js';
import { killAll, spawnChild } from './helpers.js';

afterEach(killAll);

describe('faults: a pid that vanishes mid-sample', () => {
  it('never throws; each read is a snapshot or gone, and killed pids end gone', () => {
    const kids = Array.from({ length: 30 }, () => spawnChild('sleep', ['30']));
    const pids = kids.map((k) => k.pid!);
    const sampler = createProcessSampler({ smapsEveryTicks: 1 });
    const tree = createProcessTree();
    tree.setRoots(new Map(pids.map((p) => [p, 'k'])));
    let ok = 0;
    let gone = 0;
    // Kill one child between every two reads, so kills land between the
    // stat, status, io, fd and smaps reads of the sweep. A pid caught between
    // its death and its reaping reads as 'exiting' (rss and vms absent).
    for (let round = 0; round < 3; round++) {
      tree.scan();
      for (const [i, pid] of pids.entries()) {
        if (i % 2 === round % 2) kids[i]!.kill('SIGKILL');
        const r = sampler.sample(pid, 'k', 'run', Date.now());
        if (r.kind === 'ok') {
          ok++;
          for (const e of r.snapshot.errors ?? []) expect(['ENOENT', 'ESRCH', 'zombie', 'absent', 'exiting']).toContain(e.reason);
        } else {
          gone++;
          sampler.forget(pid);
          tree.remove(pid);
        }
      }
    }
    expect(ok + gone).toBe(90);
    expect(ok).toBeGreaterThan(0);
  });
});
