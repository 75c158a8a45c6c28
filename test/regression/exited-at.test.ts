// processes.exited_at_ms stayed NULL for the processes of a finished run (the
// command and its children) though `runs` had the exit code: the hub closed
// before a tick could see them gone. runbus run now takes one last look.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openReader } from '../../src/store/index.js';
import { useTmpDir } from '../support/tmp.js';
import { cleanEnv, runCli } from '../cli/cli-helper.js';

const tmp = useTmpDir();

describe('runbus run records how the processes of the run ended', () => {
  it('the command and its child have exited_at_ms; the command has its exit code', async () => {
    const dir = tmp();
    const db = join(dir, 'r.db');
    // sh runs a child (sleep) long enough for a tick to see it, then exits 3.
    const r = await runCli(['run', '--quiet', '--no-gpu', '--interval', '50', '--db', db, '--', 'sh', '-c', 'sleep 1 & wait; exit 3'], { cwd: dir, env: cleanEnv() });
    expect(r.code, r.stderr).toBe(3);
    const reader = openReader(db);
    try {
      const run = reader.runs()[0]!;
      expect(run.exit_code).toBe(3);
      const procs = reader.processes(run.run_id);
      expect(procs.map((p) => p.command).join(' ')).toMatch(/sleep/);
      const sh = procs.find((p) => p.component === 'sh');
      expect(sh?.exit_code).toBe(3);
      for (const p of procs) expect(p.exited_at_ms, `${p.pid} ${p.command ?? ''}`).not.toBeNull();
    } finally {
      reader.close();
    }
  });
});
