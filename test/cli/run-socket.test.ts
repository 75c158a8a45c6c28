import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../support/tmp.js';
import { kFixtures, kMain, runCli } from './cli-helper.js';

const tmp = useTmpDir();

describe('runbus run --socket', () => {
  it("the command's processes join the run over RUNBUS_SOCKET", async () => {
    const dir = tmp();
    const r = await runCli(['run', '-q', '--interval', '100', '--socket', join(dir, 's.sock'), '--', process.execPath, join(kFixtures, 'remote-worker.mjs')], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const d = new Database(join(dir, 'runbus.db'), { readonly: true });
    const metrics = d.prepare("select component, value from metrics where name = 'step' order by value").all() as { component: string; value: number }[];
    d.close();
    expect(metrics).toEqual([0, 1, 2].map((value) => ({ component: 'worker', value })));
  });

  it('a nested runbus run inside it does not try to serve the outer socket', async () => {
    const dir = tmp();
    const r = await runCli(['run', '-q', '--socket', join(dir, 'outer.sock'), '--', process.execPath, kMain, 'run', '-q', '--db', 'inner.db', '--', 'sh', '-c', 'echo inner-ok'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('inner-ok\n');
    expect(r.code).toBe(0);
  });
});
