// Where nothing has run yet, `runbus runs` says so and succeeds; failures
// read as one plain sentence with one prefix, no internal code.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../support/tmp.js';
import { runCli } from './cli-helper.js';

const tmp = useTmpDir();

describe('runbus runs with no database', () => {
  it('prints that there are no runs yet, exit 0, and creates nothing', async () => {
    const dir = tmp();
    const r = await runCli(['runs'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('no runs yet (./runbus.db does not exist)\n');
    expect(r.stderr).toBe('');
    const j = await runCli(['runs', '--json'], { cwd: dir });
    expect(j.code).toBe(0);
    expect(JSON.parse(j.stdout)).toEqual([]);
    expect(existsSync(join(dir, 'runbus.db'))).toBe(false);
  });

  it('a file that is not a database: one "runbus:" prefix and no error code', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'runbus.db'), 'not a database at all, just some text that is long enough');
    const r = await runCli(['runs'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^runbus: /);
    expect(r.stderr).not.toMatch(/runbus: runbus/);
    expect(r.stderr).not.toMatch(/\(ERR_[A-Z_]+\)/);
  });
});
