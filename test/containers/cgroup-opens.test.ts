// The cgroup reader's cost per tick is its file operations: each file is
// opened once and kept (a read is one pread); cpu, memory usage and pids
// are read every tick, the limit, memory.stat and block I/O one tick in
// `slowFilesEvery`, their figures kept in between.
import { cpSync, mkdtempSync, openSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
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
    open: (p: string) => { opens.push(p.split('/').pop()!); return openSync(p, 'r'); },
  });
  const pid = version === 'cgroup-v1' ? 4343 : 4242;
  return { root, opens, sample: (i) => s.sample([{ id: kId, name: 'eval', image: 'busybox', pid }], 'run', 1_700_000_000_000 + i * 1000) };
}

describe('cgroup files opened per tick', () => {
  it('v1: every file opened once, on the first tick; the limit, memory.stat and blkio read one tick in five, their figures carried', () => {
    const { root, opens, sample } = setup('cgroup-v1');
    const memDir = join(root, `sys/fs/cgroup/memory/docker/${kId}`);
    const cpuFile = join(root, `sys/fs/cgroup/cpuacct/docker/${kId}/cpuacct.usage`);
    const perTick: string[][] = [];
    const snaps: ContainerSnapshot[] = [];
    for (let i = 0; i < 10; i++) {
      opens.length = 0;
      // Rewritten in place (same inode), as the kernel renders it anew at each read.
      if (i === 2) writeFileSync(join(memDir, 'memory.limit_in_bytes'), '67108864\n');
      if (i === 3) writeFileSync(cpuFile, '2500000000\n');
      snaps.push(sample(i).snapshots[0]!);
      perTick.push([...opens].sort());
    }
    expect(perTick[0]).toEqual(['blkio.throttle.io_service_bytes_recursive', 'cpuacct.usage', 'memory.limit_in_bytes', 'memory.stat', 'memory.usage_in_bytes', 'pids.current']);
    for (let i = 1; i < 10; i++) expect(perTick[i]).toEqual([]);
    // The fast files are read every tick: the new cpu time shows at once.
    expect(snaps.map((x) => x.cpuMs)).toEqual([1500, 1500, 1500, 2500, 2500, 2500, 2500, 2500, 2500, 2500]);
    // Between reads, the slow figures stand; the new limit shows from the next read on (tick 5).
    for (const x of snaps) {
      expect(x.memBytes).toBe(10485760 - 3145728);
      expect(x.ioReadBytes).toBe(8192);
    }
    expect(snaps.slice(0, 5).map((x) => x.memLimitBytes)).toEqual(Array.from({ length: 5 }, () => snaps[0]!.memLimitBytes));
    expect(snaps.slice(5).map((x) => x.memLimitBytes)).toEqual(Array.from({ length: 5 }, () => 67108864));
  });

  it('v2: the slow files are read one tick in five (a changed limit shows at tick 5, not before)', () => {
    const { root, opens, sample } = setup('cgroup-v2');
    const scope = join(root, `sys/fs/cgroup/system.slice/docker-${kId}.scope`);
    const limits: (number | null | undefined)[] = [];
    for (let i = 0; i < 10; i++) {
      if (i === 1) writeFileSync(join(scope, 'memory.max'), '33554432\n');
      limits.push(sample(i).snapshots[0]!.memLimitBytes);
    }
    expect(limits).toEqual([67108864, 67108864, 67108864, 67108864, 67108864, 33554432, 33554432, 33554432, 33554432, 33554432]);
    expect([...opens].sort()).toEqual(['cpu.stat', 'io.stat', 'memory.current', 'memory.max', 'memory.stat', 'pids.current']);
  });

  it('a container that leaves the list has its descriptors closed; back, its files are opened and all read again', () => {
    const root = join(dir, 'cgroup-v2');
    cpSync(join(kFixtures, 'cgroup-v2'), root, { recursive: true });
    const opened: [fd: number, path: string][] = [];
    const s = createContainerSampler({
      procRoot: join(root, 'proc'), cgroupPrefix: root, slowFilesEvery: 5,
      open: (p: string) => { const fd = openSync(p, 'r'); opened.push([fd, p]); return fd; },
    });
    const target = { id: kId, name: 'eval', image: 'busybox', pid: 4242 };
    s.sample([target], 'run', 1_700_000_000_000);
    s.sample([target], 'run', 1_700_000_001_000);
    expect(opened).toHaveLength(6);
    s.sample([], 'run', 1_700_000_002_000);
    // Each descriptor is closed: gone, or reused for some other file.
    const stillOurs = (fd: number, path: string): boolean => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`) === path;
      } catch {
        return false;
      }
    };
    expect(opened.filter(([fd, path]) => stillOurs(fd, path))).toEqual([]);
    writeFileSync(join(root, `sys/fs/cgroup/system.slice/docker-${kId}.scope/memory.max`), '33554432\n');
    opened.length = 0;
    const snap = s.sample([target], 'run', 1_700_000_003_000).snapshots[0]!;
    expect(opened.map(([, p]) => p.split('/').pop()).sort()).toEqual(['cpu.stat', 'io.stat', 'memory.current', 'memory.max', 'memory.stat', 'pids.current']);
    expect(snap.memLimitBytes).toBe(33554432);
  });
});
