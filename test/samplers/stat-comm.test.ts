import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHostSampler, createProcessSampler } from '../../src/samplers/index.js';
import { ProcFiles, newStatFields, parseStat } from '../../src/samplers/proc-files.js';
import { tempDir } from './helpers.js';

// The sampler keeps a process's command string while its stat bytes say the
// same; these check that a kept string is never a stale or wrong one.

/** A /proc/<pid>/stat line: fields 4 (ppid) to 52 (exit code) after "pid (comm) state". */
function statLine(pid: number, comm: string, state = 'S', utime = 7): string {
  const rest = Array.from({ length: 49 }, (_, i) => {
    const field = i + 4;
    if (field === 4) return '1';
    if (field === 14) return String(utime);
    if (field === 15) return '3';
    if (field === 20) return '2';
    if (field === 22) return '12345';
    if (field === 23) return '8192000';
    if (field === 24) return '300';
    return '0';
  });
  return `${pid} (${comm}) ${state} ${rest.join(' ')}\n`;
}

function parse(f: ProcFiles, text: string, prev?: string): ReturnType<typeof newStatFields> | null {
  const b = Buffer.from(text, 'latin1');
  b.copy(f.buf);
  f.len = b.length;
  const out = newStatFields();
  return parseStat(f, out, prev) ? out : null;
}

describe('stat comm', () => {
  const odd = ['a) (b c', ') S 1 2 (', 'x y', '((', 'sleep', 'é ü', 'a)'];

  it('reads comms with spaces and parentheses, with or without the previous one given', () => {
    const f = new ProcFiles();
    for (const comm of odd) {
      for (const prev of [undefined, '', comm, `${comm}x`, comm.slice(1), 'zzzz'.slice(0, comm.length)]) {
        const st = parse(f, statLine(42, comm), prev);
        expect(st, `${comm} / ${prev}`).not.toBeNull();
        expect(st!.comm).toBe(Buffer.from(comm, 'latin1').toString('latin1'));
        expect(st!.state).toBe('S');
        expect(st!.ppid).toBe(1);
        expect(st!.utimeTicks).toBe(7);
        expect(st!.vsizeBytes).toBe(8192000);
      }
    }
  });

  it('gives the new command after an exec renames a process, the same length or not', () => {
    const { dir, cleanup } = tempDir();
    try {
      mkdirSync(join(dir, '42', 'fd'), { recursive: true });
      const proc = createProcessSampler({ procRoot: dir, smapsEveryTicks: 0, statusEveryTicks: 0, maxOpenPids: 0 });
      const seen: string[] = [];
      for (const comm of ['a) (b c', 'a) (b c', 'a) (b d', 'a) (b d', 'sh', 'node (x)', 'node (x)']) {
        writeFileSync(join(dir, '42', 'stat'), statLine(42, comm));
        const r = proc.sample(42, 'app', 'run', Date.now());
        expect(r.kind).toBe('ok');
        if (r.kind !== 'ok') return;
        expect(r.snapshot.command).toBe(comm);
        expect(r.stat.comm).toBe(comm);
        seen.push(r.snapshot.command!);
      }
      expect(seen).toEqual(['a) (b c', 'a) (b c', 'a) (b d', 'a) (b d', 'sh', 'node (x)', 'node (x)']);
    } finally {
      cleanup();
    }
  });
});

describe('host cpu from a fixture /proc/stat', () => {
  function cpuAfter(dir: string, first: string, second: string): { percent: number | null | undefined; errors: unknown } {
    const h = createHostSampler({ procRoot: dir, disks: [] });
    writeFileSync(join(dir, 'stat'), first);
    h.sample('run', 1);
    writeFileSync(join(dir, 'stat'), second);
    const s = h.sample('run', 2);
    return { percent: s.cpuPercent, errors: s.errors };
  }

  it('counts idle and iowait as idle, and every other field up to steal as busy', () => {
    const { dir, cleanup } = tempDir();
    try {
      // user nice system idle iowait irq softirq steal guest guest_nice
      const r = cpuAfter(dir, 'cpu  100 0 0 100 0 0 0 0 50 50\ncpu0 1\n', 'cpu  130 5 5 150 40 10 0 10 90 90\ncpu0 1\n');
      // busy +60 (30 user, 5 nice, 5 system, 10 irq, 10 steal), idle +90 (50 idle, 40 iowait).
      expect(r.percent).toBeCloseTo(40, 10);
      expect(r.errors).toEqual([]);
    } finally {
      cleanup();
    }
  });

  it('reports a /proc/stat that is not a cpu line, or has under four times, as malformed', () => {
    const { dir, cleanup } = tempDir();
    try {
      for (const bad of ['cpu0 1 2 3 4\n', 'cpu  1 2 3\n', 'cp', 'intr 1 2 3 4 5\n']) {
        const r = cpuAfter(dir, bad, bad);
        expect(r.percent ?? undefined, bad).toBeUndefined();
        expect(r.errors, bad).toContainEqual({ figure: 'cpu_percent', reason: 'malformed' });
      }
    } finally {
      cleanup();
    }
  });
});
