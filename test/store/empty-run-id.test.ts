import { describe, expect, it } from 'vitest';
import { openReader, openStore } from '../../src/store/index.js';
import { Topic } from '../../src/wire/index.js';
import { batch, kT0, runStarted, snap, tempDir } from './helpers.js';

describe('rows that name no run', () => {
  it('are stored under the empty run id, which is not listed as a run', async () => {
    using tmp = tempDir();
    const store = await openStore({ path: tmp.db });
    await store.write(batch([
      runStarted('real', kT0),
      snap({ runId: 'real', tsMs: kT0 }),
      { topic: Topic.HEARTBEAT, payload: { tsMs: kT0 + 5000, runId: '', component: 'hub', pid: 1, rowsWritten: 10 } },
      snap({ runId: '', tsMs: kT0 + 6000 }),
    ]));
    await store.close();
    const r = openReader(tmp.db);
    expect(r.runs().map((x) => x.run_id)).toEqual(['real']);
    expect(r.lastRun()?.run_id).toBe('real');
    expect(r.heartbeats({ runId: '' })).toHaveLength(1);
    expect(r.snapshots({ runId: '' })).toHaveLength(1);
    r.close();
  });
});
