// Shared option checking: every options object goes through checkKeys, so a
// misspelled key is an error that names it (and the likely intended key).
import { debuglog } from 'node:util';
import { RemoteWriteError } from './errors.js';

function distance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; ++i) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; ++j) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}

/** The closest allowed key, if it is close enough to be a likely typo. */
export function suggest(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of allowed) {
    const d = distance(key, k);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return bestD <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

/** Throws TypeError naming any key of `obj` not in `allowed`. */
export function checkKeys(obj: object, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      const s = suggest(key, allowed);
      throw new TypeError(`${where}: unknown option "${key}"${s === undefined ? '' : ` (did you mean "${s}"?)`}`);
    }
  }
}

export function checkObject(v: unknown, name: string): asserts v is object | undefined {
  if (v !== undefined && (typeof v !== 'object' || v === null || Array.isArray(v))) {
    throw new TypeError(`${name} must be an object`);
  }
}

export function checkInt(v: unknown, name: string, min: number, max: number = Number.MAX_SAFE_INTEGER): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw new TypeError(`${name} must be an integer (got ${describe(v)})`);
  }
  if (v < min || v > max) {
    throw new RangeError(`${name} must be from ${min} to ${max} (got ${v})`);
  }
  return v;
}

export function checkOneOf<T extends string>(v: unknown, name: string, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw new TypeError(`${name} must be one of ${allowed.map((a) => `"${a}"`).join(', ')} (got ${describe(v)})`);
  }
  return v as T;
}

export function checkString(v: unknown, name: string): string {
  if (typeof v !== 'string') throw new TypeError(`${name} must be a string (got ${describe(v)})`);
  return v;
}

export function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || typeof v !== 'object') return String(v);
  return Array.isArray(v) ? 'an array' : 'an object';
}

export function checkBool(v: unknown, name: string): boolean {
  if (typeof v !== 'boolean') throw new TypeError(`${name} must be a boolean (got ${describe(v)})`);
  return v;
}

/** Where warnings go: every module takes one and defaults to {@link kLibraryLogger}. */
export interface Logger {
  warn(message: string): void;
}

/** One line on stderr per warning: what the `runbus` command gives its hub. */
export const kStderrLogger: Logger = {
  warn: (m) => {
    process.stderr.write(`${m}\n`);
  },
};

const kDebug = debuglog('runbus');

/**
 * The default logger of every module: a library prints nothing unasked into
 * its host application's stderr. Warnings go to `util.debuglog('runbus')`
 * (shown with NODE_DEBUG=runbus) unless the caller gives a logger; failures
 * still reach the caller as rejections and 'error' events.
 */
export const kLibraryLogger: Logger = {
  warn: (m) => {
    kDebug('%s', m);
  },
};

/** `logger` if it has a warn() method (else a TypeError naming `name`), or the library's silent-by-default logger. */
export function checkLogger(logger: unknown, name = 'options.logger'): Logger {
  if (logger === undefined) return kLibraryLogger;
  if (typeof logger !== 'object' || logger === null || typeof (logger as Partial<Logger>).warn !== 'function') {
    throw new TypeError(`${name} must have a warn(message) method`);
  }
  return logger as Logger;
}

/**
 * One integer setting of a module's `kDefaults` table: its default, its
 * range and the help text the CLI and docs show. The table is the only place
 * a default or a range is written; options resolvers, the config layer and
 * `--help` all read it.
 */
export interface IntSetting {
  /** The default, or undefined when the setting is off unless given. */
  readonly default: number | undefined;
  readonly min: number;
  readonly max: number;
  /** One line, lower case, no trailing period. */
  readonly help: string;
}

/** An integer setting, with its range from the table. */
export function int<D extends number | undefined>(min: number, max: number, defaultValue: D, help: string): IntSetting & { readonly default: D } {
  return { default: defaultValue, min, max, help };
}

/** `v`, else the setting's default, checked against its range; undefined when both are. */
export function checkSetting(v: unknown, name: string, s: IntSetting): number | undefined {
  const value = v ?? s.default;
  return value === undefined ? undefined : checkInt(value, name, s.min, s.max);
}

/** Like {@link checkSetting}, for a setting that has a default. */
export function checkSettingOr(v: unknown, name: string, s: IntSetting & { readonly default: number }): number {
  return checkInt(v ?? s.default, name, s.min, s.max);
}

/** Checks one receiver URL; a malformed one is a RemoteWriteError naming it. */
export function checkRemoteUrl(raw: unknown): string {
  if (typeof raw !== 'string' || raw.trim() === '') throw new RemoteWriteError('ERR_REMOTE_WRITE_URL', `remote write URL must be a non-empty string (got ${JSON.stringify(raw)})`);
  let u: URL;
  try {
    u = new URL(raw);
  } catch (err) {
    throw new RemoteWriteError('ERR_REMOTE_WRITE_URL', `remote write URL ${JSON.stringify(raw)} is malformed`, { cause: err });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new RemoteWriteError('ERR_REMOTE_WRITE_URL', `remote write URL ${JSON.stringify(raw)} must be http or https (got ${u.protocol})`);
  if (u.username !== '' || u.password !== '') {
    throw new RemoteWriteError('ERR_REMOTE_WRITE_URL', 'remote write URL must not carry credentials (they would show in `ps`); use a token or password file, or the environment');
  }
  return u.href;
}
