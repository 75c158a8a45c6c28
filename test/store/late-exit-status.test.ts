import { describe, expect, it } from 'vitest';
import { openReader, openStore } from '../../src/store/index.js';
import { LifecycleKind } from '../../src/wire/index.js';
import { batch, kT0, lifecycle, runStarted, tempDir } from './helpers.js';

describe('a late exit status', () => {
  it('a second PROCESS_EXITED with the status fills in the first, adding no row', async () => {
    using tmp = tempDir();
    const store = await openStore({ path: tmp.db });
    await store.write(batch([
      runStarted('a', kT0),
      lifecycle({ tsMs: kT0 + 10, runId: 'a', kind: LifecycleKind.PROCESS_STARTED, component: 'sh', pid: 10, ppid: 1, command: 'sh' }),
      lifecycle({ tsMs: kT0 + 20, runId: 'a', kind: LifecycleKind.PROCESS_STARTED, component: 'sh/x', pid: 11, ppid: 10, command: 'x' }),
      // Seen gone by a tick before the waiter's news: no status yet.
      lifecycle({ tsMs: kT0 + 500, runId: 'a', kind: LifecycleKind.PROCESS_EXITED, component: 'sh', pid: 10, signal: '' }),
      lifecycle({ tsMs: kT0 + 500, runId: 'a', kind: LifecycleKind.PROCESS_EXITED, component: 'sh/x', pid: 11, signal: '' }),
    ]));
    await store.write(batch([
      lifecycle({ tsMs: kT0 + 500, runId: 'a', kind: LifecycleKind.PROCESS_EXITED, component: 'sh', pid: 10, exitCode: 3, signal: '' }),
    ]));
    await store.close();
    const r = openReader(tmp.db);
    try {
      expect(r.processes('a')).toEqual([
        expect.objectContaining({ pid: 10, exited_at_ms: kT0 + 500, exit_code: 3, signal: null }),
        expect.objectContaining({ pid: 11, exited_at_ms: kT0 + 500, exit_code: null, signal: null }),
      ]);
    } finally {
      r.close();
    }
  });
});
