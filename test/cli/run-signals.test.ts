import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTmpDir, waitFor } from '../support/tmp.js';
import { kFixtures, startCli } from './cli-helper.js';

const tmp = useTmpDir();
const child = join(kFixtures, 'term-child.mjs');

describe('runbus run forwards SIGTERM to the command', () => {
  it('a command without a handler dies of it: exit 143, recorded', async () => {
    const dir = tmp();
    const { child: cli, done } = startCli(['run', '-q', '--interval', '50', '--', process.execPath, child, dir, 'default'], { cwd: dir });
    await waitFor(() => existsSync(join(dir, 'ready')), 15_000, 'the command to start');
    cli.kill('SIGTERM');
    const r = await done;
    expect(r.code).toBe(143);
    const d = new Database(join(dir, 'runbus.db'), { readonly: true });
    const run = d.prepare('select exit_code, signal, ended_at_ms from runs').get() as { exit_code: number | null; signal: string; ended_at_ms: number };
    d.close();
    expect(run.signal).toBe('SIGTERM');
    expect(run.ended_at_ms).toBeGreaterThan(0);
  });

  it('a command that handles it: its handler runs, its exit code is passed through', async () => {
    const dir = tmp();
    const { child: cli, done } = startCli(['run', '-q', '--', process.execPath, child, dir, 'handle'], { cwd: dir });
    await waitFor(() => existsSync(join(dir, 'ready')), 15_000, 'the command to start');
    cli.kill('SIGTERM');
    const r = await done;
    expect(r.code).toBe(42);
    expect(readFileSync(join(dir, 'got-SIGTERM'), 'utf8')).toBe(readFileSync(join(dir, 'ready'), 'utf8'));
  });

  it('SIGINT is forwarded too when stdin is not a terminal', async () => {
    const dir = tmp();
    const { child: cli, done } = startCli(['run', '-q', '--', process.execPath, child, dir, 'default'], { cwd: dir });
    await waitFor(() => existsSync(join(dir, 'ready')), 15_000, 'the command to start');
    cli.kill('SIGINT');
    expect((await done).code).toBe(130);
  });
});
