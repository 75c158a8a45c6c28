import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

// Runs the BUILT command line as a subprocess: node dist/cli/main.js …
// (`npm test` builds first; while developing: npm run build).

export const kMain = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'main.js');
export const kFixtures = join(import.meta.dirname, '..', 'fixtures', 'cli');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the CLI after this many ms (a test failure, never a timing assertion). */
  timeoutMs?: number;
}

/** Environment without RUNBUS_* settings from the developer's shell. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('RUNBUS_')) env[k] = v;
  return { ...env, ...extra };
}

export function startCli(args: string[], o: CliOptions): { child: ChildProcess; done: Promise<CliResult> } {
  if (!existsSync(kMain)) throw new Error(`${kMain} is missing: run "npm run build" first`);
  const child = spawn(process.execPath, [kMain, ...args], { cwd: o.cwd, env: o.env ?? cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 25_000);
  const done = new Promise<CliResult>((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, done };
}

export function runCli(args: string[], o: CliOptions): Promise<CliResult> {
  return startCli(args, o).done;
}

/** Whether a pid is alive (and not a zombie). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

/** Whether a database a CLI process writes already holds an alert of `rule` (false while it cannot be read yet). */
export function alertStored(db: string, rule: string): boolean {
  if (!existsSync(db)) return false;
  try {
    const d = new Database(db, { readonly: true });
    try {
      return (d.prepare('SELECT count(*) AS n FROM alerts WHERE rule = ?').get(rule) as { n: number }).n > 0;
    } finally {
      d.close();
    }
  } catch {
    return false;
  }
}
