import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../support/tmp.js';
import { runCli } from './cli-helper.js';

const tmp = useTmpDir();

function runsOf(db: string): { exit_code: number | null; signal: string | null; command: string; ended_at_ms: number | null }[] {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare('select exit_code, signal, command, ended_at_ms from runs').all() as never;
  } finally {
    d.close();
  }
}

describe('runbus run: exit status passthrough and bad input', () => {
  it('passes exit codes 0 and 3 through and records them', async () => {
    const dir = tmp();
    for (const code of [0, 3]) {
      const r = await runCli(['run', '-q', '--interval', '50', '--', process.execPath, '-e', `process.exit(${code})`], { cwd: dir });
      expect(r.code).toBe(code);
      expect(r.stdout).toBe('');
    }
    const runs = runsOf(join(dir, 'runbus.db'));
    expect(runs.map((r) => r.exit_code)).toEqual([0, 3]);
    expect(runs.every((r) => r.ended_at_ms !== null)).toBe(true);
  });

  it('a command killed by a signal: 128 + its number, the signal recorded', async () => {
    const dir = tmp();
    const r = await runCli(['run', '-q', '--', 'sh', '-c', 'kill -KILL $$'], { cwd: dir });
    expect(r.code).toBe(128 + 9);
    const r2 = await runCli(['run', '-q', '--', process.execPath, '-e', "process.kill(process.pid, 'SIGTERM')"], { cwd: dir });
    expect(r2.code).toBe(128 + 15);
    const runs = runsOf(join(dir, 'runbus.db'));
    expect(runs.map((x) => x.signal)).toEqual(['SIGKILL', 'SIGTERM']);
    expect(runs.map((x) => x.exit_code)).toEqual([null, null]);
  });

  it('the command keeps stdout to itself; the summary goes to stderr', async () => {
    const dir = tmp();
    const r = await runCli(['run', '--', 'sh', '-c', 'echo hello'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('hello\n');
    expect(r.stderr).toContain('status     exit 0');
  });

  it('a command that does not exist: exit 127, a message, nothing written', async () => {
    const dir = tmp();
    for (const cmd of ['no-such-command-runbus-test', './missing.sh']) {
      const r = await runCli(['run', '--', cmd, 'arg'], { cwd: dir });
      expect(r.code, cmd).toBe(127);
      expect(r.stderr).toMatch(/command not found|no such file/);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a file that is not executable: exit 126, nothing written', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'script.sh'), 'echo hi\n', { mode: 0o644 });
    const r = await runCli(['run', '--', './script.sh'], { cwd: dir });
    expect(r.code).toBe(126);
    expect(r.stderr).toContain('cannot be executed');
    expect(readdirSync(dir)).toEqual(['script.sh']);
  });

  it('an unwritable database: a clear error before the command starts', async () => {
    const dir = tmp();
    const marker = join(dir, 'ran');
    const r = await runCli(['run', '--db', '/proc/x/runbus.db', '--', 'touch', marker], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the database cannot be used, so the command was not started');
    expect(r.stderr).toContain('/proc/x/runbus.db');
    expect(existsSync(marker)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an unwritable JSON log: an error before anything starts, no database', async () => {
    const dir = tmp();
    const marker = join(dir, 'ran');
    const r = await runCli(['run', '--log-json', join(dir, 'no', 'such', 'dir', 'log.jsonl'), '--', 'touch', marker], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('JSON log');
    expect(existsSync(marker)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
