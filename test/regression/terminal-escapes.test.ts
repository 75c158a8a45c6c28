// Issue 15 item 4: component names, run ids and process names (`comm`, which
// any process sets) were printed raw by `runbus runs`, `report`, `watch`, the
// status line and the run summary, so a client or a child could clear the
// reader's screen or set their terminal title. Every such name now goes
// through inert(); CSV and JSON keep the exact text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { connectBus } from '../../src/bus/remote/index.js';
import { inert, inertJson, table } from '../../src/cli/format.js';
import { StatusLine } from '../../src/cli/status-line.js';
import { Topic } from '../../src/wire/index.js';
import { cleanEnv, runCli, startCli } from '../cli/cli-helper.js';
import { useTmpDir, waitFor } from '../support/tmp.js';

const tmp = useTmpDir();

/** Every character a terminal acts on rather than shows (as inert() defines them). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const kActive = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
/** A name that clears the screen, sets the title, starts a new line and reverses what follows; with CSV's specials (comma, quote, newline). */
const kHostile = 'evil\x1b[2J\x1b]0;owned\x07,"q"\nline2\u202eftp.exe\x9b31m';

function noActive(text: string, what: string): void {
  const m = kActive.exec(text);
  expect(m === null ? null : `${JSON.stringify(m[0])} at ${m.index}: ${JSON.stringify(text.slice(Math.max(0, m.index - 30), m.index + 30))}`, what).toBeNull();
  // The newline inside the name is shown, not obeyed: no output line starts with what follows it.
  expect(text, what).not.toMatch(/^line2/m);
}

/** RFC 4180 fields of a CSV text (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let f = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (q) {
      if (c === '"' && text[i + 1] === '"') { f += '"'; i++; } else if (c === '"') q = false; else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(f); f = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(f); rows.push(row); row = []; f = ''; i++; } else f += c;
  }
  return rows;
}

describe('inert()', () => {
  it('shows C0, DEL, C1 and bidi controls as visible escapes and leaves the rest alone', () => {
    expect(inert('a\x1b[31mb')).toBe('a\\x1b[31mb');
    expect(inert('\x00\x07\x08\t\n\r\x7f\x80\x9b')).toBe('\\x00\\x07\\x08\\x09\\x0a\\x0d\\x7f\\x80\\x9b');
    expect(inert('\u202eabc\u202c\u2066\u2069\u200e\u200f\u061c\u2028')).toBe('\\u202eabc\\u202c\\u2066\\u2069\\u200e\\u200f\\u061c\\u2028');
    for (const ok of ['plain', 'naïve café', '日本語', 'emoji 🚀', 'back\\slash', 'ŝ→∑']) expect(inert(ok)).toBe(ok);
    expect(inert(inert(kHostile))).toBe(inert(kHostile));
    noActive(inert(kHostile), 'inert');
  });

  it('inertJson is the same JSON value, with nothing a terminal acts on', () => {
    const v = { name: kHostile, n: 1 };
    const j = inertJson(v);
    noActive(j, 'json');
    expect(JSON.parse(j)).toEqual(v);
  });

  it('tables align on the escaped text', () => {
    const t = table(['name', 'n'], [[kHostile, '1'], ['x', '22']], [false, true]);
    noActive(t.join('\n'), 'table');
    expect(t[1]!.length).toBe(t[2]!.length);
  });

  it('the status line escapes the text, keeping only its own cursor and region sequences', () => {
    const out = new PassThrough();
    let written = '';
    out.on('data', (d: Buffer) => (written += d.toString()));
    const line = new StatusLine(Object.assign(out, { columns: 200, rows: 30 }) as unknown as NodeJS.WriteStream, true);
    try {
      line.draw(`cpu 1% │ ${kHostile}`);
    } finally {
      line.close();
    }
    // What is left once the line's own sequences (save/restore cursor, scroll region, move, clear) are taken out.
    // eslint-disable-next-line no-control-regex -- the status line's own escape sequences
    const own = /\x1b[78]|\x1b\[\d*(;\d+)?[rHAK]|\n/g;
    noActive(written.replace(own, ''), 'status line');
    expect(written).toContain('\\x1b]0;owned\\x07');
  });
});

describe('names from outside never reach the terminal raw', () => {
  it('runbus run / runs / report / export: a child renaming itself through /proc/self/comm and a hostile component name', async () => {
    const dir = tmp();
    const db = join(dir, 'e.db');
    // The shell names itself ESC ] 0 ; pwned BEL (an "set the title" sequence;
    // comm holds 15 bytes), then forks a subshell that inherits that name.
    const script = 'printf "\\033]0;pwned\\007" > /proc/self/comm; (sleep 0.5; true)';
    const run = await runCli(['run', '--db', db, '--interval', '100', '--component', kHostile, '--', 'sh', '-c', script], { cwd: dir, env: cleanEnv() });
    expect(run.code, run.stderr).toBe(0);
    noActive(run.stdout + run.stderr, 'run summary');
    expect(run.stderr).toContain('\\x1b]0;pwned\\x07'); // the renamed process is in the summary, shown inert
    expect(run.stderr).toContain(inert(kHostile));

    for (const args of [['runs'], ['runs', '--json'], ['report'], ['report', '--json'], ['export'], ['export', '--table', 'snapshots']]) {
      const r = await runCli([...args, '--db', db], { cwd: dir, env: cleanEnv() });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      noActive(r.stdout + r.stderr, args.join(' '));
    }
    // JSON keeps the exact names.
    const report = JSON.parse((await runCli(['report', '--json', '--db', db], { cwd: dir, env: cleanEnv() })).stdout) as { summary: { components: { component: string }[] } };
    const names = report.summary.components.map((c) => c.component);
    expect(names).toContain(kHostile);
    expect(names).toContain(`${kHostile}/\x1b]0;pwned\x07`);
    // CSV keeps the exact bytes, quoted by RFC 4180.
    const out = join(dir, 'snap.csv');
    expect((await runCli(['export', '--format', 'csv', '--table', 'snapshots', '--out', out, '--db', db], { cwd: dir, env: cleanEnv() })).code).toBe(0);
    const rows = parseCsv(readFileSync(out, 'utf8'));
    const col = rows[0]!.indexOf('component');
    const comps = new Set(rows.slice(1).map((r) => r[col]));
    expect(comps).toContain(kHostile);
    expect(comps).toContain(`${kHostile}/\x1b]0;pwned\x07`);
    expect(readFileSync(out, 'utf8')).toContain(`"${kHostile.replaceAll('"', '""')}"`);
  });

  it('a client with a hostile component name: runbus watch and the hub print it inert', async () => {
    const dir = tmp();
    const socket = join(dir, 'hub.sock');
    const hub = startCli(['hub', '--socket', socket, '--interval', '100', '--db', join(dir, 'hub.db')], { cwd: dir, env: cleanEnv() });
    let out = '';
    hub.child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    await waitFor(() => out.includes('listening on'), 20_000, 'the hub to listen');
    const client = connectBus({ socket, component: kHostile, logger: { warn: () => undefined } });
    try {
      await waitFor(() => client.connected, 10_000, 'the client to connect');
      for (let i = 0; i < 3; i++) {
        client.publish(Topic.ALERT, { tsMs: Date.now(), runId: 'r\x1b[2J', rule: `rule\x1b]0;x\x07`, component: kHostile, state: 1, severity: 2, message: `msg ${kHostile}` });
      }
      const w = await runCli(['watch', '--socket', socket, '--frames', '12', '--refresh', '300'], { cwd: dir, env: cleanEnv() });
      expect(w.code, w.stderr).toBe(0);
      noActive(w.stdout + w.stderr, 'watch');
      expect(w.stdout).toContain(inert(kHostile).slice(0, 16)); // the row, cut to the column width
    } finally {
      await client.close();
    }
    hub.child.kill('SIGTERM');
    const r = await hub.done;
    expect(r.code).toBe(0);
    noActive(r.stdout + r.stderr, 'hub');
    const report = await runCli(['report', '--db', join(dir, 'hub.db')], { cwd: dir, env: cleanEnv() });
    noActive(report.stdout + report.stderr, 'report of the hub run');
    expect(report.stdout).toContain(inert(kHostile).slice(0, 20));
  });
});
