import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProcessSampler } from '../../src/samplers/index.js';
import { tempDir } from './helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A fake procfs holding a copy of this process's files, with smaps_rollup unreadable. */
function fakeProc(): { root: string; pid: number } {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  const pid = 4242;
  const p = join(dir, String(pid));
  mkdirSync(join(p, 'fd'), { recursive: true });
  for (const f of ['stat', 'status', 'io']) writeFileSync(join(p, f), readFileSync(`/proc/self/${f}`));
  for (const n of ['0', '1', '2']) writeFileSync(join(p, 'fd', n), '');
  // A directory where the file should be: the read fails (EISDIR), as an
  // unreadable smaps_rollup would.
  mkdirSync(join(p, 'smaps_rollup'));
  cpSync('/proc/meminfo', join(dir, 'meminfo'));
  return { root: dir, pid };
}

describe('faults: an unreadable smaps_rollup', () => {
  it('leaves uss/pss absent with the reason, and every other figure present', () => {
    const { root, pid } = fakeProc();
    const s = createProcessSampler({ procRoot: root, smapsEveryTicks: 1 });
    const r = s.sample(pid, 'fake', 'run', Date.now());
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.snapshot.ussBytes).toBeUndefined();
    expect(r.snapshot.pssBytes).toBeUndefined();
    expect(r.snapshot.errors).toEqual([
      { figure: 'uss_bytes', reason: 'EISDIR' },
      { figure: 'pss_bytes', reason: 'EISDIR' },
    ]);
    expect(r.snapshot.rssBytes).toBeGreaterThan(0);
    expect(r.snapshot.openFds).toBe(3);
    expect(r.snapshot.ioReadBytes).toBeGreaterThanOrEqual(0);
  });
});
