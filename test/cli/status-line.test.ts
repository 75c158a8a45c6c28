import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../support/tmp.js';
import { cleanEnv, kMain, runCli } from './cli-helper.js';

const tmp = useTmpDir();
const kEsc = '\x1b';

function hasScript(): boolean {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Runs the CLI on a pseudo-terminal (util-linux `script`); returns what the terminal received. */
function onTerminal(args: string, cwd: string): string {
  const r = spawnSync('script', ['-qfec', `${JSON.stringify(process.execPath)} ${JSON.stringify(kMain)} ${args}`, '/dev/null'], { cwd, env: cleanEnv(), encoding: 'utf8', timeout: 25_000 });
  return r.stdout;
}

describe.skipIf(!hasScript())('the live status line', () => {
  it('redraws one line in place on the bottom row: cpu, rss, procs, alerts; gives the row back at the end', () => {
    const out = onTerminal('run --interval 100 -- sleep 1', tmp());
    // Each draw: save cursor, go to the last row, clear it, write, restore.
    const draws = out.split(new RegExp(`${kEsc}7${kEsc}\\[\\d+;1H${kEsc}\\[2K`)).slice(1).map((d) => d.slice(0, d.indexOf('\x1b8'))).filter((d) => d !== '');
    expect(draws.length).toBeGreaterThan(2);
    expect(draws.at(-1)).toMatch(/^runbus \S+ │ cpu \S+ │ rss \S+ \S+ │ procs \d+ │ alerts \d+/);
    // A scroll region keeps the command's output off that row; reset before the summary.
    expect(out).toMatch(new RegExp(`${kEsc}\\[1;\\d+r`));
    expect(out.lastIndexOf('\x1b[r')).toBeGreaterThan(out.lastIndexOf('\x1b[2Krunbus '));
    expect(out.lastIndexOf('\x1b[r')).toBeLessThan(out.indexOf('status     exit 0'));
  });

  it('--quiet: nothing while running and no summary', () => {
    const out = onTerminal('run -q --interval 100 -- sleep 0.5', tmp());
    expect(out).not.toContain('\x1b[2K');
    expect(out).not.toContain('status');
  });
});

describe.skipIf(!hasScript())('runbus watch on a terminal', () => {
  it('draws on the alternate screen and restores the terminal when it ends', () => {
    const dir = tmp();
    const out = onTerminal(`watch --socket ${JSON.stringify(`${dir}/none.sock`)} --frames 2 --refresh 100`, dir);
    expect(out.indexOf('\x1b[?1049h')).toBeGreaterThanOrEqual(0);
    expect(out).toContain('\x1b[H'); // redraws from the top
    expect(out).toContain('waiting for a hub at');
    // Cursor shown again and the main screen back, after the last frame.
    expect(out.lastIndexOf('\x1b[?25h\x1b[?1049l')).toBeGreaterThan(out.lastIndexOf('\x1b[H'));
  });
});

describe('when stdout is not a terminal', () => {
  it('nothing is drawn while running', async () => {
    const r = await runCli(['run', '--interval', '100', '--', 'sleep', '0.5'], { cwd: tmp() });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('\x1b[');
    expect(r.stderr).toContain('status     exit 0');
  });
});
