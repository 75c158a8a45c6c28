import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readVmHwm } from '../../src/cli/hwm.js';
import { findOrphans, kMarkerEnv, readProcStat } from '../../src/cli/orphans.js';
import { useTmpDir } from '../support/tmp.js';

const tmp = useTmpDir();

/** A fake /proc/<pid> with stat (start time `start`), environ and status. */
function fakePid(root: string, pid: number, comm: string, o: { state?: string; ppid?: number; start: number; env?: string[]; hwmKb?: number }): void {
  const dir = join(root, String(pid));
  mkdirSync(dir, { recursive: true });
  // Fields 3..22: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime priority nice threads itrealvalue starttime
  const rest = [o.state ?? 'S', o.ppid ?? 1, pid, pid, 0, -1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 20, 0, 1, 0, o.start, 1000, 100];
  writeFileSync(join(dir, 'stat'), `${pid} (${comm}) ${rest.join(' ')}\n`);
  writeFileSync(join(dir, 'environ'), (o.env ?? ['PATH=/bin']).map((e) => `${e}\0`).join(''));
  writeFileSync(join(dir, 'status'), `Name:\t${comm}\nVmHWM:\t  ${o.hwmKb ?? 1000} kB\nVmRSS:\t 900 kB\n`);
}

describe('reading /proc for orphans', () => {
  it('parses a comm with spaces and parentheses', () => {
    const root = tmp();
    fakePid(root, 42, 'my (weird) proc', { start: 777, ppid: 7 });
    expect(readProcStat(42, root)).toEqual({ pid: 42, comm: 'my (weird) proc', state: 'S', ppid: 7, startTicks: 777 });
    expect(readProcStat(43, root)).toBeUndefined();
    expect(readVmHwm(42, root)).toBe(1000 * 1024);
  });

  it('finds marked and seen processes; skips zombies, older processes, the excluded and the unmarked', () => {
    const root = tmp();
    const mark = `${kMarkerEnv}=run-1/99`;
    fakePid(root, 10, 'marked', { start: 500, env: ['A=1', mark] });
    fakePid(root, 11, 'marked-zombie', { start: 500, env: [mark], state: 'Z' });
    fakePid(root, 12, 'seen', { start: 600 });
    fakePid(root, 13, 'seen-but-older', { start: 100 });
    fakePid(root, 14, 'stranger', { start: 700 });
    fakePid(root, 15, 'other-run', { start: 700, env: [`${kMarkerEnv}=run-1/990`] });
    fakePid(root, 99, 'runbus', { start: 400, env: [mark] });
    const found = findOrphans({ marker: 'run-1/99', seen: [12, 13], exclude: new Set([99]), notBeforeTicks: 400, procRoot: root });
    expect(found.map((p) => p.comm)).toEqual(['marked', 'seen']);
  });
});
