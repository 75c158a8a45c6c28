import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, runCli } from './cli-helper.js';
import { useTmpDir } from '../support/tmp.js';

// Bad container flags are usage errors (exit 2) that name the problem, and
// nothing starts: no command, no database.
describe('runbus run --containers / --clean-containers', () => {
  const tmp = useTmpDir();

  it('a malformed filter is exit 2 naming it; the command does not run', async () => {
    const r = await runCli(['run', '--containers', 'labl=app=x', '--', 'true'], { cwd: tmp() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--containers');
    expect(r.stderr).toContain('"labl=app=x" is malformed: unknown key "labl"');
    expect(existsSync(join(tmp(), 'runbus.db'))).toBe(false);
  });

  it('the environment form is checked the same way', async () => {
    const r = await runCli(['run', '--', 'true'], { cwd: tmp(), env: cleanEnv({ RUNBUS_CONTAINERS: 'name' }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"name" is malformed');
  });

  it('--clean-containers without --containers says what it needs', async () => {
    const r = await runCli(['run', '--clean-containers', '--', 'true'], { cwd: tmp() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--clean-containers needs --containers FILTER');
  });

  it('no Docker engine: one line, and the run goes on', async () => {
    const r = await runCli(['run', '--quiet', '--containers', 'all', '--', 'true'], { cwd: tmp(), env: cleanEnv({ DOCKER_HOST: `unix://${tmp()}/none.sock` }) });
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.includes('Docker'))).toHaveLength(1);
    expect(existsSync(join(tmp(), 'runbus.db'))).toBe(true);
  });
});
