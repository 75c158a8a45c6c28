import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { useTmpDir } from '../support/tmp.js';
import { isAlive, kFixtures, runCli } from './cli-helper.js';

const tmp = useTmpDir();
const maker = join(kFixtures, 'orphan-maker.mjs');
const leftovers: number[] = [];

afterEach(() => {
  for (const pid of leftovers.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

function lines(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('runbus run finds orphans', () => {
  it('a backgrounded sleep outlives sh: listed, recorded, left running without --kill-orphans', async () => {
    const dir = tmp();
    // sh waits until its backgrounded child has exec'd sleep: until then the
    // child is a copy of sh, and an exit scan in that moment lists it as sh.
    const script = 'sleep 60 >/dev/null 2>&1 & p=$!; i=0; until [ "$(cat /proc/$p/comm 2>/dev/null)" = sleep ] || [ $i -ge 5000 ]; do i=$((i+1)); done; echo $p > orphan.pid';
    const r = await runCli(['run', '--log-json', 'log.jsonl', '--', 'sh', '-c', script], { cwd: dir });
    const pid = Number(readFileSync(join(dir, 'orphan.pid'), 'utf8'));
    leftovers.push(pid);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('orphans    1 process outlived the command:');
    expect(r.stderr).toMatch(new RegExp(`${pid}\\s+sleep\\s+left running`));
    expect(isAlive(pid)).toBe(true);
    const ev = lines(join(dir, 'log.jsonl')).find((l) => l.event === 'orphans') as { orphans: { pid: number; fate: string }[] };
    expect(ev.orphans).toEqual([expect.objectContaining({ pid, fate: 'left running' })]);
    // The alert's line in the JSON log names severity and state in words.
    const alert = lines(join(dir, 'log.jsonl')).find((l) => l.event === 'alert' && l.rule === 'orphans_at_exit');
    expect(alert).toMatchObject({ severity: 'warning', state: 'firing' });
    const d = new Database(join(dir, 'runbus.db'), { readonly: true });
    const alerts = d.prepare("select rule, state, value, message from alerts where rule = 'orphans_at_exit'").all() as { value: number; message: string }[];
    d.close();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.value).toBe(1);
    expect(alerts[0]!.message).toContain(String(pid));
  });

  it('--kill-orphans terminates a detached (setsid) orphan', async () => {
    const dir = tmp();
    const r = await runCli(['run', '--kill-orphans', '--', process.execPath, maker, dir, 'detached'], { cwd: dir });
    const pid = Number(readFileSync(join(dir, 'orphan.pid'), 'utf8'));
    leftovers.push(pid);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`${pid}\\s+sleep\\s+terminated \\(SIGTERM\\)`));
    // Nowhere does the summary say a process it terminated was left running.
    expect(r.stderr).not.toContain('left running');
    expect(r.stderr).toContain(`${pid} (sleep): to be terminated`);
    expect(isAlive(pid)).toBe(false);
  });

  it('an orphan that ignores SIGTERM gets SIGKILL after --orphan-grace', async () => {
    const dir = tmp();
    const r = await runCli(['run', '--kill-orphans', '--orphan-grace', '300', '--', process.execPath, maker, dir, 'stubborn'], { cwd: dir });
    const pid = Number(readFileSync(join(dir, 'orphan.pid'), 'utf8'));
    leftovers.push(pid);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`${pid}\\s+node\\s+killed \\(SIGKILL\\)`));
    expect(isAlive(pid)).toBe(false);
  });

  it('a command that leaves nothing behind reports no orphans', async () => {
    const dir = tmp();
    const r = await runCli(['run', '--kill-orphans', '--', 'sh', '-c', 'sleep 0.1'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('orphans');
  });
});
