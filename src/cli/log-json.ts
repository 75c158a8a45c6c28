import { accessSync, appendFileSync, closeSync, constants, existsSync, openSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliError } from './errors.js';
import { inertJson } from './format.js';

// `--log-json FILE`: one JSON object per line, appended, each with `event`,
// `ts_ms` and `run_id`. Events: resources_initial, alert, orphans,
// process_resources (one per process), resources_final. Lines are written
// whole with one append each, so a reader never sees half a line.

/** Names of the events written, in the order they usually appear. */
export const kLogEvents = ['resources_initial', 'alert', 'orphans', 'process_resources', 'resources_final'] as const;
export type LogEvent = (typeof kLogEvents)[number];

function snake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** A wire payload as plain JSON: snake_case keys (the figures' JSON keys), bigint as numbers, empty values dropped. */
export function toJsonObject(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(toJsonObject);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === null || x === undefined) continue;
    out[snake(k)] = toJsonObject(x);
  }
  return out;
}

/**
 * Checks, before anything starts, that `path` can be appended to: the file
 * is writable, or its directory is. Throws ERR_CLI_OUTPUT naming the file.
 * Creates nothing.
 */
export function checkWritable(path: string, what: string): void {
  const abs = resolve(path);
  try {
    if (existsSync(abs)) {
      if (statSync(abs).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      accessSync(abs, constants.W_OK);
    } else {
      accessSync(dirname(abs), constants.W_OK | constants.X_OK);
    }
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    throw new CliError('ERR_CLI_OUTPUT', `${what} ${JSON.stringify(path)} cannot be written (${typeof code === 'string' ? code : (err as Error).message})`, { cause: err });
  }
}

/** An append-only JSON-lines log. */
export class JsonLog {
  readonly path: string;
  readonly #runId: string;
  #failed = false;
  readonly #warn: (m: string) => void;

  /** Opens (creating) the file now, so a failure shows before the command starts. */
  constructor(path: string, runId: string, warn: (m: string) => void) {
    this.path = path;
    this.#runId = runId;
    this.#warn = warn;
    try {
      closeSync(openSync(path, 'a'));
    } catch (err) {
      throw new CliError('ERR_CLI_OUTPUT', `JSON log ${JSON.stringify(path)} cannot be opened: ${(err as Error).message}`, { cause: err });
    }
  }

  write(event: LogEvent, fields: Record<string, unknown>): void {
    if (this.#failed) return;
    // The same JSON value; DEL, C1 and bidi controls escaped so `tail -f` of the log is inert too.
    const line = inertJson({ event, ts_ms: Date.now(), run_id: this.#runId, ...fields });
    try {
      appendFileSync(this.path, `${line}\n`);
    } catch (err) {
      // The run goes on; say so once.
      this.#failed = true;
      this.#warn(`runbus: JSON log ${JSON.stringify(this.path)} cannot be written any more (${(err as Error).message}); later events are not logged`);
    }
  }
}
