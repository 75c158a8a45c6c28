import { describe, expect, it } from 'vitest';
import { openReader, openStore } from '../../src/store/index.js';
import { AlertState, LifecycleKind } from '../../src/wire/index.js';
import { alert, batch, kT0, lifecycle, runEnded, runStarted, tempDir } from './helpers.js';

describe('alerts and lifecycle rows', () => {
  it('RESOLVED closes the matching FIRING row only; a repeated FIRING does not duplicate it', async () => {
    using tmp = tempDir();
    const store = await openStore({ path: tmp.db });
    await store.write(batch([
      alert('r', 'rss_high', AlertState.FIRING, kT0, kT0, 'trainer'),
      alert('r', 'rss_high', AlertState.FIRING, kT0, kT0 + 1000, 'trainer'), // re-sent
      alert('r', 'rss_high', AlertState.FIRING, kT0 + 5, kT0 + 5, 'worker'),
      alert('r', 'lag_high', AlertState.FIRING, kT0, kT0, 'trainer'),
    ]));
    await store.write(batch([alert('r', 'rss_high', AlertState.RESOLVED, kT0, kT0 + 60_000, 'trainer')]));
    // A resolution whose firing row never arrived is kept as a resolved row.
    await store.write(batch([alert('r', 'orphan', AlertState.RESOLVED, kT0 - 10, kT0 + 70_000)]));
    await store.close();
    const r = openReader(tmp.db);
    const rows = r.alerts({ runId: 'r' }).map((a) => [a.rule, a.component, a.state, a.fired_at_ms - kT0, a.resolved_at_ms === null ? null : a.resolved_at_ms - kT0]);
    expect(rows).toEqual([
      ['orphan', '', 'resolved', -10, 70_000],
      ['lag_high', 'trainer', 'firing', 0, null],
      ['rss_high', 'trainer', 'resolved', 0, 60_000],
      ['rss_high', 'worker', 'firing', 5, null],
    ]);
    expect(r.alerts()).toHaveLength(4);
    r.close();
  });

  it('runs get start/end from RUN_STARTED/RUN_ENDED; processes from PROCESS_STARTED/EXITED', async () => {
    using tmp = tempDir();
    const store = await openStore({ path: tmp.db });
    await store.write(batch([
      runStarted('a', kT0, 'python train.py', 'gpu-box'),
      lifecycle({ tsMs: kT0 + 10, runId: 'a', kind: LifecycleKind.PROCESS_STARTED, component: 'trainer', pid: 10, ppid: 1, command: 'python' }),
      lifecycle({ tsMs: kT0 + 20, runId: 'a', kind: LifecycleKind.PROCESS_STARTED, component: 'loader', pid: 11, ppid: 10, command: 'python' }),
    ]));
    await store.write(batch([
      lifecycle({ tsMs: kT0 + 500, runId: 'a', kind: LifecycleKind.PROCESS_EXITED, component: 'loader', pid: 11, exitCode: undefined, signal: 'SIGKILL' }),
      lifecycle({ tsMs: kT0 + 900, runId: 'a', kind: LifecycleKind.PROCESS_EXITED, component: 'trainer', pid: 10, exitCode: 0 }),
      runEnded('a', kT0 + 1000, 0),
      runStarted('b', kT0 + 2000),
    ]));
    await store.close();
    const r = openReader(tmp.db);
    expect(r.run('a')).toMatchObject({ started_at_ms: kT0, ended_at_ms: kT0 + 1000, exit_code: 0, command: 'python train.py', host: 'gpu-box' });
    expect(r.run('b')).toMatchObject({ started_at_ms: kT0 + 2000, ended_at_ms: null });
    expect(r.lastRun()?.run_id).toBe('b');
    expect(r.runs().map((x) => x.run_id)).toEqual(['a', 'b']);
    expect(r.processes('a')).toEqual([
      expect.objectContaining({ component: 'trainer', pid: 10, ppid: 1, started_at_ms: kT0 + 10, exited_at_ms: kT0 + 900, exit_code: 0, signal: null }),
      expect.objectContaining({ component: 'loader', pid: 11, ppid: 10, started_at_ms: kT0 + 20, exited_at_ms: kT0 + 500, exit_code: null, signal: 'SIGKILL' }),
    ]);
    r.close();
  });
});
