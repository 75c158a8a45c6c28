// snapshot(): host + one process tree, one shot, no hub.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { snapshot } from '../../src/index.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const kids: ChildProcess[] = [];
afterEach(() => {
  for (const k of kids.splice(0)) k.kill('SIGKILL');
});

function start(file: string, args: string[] = []): Promise<{ child: ChildProcess; msg: Record<string, number> }> {
  const child = fork(join(fixtures, 'samplers', file), args, { stdio: 'ignore' });
  kids.push(child);
  return new Promise((resolve, reject) => {
    child.once('message', (msg) => { resolve({ child, msg: msg as Record<string, number> }); });
    child.once('error', reject);
  });
}

describe('snapshot()', () => {
  it('reads this process and the host: cpu over the window, memory, threads', async () => {
    const s = await snapshot({ tree: false, gpu: false });
    expect(s.processes).toHaveLength(1);
    const me = s.processes[0]!;
    expect(me.pid).toBe(process.pid);
    expect(me.component).toBe('app');
    expect(me.cpuPercent).toBeTypeOf('number');
    expect(me.rssBytes).toBeGreaterThan(10 * 2 ** 20);
    expect(me.threads).toBeGreaterThanOrEqual(1);
    expect(s.host?.memPercent).toBeGreaterThan(0);
    expect(s.host?.cpuPercent).toBeTypeOf('number');
    expect(s.host?.disks?.[0]?.mount).toBe('/');
  });

  it('a tree: the root first, its child and grandchild; a busy process reads busy, a sleeping one idle', async () => {
    const { child, msg } = await start('spawn-tree.cjs');
    const burn = await start('burn.cjs', ['20000']);
    const tree = await snapshot({ pid: child.pid!, component: 'worker', host: false, gpu: false });
    expect(tree.host).toBeUndefined();
    expect(tree.processes.map((p) => p.pid)).toEqual([msg.child, msg.grandchild]);
    expect(tree.processes.every((p) => p.component === 'worker')).toBe(true);
    expect(tree.processes[1]!.cpuPercent).toBeLessThan(5);
    const busy = await snapshot({ pid: burn.child.pid!, tree: false, host: false, gpu: false, cpuWindowMs: 500 });
    // Up to one core; on a loaded two-core machine it gets a share of one.
    expect(busy.processes[0]!.cpuPercent).toBeGreaterThan(10);
    expect(busy.processes[0]!.cpuPercent).toBeLessThan(130);
  });

  it('cpuWindowMs 0: one reading, cpu absent, never 0', async () => {
    const s = await snapshot({ cpuWindowMs: 0, host: false, tree: false, gpu: false });
    expect(s.processes[0]!.cpuPercent).toBeUndefined();
    expect(s.processes[0]!.rssBytes).toBeGreaterThan(0);
  });

  it('GPU memory per process from nvidia-smi', async () => {
    process.env.FAKE_NVSMI_APP_PID = String(process.pid);
    try {
      const s = await snapshot({ tree: false, host: false, cpuWindowMs: 0, gpu: true, gpuCommand: join(fixtures, 'samplers', 'nvidia-smi') });
      expect(s.processes[0]!.gpuMemBytes).toBeGreaterThan(0);
      await expect(snapshot({ gpu: true, gpuCommand: join(fixtures, 'no-such-nvidia-smi'), cpuWindowMs: 0 })).rejects.toThrow(/did not answer/);
      const auto = await snapshot({ gpuCommand: join(fixtures, 'no-such-nvidia-smi'), cpuWindowMs: 0, host: false, tree: false });
      expect(auto.processes[0]!.gpuMemBytes).toBeUndefined();
    } finally {
      delete process.env.FAKE_NVSMI_APP_PID;
    }
  });

  it('a pid that does not exist: no processes; bad options name themselves', async () => {
    expect((await snapshot({ pid: 2 ** 22 + 12345, host: false, gpu: false })).processes).toEqual([]);
    await expect(snapshot({ cpuWindow: 5 } as never)).rejects.toThrow('snapshot: unknown option "cpuWindow" (did you mean "cpuWindowMs"?)');
    await expect(snapshot({ pid: 0 })).rejects.toThrow(RangeError);
    await expect(snapshot({ tree: 'yes' } as never)).rejects.toThrow('options.tree must be a boolean');
  });
});
