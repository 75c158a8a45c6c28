import { afterEach, describe, expect, it } from 'vitest';
import { createProcessTree, createSampler } from '../../src/samplers/index.js';
import { LifecycleKind } from '../../src/wire/index.js';
import type { Sampler } from '../../src/samplers/index.js';
import { forkFixture, killAll, nextMessage, recordingBus, waitFor } from './helpers.js';

let sampler: Sampler | null = null;
afterEach(async () => {
  killAll();
  await sampler?.close();
  sampler = null;
});

describe('process tree', () => {
  it('finds a child of a child and tags it <root component>/<command>', async () => {
    const child = forkFixture('spawn-tree.cjs');
    const { grandchild } = await nextMessage<{ child: number; grandchild: number }>(child);
    const rec = recordingBus();
    sampler = createSampler({ bus: rec.bus, runId: 'r', gpu: false, host: false, roots: [{ pid: child.pid!, component: 'trainer' }] });
    await sampler.tickNow();
    const snap = await waitFor(() => rec.resource.find((r) => r.pid === grandchild));
    expect(snap.component).toBe('trainer/sleep');
    expect(snap.ppid).toBe(child.pid);
    process.kill(grandchild, 'SIGKILL');
  });

  it('finds a root again as a descendant of another root once it is untracked', async () => {
    const child = forkFixture('spawn-tree.cjs');
    const { grandchild } = await nextMessage<{ child: number; grandchild: number }>(child);
    const tree = createProcessTree();
    tree.setRoots(new Map([[child.pid!, 'trainer'], [grandchild, 'named']]));
    tree.scan();
    expect(tree.members.get(grandchild)).toEqual({ root: grandchild });
    // The grandchild leaves (a client that closed its bus): it is still the trainer's.
    tree.setRoots(new Map([[child.pid!, 'trainer']]));
    tree.scan();
    expect(tree.members.get(grandchild)).toEqual({ root: child.pid });
    process.kill(grandchild, 'SIGKILL');
  });

  it('keeps the name a process had as a root after it is untracked, and says when it is renamed', async () => {
    const child = forkFixture('spawn-tree.cjs');
    const { grandchild } = await nextMessage<{ child: number; grandchild: number }>(child);
    const rec = recordingBus();
    sampler = createSampler({ bus: rec.bus, runId: 'r', gpu: false, host: false, roots: [{ pid: child.pid!, component: 'trainer' }] });
    await sampler.tickNow();
    expect(rec.resource.filter((r) => r.pid === grandchild).at(-1)?.component).toBe('trainer/sleep');
    sampler.track(grandchild, 'named');
    await sampler.tickNow();
    sampler.untrack(grandchild);
    await sampler.tickNow();
    await sampler.tickNow();
    const names = rec.resource.filter((r) => r.pid === grandchild).map((r) => r.component);
    expect(names).toEqual(['trainer/sleep', 'named', 'named', 'named']);
    const renames = rec.lifecycle.filter((l) => l.pid === grandchild && l.kind === LifecycleKind.PROCESS_RENAMED);
    expect(renames).toMatchObject([{ component: 'named', previousComponent: 'trainer/sleep' }]);
    process.kill(grandchild, 'SIGKILL');
  });
});
