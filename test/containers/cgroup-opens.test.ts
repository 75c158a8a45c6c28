// The cgroup reader's cost per tick is its opens: cpu, memory usage and
// pids every tick; the limit, memory.stat and block I/O one tick in
// `slowFilesEvery`, their figures kept in between.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContainerSampler } from '../../src/containers/index.js';
import type { ContainerSnapshot } from '../../src/wire/index.js';

const kFixtures = fileURLToPath(new URL('../fixtures/containers/', import.meta.url));
const kId = '4f1c0a9b2e3d4c5b6a7980f1e2d3c4b5a69788f0e1d2c3b4a5968778695a4b3c';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'runbus-cgroup-opens-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function setup(version: 'cgroup-v1' | 'cgroup-v2'): { root: string; opens: string[]; sample: (i: number) => ReturnType<ReturnType<typeof createContainerSampler>['sample']> } {
  const root = join(dir, version);
  cpSync(join(kFixtures, version), root, { recursive: true });
  const opens: string[] = [];
  const s = createContainerSampler({
    procRoot: join(root, 'proc'), cgroupPrefix: root, slowFilesEvery: 5,
    readFile: (p) => { opens.push(p.split('/').pop()!); return readFileSync(p, 'utf8'); },
  });
  const pid = version === 'cgroup-v1' ? 4343 : 4242;
  return { root, opens, sample: (i) => s.sample([{ id: kId, name: 'eval', image: 'busybox', pid }], 'run', 1_700_000_000_000 + i * 1000) };
}

describe('cgroup files opened per tick', () => {
  it('v1: three files a tick; the limit, memory.stat and blkio one tick in five, their figures carried', () => {
    const { root, opens, sample } = setup('cgroup-v1');
    const memDir = join(root, `sys/fs/cgroup/memory/docker/${kId}`);
    const perTick: string[][] = [];
    const snaps: ContainerSnapshot[] = [];
    for (let i = 0; i < 10; i++) {
      opens.length = 0;
      if (i === 2) writeFileSync(join(memDir, 'memory.limit_in_bytes'), '67108864\n');
      snaps.push(sample(i).snapshots[0]!);
      perTick.push([...opens].sort());
    }
    const fast = ['cpuacct.usage', 'memory.usage_in_bytes', 'pids.current'];
    const all = [...fast, 'blkio.throttle.io_service_bytes_recursive', 'memory.limit_in_bytes', 'memory.stat'].sort();
    expect(perTick[0]).toEqual(all);
    for (const i of [1, 2, 3, 4, 6, 7, 8, 9]) expect(perTick[i]).toEqual(fast);
    expect(perTick[5]).toEqual(all);
    // Between reads, the last figures stand; the new limit shows from the next read on.
    for (const x of snaps) {
      expect(x.memBytes).toBe(10485760 - 3145728);
      expect(x.ioReadBytes).toBe(8192);
    }
    expect(snaps.slice(0, 5).map((x) => x.memLimitBytes)).toEqual(Array.from({ length: 5 }, () => snaps[0]!.memLimitBytes));
    expect(snaps.slice(5).map((x) => x.memLimitBytes)).toEqual(Array.from({ length: 5 }, () => 67108864));
  });

  it('v2: cpu.stat, memory.current and pids.current a tick; memory.stat, memory.max and io.stat one tick in five', () => {
    const { opens, sample } = setup('cgroup-v2');
    const counts = new Map<string, number>();
    for (let i = 0; i < 10; i++) sample(i);
    for (const f of opens) counts.set(f, (counts.get(f) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({
      'cpu.stat': 10, 'memory.current': 10, 'pids.current': 10, 'memory.stat': 2, 'memory.max': 2, 'io.stat': 2,
      // /proc/<pid>/cgroup is not read through readFile: only cgroup files are counted.
    });
  });

  it('a container found again after its cgroup went away reads every file at once', () => {
    const { root, opens, sample } = setup('cgroup-v2');
    const scope = join(root, `sys/fs/cgroup/system.slice/docker-${kId}.scope`);
    const saved = join(dir, 'saved');
    sample(0);
    sample(1);
    cpSync(scope, saved, { recursive: true });
    rmSync(scope, { recursive: true });
    expect(sample(2).unread).toEqual([kId]);
    cpSync(saved, scope, { recursive: true });
    opens.length = 0;
    const snap = sample(3).snapshots[0]!;
    expect(opens.sort()).toEqual(['cpu.stat', 'io.stat', 'memory.current', 'memory.max', 'memory.stat', 'pids.current']);
    expect(snap.memLimitBytes).toBe(67108864);
  });
});
