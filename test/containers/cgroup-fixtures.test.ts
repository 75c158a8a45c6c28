import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContainerSampler, findCgroupPaths, parseBlkio, parseIoStat } from '../../src/containers/index.js';

// cgroup v1 and v2 read from fixture trees laid out as on a real host (v2:
// systemd driver, one unified mount; v1: cgroupfs driver, one mount per
// controller). Each test copies the tree into its own temp dir.

const kFixtures = fileURLToPath(new URL('../fixtures/containers/', import.meta.url));
const kId = '4f1c0a9b2e3d4c5b6a7980f1e2d3c4b5a69788f0e1d2c3b4a5968778695a4b3c';
const kHostMem = 8048128 * 1024;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'runbus-cgroup-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function tree(name: 'cgroup-v1' | 'cgroup-v2'): string {
  const root = join(dir, name);
  cpSync(join(kFixtures, name), root, { recursive: true });
  return root;
}

describe('cgroup v2 (fixture tree)', () => {
  it('finds the unified directory from /proc/<pid>/cgroup and the mount table', () => {
    const p = findCgroupPaths(`0::/system.slice/docker-${kId}.scope\n`, '30 22 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n');
    expect(p.version).toBe(2);
    expect(p.memory).toEqual({ dir: `/sys/fs/cgroup/system.slice/docker-${kId}.scope`, version: 2 });
  });

  it('reads cpu, memory as docker stats counts it, limit, pids and io; cpu % on the second reading', () => {
    const root = tree('cgroup-v2');
    const s = createContainerSampler({ procRoot: join(root, 'proc'), cgroupPrefix: root });
    const target = { id: kId, name: 'eval-1', image: 'busybox', pid: 4242 };
    const a = s.sample([target], 'run', 1_700_000_000_000);
    expect(a.unread).toEqual([]);
    const first = a.snapshots[0]!;
    expect(first.cpuPercent).toBeUndefined(); // absent on a first sample, never 0
    expect(first.cpuMs).toBe(2500);
    expect(first.memBytes).toBe(73400320 - 20971520); // memory.current − inactive_file
    expect(first.memLimitBytes).toBe(67108864);
    expect(first.pids).toBe(3);
    expect(first.ioReadBytes).toBe(1048576 + 2048);
    expect(first.ioWriteBytes).toBe(4096 + 8192);
    expect(first.source).toBe('cgroup');
    expect(first.errors ?? []).toEqual([]);
    // One more second of cpu time: some positive percentage.
    writeFileSync(join(root, `sys/fs/cgroup/system.slice/docker-${kId}.scope/cpu.stat`), 'usage_usec 3500000\n');
    const b = s.sample([target], 'run', 1_700_000_001_000).snapshots[0]!;
    expect(b.cpuPercent).toBeGreaterThan(0);
    expect(b.cpuMs).toBe(3500);
  });

  it('"max" as the limit reads as the host memory, like docker stats', () => {
    const root = tree('cgroup-v2');
    writeFileSync(join(root, `sys/fs/cgroup/system.slice/docker-${kId}.scope/memory.max`), 'max\n');
    const s = createContainerSampler({ procRoot: join(root, 'proc'), cgroupPrefix: root });
    expect(s.sample([{ id: kId, name: 'x', image: 'i', pid: 4242 }], 'run', 1_700_000_000_000).snapshots[0]!.memLimitBytes).toBe(kHostMem);
  });

  it('an unreadable figure is absent with its reason; the rest are read', () => {
    const root = tree('cgroup-v2');
    rmSync(join(root, `sys/fs/cgroup/system.slice/docker-${kId}.scope/pids.current`));
    const s = createContainerSampler({ procRoot: join(root, 'proc'), cgroupPrefix: root });
    const snap = s.sample([{ id: kId, name: 'x', image: 'i', pid: 4242 }], 'run', 1_700_000_000_000).snapshots[0]!;
    expect(snap.pids).toBeUndefined();
    expect(snap.errors).toContainEqual({ figure: 'pids', reason: 'pids.current: ENOENT' });
    expect(snap.memBytes).toBe(73400320 - 20971520);
  });

  it('a container whose cgroup is gone is reported unread, not as zeros', () => {
    const root = tree('cgroup-v2');
    rmSync(join(root, `sys/fs/cgroup/system.slice/docker-${kId}.scope`), { recursive: true });
    const s = createContainerSampler({ procRoot: join(root, 'proc'), cgroupPrefix: root });
    const r = s.sample([{ id: kId, name: 'x', image: 'i', pid: 4242 }], 'run', 1_700_000_000_000);
    expect(r.snapshots).toEqual([]);
    expect(r.unread).toEqual([kId]);
  });

  it('a pid without /proc/<pid>/cgroup is reported unread', () => {
    const root = tree('cgroup-v2');
    const s = createContainerSampler({ procRoot: join(root, 'proc'), cgroupPrefix: root });
    expect(s.sample([{ id: kId, name: 'x', image: 'i', pid: 999999 }], 'run', 1_700_000_000_000).unread).toEqual([kId]);
  });

  it('io.stat sums bytes over devices', () => {
    expect(parseIoStat('8:0 rbytes=5 wbytes=7 rios=1\n8:16 rbytes=1 wbytes=1\n')).toEqual({ read: 6, write: 8 });
  });
});

describe('cgroup v1 (fixture tree, the cgroupfs layout)', () => {
  it('reads each figure from its own controller; no limit reads as host memory', () => {
    const root = tree('cgroup-v1');
    const s = createContainerSampler({ procRoot: join(root, 'proc'), cgroupPrefix: root });
    const snap = s.sample([{ id: kId, name: 'eval-2', image: 'busybox', pid: 4343 }], 'run', 1_700_000_000_000).snapshots[0]!;
    expect(snap.cpuMs).toBe(1500);
    expect(snap.memBytes).toBe(10485760 - 3145728); // usage − total_inactive_file
    expect(snap.memLimitBytes).toBe(kHostMem);
    expect(snap.pids).toBe(2);
    expect(snap.ioReadBytes).toBe(8192);
    expect(snap.ioWriteBytes).toBe(4096);
  });

  it('maps a path through a mount whose root is not /', () => {
    const p = findCgroupPaths('4:memory:/docker/abc\n', '32 22 0:28 /docker /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n');
    expect(p.memory).toEqual({ dir: '/sys/fs/cgroup/memory/abc', version: 1 });
  });

  it('blkio lines sum Read and Write, not Total', () => {
    expect(parseBlkio('8:0 Read 1\n8:0 Write 2\n8:0 Total 3\nTotal 3\n')).toEqual({ read: 1, write: 2 });
  });
});
