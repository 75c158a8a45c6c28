// The status line in a real terminal (tmux): the command's output keeps its
// own lines, the status sits on the bottom row, and the terminal is whole
// again afterwards — after a normal end and after SIGINT.
import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useTmpDir } from '../support/tmp.js';
import { kMain } from './cli-helper.js';

const tmp = useTmpDir();
const kHaveTmux = spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;
const kNeedsTmux = 'SKIPPED: needs tmux from the Debian package "tmux" (apt-get install tmux)';
if (!kHaveTmux) process.stderr.write(`\nrunbus tests: tmux not found; the terminal tests are ${kNeedsTmux}\n`);

// A tmux server (socket name) of its own for each test: a new session on
// the socket of the server the last test killed can race its exit
// ("server exited unexpectedly").
let gTest = 0;
let gSession = `runbus-status-${process.pid}-0`;
const kRows = 40;

function tmux(...args: string[]): string {
  const r = spawnSync('tmux', ['-L', gSession, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** The visible screen, one string per row. */
function screen(): string[] {
  return tmux('capture-pane', '-p', '-t', gSession).split('\n').slice(0, kRows);
}

async function until(what: string, ok: (rows: string[]) => boolean, ms = 25_000): Promise<string[]> {
  const end = Date.now() + ms;
  for (;;) {
    const rows = screen();
    if (ok(rows)) return rows;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; screen:\n${rows.join('\n')}`);
    await sleep(100);
  }
}

beforeEach(() => {
  gSession = `runbus-status-${process.pid}-${++gTest}`;
});

afterEach(() => {
  if (kHaveTmux) spawnSync('tmux', ['-L', gSession, 'kill-server'], { stdio: 'ignore' });
});

describe.skipIf(!kHaveTmux)(`runbus run in a real terminal ${kHaveTmux ? '' : kNeedsTmux}`, () => {
  function start(cwd: string, command: string): void {
    tmux('new-session', '-d', '-s', gSession, '-x', '100', '-y', String(kRows), '-c', cwd, 'sh');
    tmux('send-keys', '-t', gSession, `${JSON.stringify(process.execPath)} ${JSON.stringify(kMain)} run --interval 200 --db ${cwd}/r.db -- ${command}`, 'Enter');
  }

  it('keeps the command\'s lines whole and the status on the bottom row; the whole screen scrolls again after', { timeout: 90_000 }, async () => {
    const dir = tmp();
    start(dir, "sh -c 'i=0; while [ $i -lt 50 ]; do i=$((i+1)); echo line$i; sleep 0.1; done'");
    const during = await until('output and a status line', (rows) => rows.some((r) => r === 'line40') && rows.at(-1)!.startsWith('runbus '));
    // Every output line is exactly what the command printed.
    for (const r of during.slice(0, -1)) expect(r).not.toContain('runbus ');
    const after = await until('the summary', (rows) => rows.some((r) => r.trimStart().startsWith('status     exit 0')));
    expect(after.filter((r) => /^line\d+/.test(r)).every((r) => /^line\d+$/.test(r))).toBe(true);
    // The region is reset: output now reaches the last row.
    tmux('send-keys', '-t', gSession, 'seq 1 60', 'Enter');
    const last = await until('seq to reach the bottom row', (rows) => rows.at(-2) === '60');
    expect(last.join('\n')).not.toMatch(/runbus \d/);
  });

  it('gives the row back after SIGINT (Ctrl-C) too', { timeout: 90_000 }, async () => {
    const dir = tmp();
    start(dir, 'sleep 30');
    await until('a status line', (rows) => rows.at(-1)!.startsWith('runbus '));
    tmux('send-keys', '-t', gSession, 'C-c');
    await until('the summary', (rows) => rows.some((r) => r.trimStart().startsWith('status ')));
    tmux('send-keys', '-t', gSession, 'seq 1 60', 'Enter');
    const last = await until('seq to reach the bottom row', (rows) => rows.at(-2) === '60');
    expect(last.join('\n')).not.toMatch(/runbus \d/);
  });
});
