import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../support/tmp.js';
import { kCommands } from '../../src/cli/commands.js';
import { runCli } from './cli-helper.js';

const tmp = useTmpDir();

describe('runbus --help, --version and usage errors', () => {
  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    const r = await runCli(['--version'], { cwd: tmp() });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('--help lists every command; each command help lists every flag', async () => {
    const r = await runCli(['--help'], { cwd: tmp() });
    expect(r.code).toBe(0);
    for (const c of kCommands) expect(r.stdout).toContain(`  ${c.name}`);
    for (const c of kCommands) {
      const h = await runCli([c.name, '--help'], { cwd: tmp() });
      expect(h.code, c.name).toBe(0);
      expect(h.stdout).toContain(`Usage: ${c.usage}`);
      for (const f of c.flags) expect(h.stdout, `${c.name} --${f.name}`).toContain(`--${f.name}`);
      // Each flag's line names an environment variable once.
      for (const line of h.stdout.split('\n')) {
        const names = [...line.matchAll(/\(env (RUNBUS_[A-Z_]+)/g)].map((m) => m[1]);
        expect(new Set(names).size, `${c.name}: ${line.trim()}`).toBe(names.length);
      }
    }
  });

  it('no arguments: help on stderr, exit 2', async () => {
    const r = await runCli([], { cwd: tmp() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: runbus <command>');
  });

  it('an unknown command suggests the closest one, exit 2', async () => {
    const r = await runCli(['reprot'], { cwd: tmp() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "reprot" (did you mean "report"?)');
  });

  it('an unknown flag is a usage error with a suggestion, exit 2, nothing written', async () => {
    const dir = tmp();
    const r = await runCli(['run', '--kil-orphans', '--', 'true'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown option --kil-orphans (did you mean --kill-orphans?)');
    expect(r.stderr).toContain("Try 'runbus run --help'");
    expect(existsSync(join(dir, 'runbus.db'))).toBe(false);
  });

  it('a bad value names the flag and the value, exit 2', async () => {
    const dir = tmp();
    for (const [args, text] of [
      [['run', '--interval', 'fast', '--', 'true'], '--interval must be an integer from 10 to 3600000 (got "fast")'],
      [['run', '--interval', '5', '--', 'true'], '--interval must be an integer from 10 to 3600000 (got "5")'],
      [['run', '--orphan-grace', '-1', '--', 'true'], '--orphan-grace'],
      [['hub', '--metrics-port', '70000'], '--metrics-port must be an integer from 0 to 65535 (got "70000")'],
      [['export', '--format', 'xml'], '--format must be json, csv or prom-rules (got "xml")'],
      [['run', '--db'], 'option --db <value> argument missing'],
    ] as const) {
      const r = await runCli([...args], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(text);
    }
    expect(existsSync(join(dir, 'runbus.db'))).toBe(false);
  });

  it('the first word that is not an option starts the command, as with time and nice; "--" is for commands that begin with a dash', async () => {
    const dir = tmp();
    for (const args of [['run', 'true'], ['run', '-q', 'true'], ['run', '--db', join(dir, 'x.db'), '--quiet', 'sh', '-c', 'exit 3'], ['run', '--quiet', '--', 'true']]) {
      const r = await runCli(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(args.includes('exit 3') ? 3 : 0);
    }
    // An option after the command's first word belongs to the command.
    const ls = await runCli(['run', '-q', 'ls', '-d', '/'], { cwd: dir });
    expect(ls.code).toBe(0);
    expect(ls.stdout).toBe('/\n');
    const empty = await runCli(['run', '--'], { cwd: dir });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('missing the command to run');
    const none = await runCli(['run', '--quiet'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('hint: runbus run [options] [--] <command>');
    // A misspelled option is an option, not a command.
    const typo = await runCli(['run', '--qiet', 'true'], { cwd: dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown option --qiet/);
  });
});
