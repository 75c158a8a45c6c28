// Issue 15 item 9: a process caught while exiting — past exit_mm() in
// do_exit(), not yet a zombie — has no address space; /proc/<pid>/stat then
// says vsize 0 and rss 0 and status has no Vm* lines. runbus stored those as
// rss_bytes = 0 and vms_bytes = 0. They are absent with reason "exiting".
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createProcessSampler } from '../../src/samplers/index.js';
import { tempDir } from '../samplers/helpers.js';
import { waitFor } from '../support/tmp.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A `sleep` child once it has exec'd and sleeps (mid-exec, stat shows rss 0 for a moment). */
async function sleeper(): Promise<number> {
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  cleanups.push(() => child.kill('SIGKILL'));
  const pid = child.pid!;
  await waitFor(() => / S /.test(readFileSync(`/proc/${pid}/stat`, 'latin1')) && readFileSync(`/proc/${pid}/comm`, 'latin1') === 'sleep\n');
  return pid;
}

/**
 * A procfs holding a real process's files as the kernel shows them while it
 * exits: state R, vsize and rss 0, no Vm* lines in status.
 */
async function exitingProc(): Promise<{ root: string; pid: number }> {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  const real = `/proc/${await sleeper()}`;
  const stat = readFileSync(`${real}/stat`, 'latin1');
  const close = stat.lastIndexOf(')');
  // Fields after ")" start at field 3 (state); vsize is field 23, rss 24.
  const rest = stat.slice(close + 2).trimEnd().split(' ');
  rest[0] = 'R';
  rest[23 - 3] = '0';
  rest[24 - 3] = '0';
  const pid = 4343;
  const p = join(dir, String(pid));
  mkdirSync(join(p, 'fd'), { recursive: true });
  writeFileSync(join(p, 'stat'), `${pid} ${stat.slice(stat.indexOf('('), close + 1)} ${rest.join(' ')}\n`);
  const status = readFileSync(`${real}/status`, 'latin1').split('\n').filter((l) => !/^(Vm|Rss)/.test(l)).join('\n');
  writeFileSync(join(p, 'status'), status.replace(/^State:.*$/m, 'State:\tR (running)'));
  writeFileSync(join(p, 'io'), readFileSync('/proc/self/io'));
  writeFileSync(join(p, 'smaps_rollup'), '');
  cpSync('/proc/meminfo', join(dir, 'meminfo'));
  return { root: dir, pid };
}

describe('a process caught while exiting', () => {
  it('has rss_bytes and vms_bytes absent with reason "exiting", not 0', async () => {
    const { root, pid } = await exitingProc();
    const s = createProcessSampler({ procRoot: root });
    const r = s.sample(pid, 'w', 'run', Date.now());
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.snapshot.state).toBe('R');
    expect(r.snapshot.rssBytes).toBeUndefined();
    expect(r.snapshot.vmsBytes).toBeUndefined();
    expect(r.snapshot.errors).toContainEqual({ figure: 'rss_bytes', reason: 'exiting' });
    expect(r.snapshot.errors).toContainEqual({ figure: 'vms_bytes', reason: 'exiting' });
    // What could still be read is kept.
    expect(r.snapshot.threads).toBeGreaterThan(0);
    expect(r.snapshot.cpuUserMs).toBeGreaterThanOrEqual(0);
  });

  it('a live process still reports both figures', async () => {
    const r = createProcessSampler().sample(await sleeper(), 'w', 'run', Date.now());
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.snapshot.rssBytes).toBeGreaterThan(0);
    expect(r.snapshot.vmsBytes).toBeGreaterThan(0);
  });
});
