import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliError } from './errors.js';

// `--export-dir DIR`: the hub writes metrics_final.json and
// prometheus_metrics_final.txt there when it stops (src/export/final-export.ts,
// which creates the directory). A failure then is only a warning, after the
// whole run: so check beforehand what can be checked, and create nothing.

/**
 * Checks, before anything starts, that `dir` can hold the final export: it
 * is a writable directory, or it does not exist and its nearest existing
 * ancestor is a writable directory (the export creates the rest). Returns
 * the absolute path. Throws ERR_CLI_OUTPUT naming the directory.
 */
export function checkExportDir(dir: string, cwd: string): string {
  const abs = resolve(cwd, dir);
  const fail = (why: string, cause?: unknown): never => {
    throw new CliError('ERR_CLI_OUTPUT', `export directory ${JSON.stringify(dir)} cannot be written (${why})`, cause === undefined ? {} : { cause });
  };
  let p = abs;
  while (!existsSync(p)) {
    const up = dirname(p);
    if (up === p) break;
    p = up;
  }
  let isDir: boolean;
  try {
    isDir = statSync(p).isDirectory();
  } catch (err) {
    return fail((err as NodeJS.ErrnoException).code ?? (err as Error).message, err);
  }
  if (!isDir) fail(p === abs ? 'it is not a directory' : `${p} is not a directory`);
  try {
    accessSync(p, constants.W_OK | constants.X_OK);
  } catch (err) {
    fail(`${(err as NodeJS.ErrnoException).code ?? (err as Error).message}${p === abs ? '' : ` on ${p}`}`, err);
  }
  return abs;
}
