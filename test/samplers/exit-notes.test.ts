import { describe, expect, it } from 'vitest';
import { ExitNotes } from '../../src/samplers/exit-notes.js';
import type { LifecyclePayload } from '../../src/samplers/worker.js';
import { LifecycleKind } from '../../src/wire/index.js';

const exited = (pid: number): LifecyclePayload => ({ tsMs: 5, runId: 'r', kind: LifecycleKind.PROCESS_EXITED, pid, ppid: 1, command: 'sh', component: 'sh', signal: '' });
const waited = (pid: number) => pid === 10;

describe('exit notes: the waiter and the tick, in either order', () => {
  it('note first: the PROCESS_EXITED carries the status', () => {
    const n = new ExitNotes();
    expect(n.note(10, { code: 3, signal: null })).toBeUndefined();
    const p = exited(10);
    n.fill(p, waited);
    expect(p).toMatchObject({ exitCode: 3, signal: '' });
  });

  it('exit first: note() returns a late PROCESS_EXITED with the status, once', () => {
    const n = new ExitNotes();
    const p = exited(10);
    n.fill(p, waited);
    expect(p.exitCode).toBeUndefined();
    expect(n.note(10, { code: null, signal: 'SIGTERM' })).toMatchObject({ kind: LifecycleKind.PROCESS_EXITED, pid: 10, tsMs: 5, component: 'sh', signal: 'SIGTERM' });
    expect(n.note(10, { code: 0, signal: null })).toBeUndefined();
  });

  it('an exit nobody waits for, or one that already has a status, is not kept', () => {
    const n = new ExitNotes();
    n.fill(exited(11), waited);
    expect(n.note(11, { code: 1, signal: null })).toBeUndefined();
    n.fill({ ...exited(10), exitCode: 2 }, waited);
    expect(n.note(10, { code: 1, signal: null })).toBeUndefined();
  });
});
