import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseAlertRules } from '../alerts/rules.js';
import type { AlertRule } from '../alerts/rules.js';
import { RunbusError } from '../errors.js';
// socket-path.js, not the remote index: --help should not load the socket code.
import { defaultSocketPath } from '../bus/remote/socket-path.js';
import { describe, int, suggest } from '../options.js';
import type { IntSetting } from '../options.js';
import { kDefaults as kSamplerDefaults } from '../samplers/options.js';
import { kDefaultDbPath, kDefaults as kStoreDefaults } from '../store/options.js';

/** The Prometheus port: the command's and createHub's (`metrics.port`). */
export const kMetricsPort = int(0, 65_535, undefined, 'Prometheus port on 127.0.0.1; 0 picks a free port');
/** Time between SIGTERM and SIGKILL for orphans (`runbus run --kill-orphans`). */
export const kOrphanGraceMs = int(0, 3_600_000, 2000, 'wait between SIGTERM and SIGKILL for orphans, ms');

// Layered configuration for the `runbus` command:
//
//   flags  >  environment (RUNBUS_*)  >  config file  >  defaults
//
// Every layer is validated on its own, and an error names where the bad value
// came from ("--interval", "RUNBUS_SAMPLE_INTERVAL_MS", "runbus.config.yaml:
// intervalMs"), so a user can tell which of the three to fix.

/** Codes of {@link ConfigError}. */
export type ConfigErrorCode =
  /** A value (flag, environment variable or config key) is of the wrong type or out of range. */
  | 'ERR_CONFIG_VALUE'
  /** A config file key that runbus does not know (a likely typo is suggested). */
  | 'ERR_CONFIG_KEY'
  /** The config file cannot be read or does not parse. */
  | 'ERR_CONFIG_FILE';

/** Bad configuration: names the source (flag, variable or file key) and the value. */
export class ConfigError extends RunbusError {
  declare readonly code: ConfigErrorCode;

  constructor(code: ConfigErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'ConfigError';
  }
}

/**
 * The `alerts` setting, resolved: the user's rules (validated by
 * parseAlertRules) and whether the built-in rules run too.
 */
export interface AlertsConfig {
  /** Validated rules; a rule named like a built-in one replaces it. @default [] */
  readonly rules: readonly AlertRule[];
  /** Run the built-in rules (docs/alerts.md). @default true */
  readonly defaults: boolean;
}

/** Every setting the command line understands, as the config file spells it. */
export interface RunbusConfig {
  /** SQLite file. @default './runbus.db' */
  db: string;
  /** Sampling cadence, ms. @default 1000 */
  intervalMs: number;
  /**
   * Unix socket for remote buses: a path, true for the default path, false
   * for none. `runbus hub` and `runbus watch` use the default path when this
   * is false. @default false
   */
  socket: string | boolean;
  /** Shared secret of the socket. @default none */
  token: string | undefined;
  /** Prometheus port (binds 127.0.0.1); 0 picks a free port. @default off */
  metricsPort: number | undefined;
  /** Serve the live dashboard. @default false */
  dashboard: boolean;
  /** Sample NVIDIA GPUs (off by itself without nvidia-smi). @default true */
  gpu: boolean;
  /** No live status line and no summary. @default false */
  quiet: boolean;
  /** Terminate descendants still running when the command exits. @default false */
  killOrphans: boolean;
  /** Time between SIGTERM and SIGKILL for orphans, ms. @default 2000 */
  orphanGraceMs: number;
  /** JSON-lines log file. @default none */
  logJson: string | undefined;
  /** Raw-row retention, ms. @default 30 minutes (the store's default) */
  retentionMs: number | undefined;
  /**
   * Directory for metrics_final.json and prometheus_metrics_final.txt,
   * written when `runbus run` or `runbus hub` stops. @default none
   */
  exportDir: string | undefined;
  /**
   * Alert rules (config file only): a list of rules, or
   * `{ rules: [...], defaults: false }` to drop the built-in ones.
   * @default { rules: [], defaults: true }
   */
  alerts: AlertsConfig;
}

export type ConfigKey = keyof RunbusConfig;

/** Where each setting's value came from. */
export type ConfigSource = 'flag' | 'env' | 'file' | 'default';

export interface ResolvedConfig {
  readonly values: RunbusConfig;
  readonly sources: Readonly<Record<ConfigKey, ConfigSource>>;
  /** The config file read, if any. */
  readonly file: string | undefined;
  /** Warnings to show (unknown RUNBUS_* variables). */
  readonly warnings: readonly string[];
}

type Kind =
  | { type: 'string' }
  | { type: 'bool' }
  | { type: 'int'; min: number; max: number }
  | { type: 'socket' }
  /** Alert rules: only in the config file (a structure, not a text value). */
  | { type: 'alerts' };

interface KeySpec {
  kind: Kind;
  /** The environment variable; none for a key only the config file sets. */
  env: string | undefined;
  flag: string;
  /** The value when no layer sets it. */
  default: unknown;
  /** What the setting does; `--help` and docs/configuration.md show it. */
  help: string;
}

/** An integer kind with its range from a module's kDefaults table. */
function intKind(s: IntSetting): Kind {
  return { type: 'int', min: s.min, max: s.max };
}

/**
 * The command line's settings table: kind, range, default, environment
 * variable, flag and help of every key. Ranges and defaults that belong to a
 * module (the cadence to the samplers, retention to the store) are read from
 * that module's kDefaults; the rest are the command's own. `--help`, the
 * three parsers (flags, environment, file) and {@link readLibraryEnv} all
 * read this table.
 */
export const kConfigSpec: Readonly<Record<ConfigKey, KeySpec>> = {
  db: { kind: { type: 'string' }, env: 'RUNBUS_DB', flag: '--db', default: kDefaultDbPath, help: 'SQLite database' },
  intervalMs: {
    kind: intKind(kSamplerDefaults.intervalMs),
    env: 'RUNBUS_SAMPLE_INTERVAL_MS',
    flag: '--interval',
    default: kSamplerDefaults.intervalMs.default,
    help: kSamplerDefaults.intervalMs.help,
  },
  socket: { kind: { type: 'socket' }, env: 'RUNBUS_SOCKET', flag: '--socket', default: false, help: 'Unix socket for remote buses' },
  token: { kind: { type: 'string' }, env: 'RUNBUS_TOKEN', flag: '(no flag: keep secrets off the command line)', default: undefined, help: 'shared secret of the socket and HTTP endpoints' },
  metricsPort: { kind: intKind(kMetricsPort), env: 'RUNBUS_METRICS_PORT', flag: '--metrics-port', default: kMetricsPort.default, help: kMetricsPort.help },
  dashboard: { kind: { type: 'bool' }, env: 'RUNBUS_DASHBOARD', flag: '--dashboard', default: false, help: 'serve the live dashboard' },
  gpu: { kind: { type: 'bool' }, env: 'RUNBUS_GPU', flag: '--no-gpu', default: true, help: 'sample NVIDIA GPUs' },
  quiet: { kind: { type: 'bool' }, env: 'RUNBUS_QUIET', flag: '--quiet', default: false, help: 'no live status line and no summary' },
  killOrphans: { kind: { type: 'bool' }, env: 'RUNBUS_KILL_ORPHANS', flag: '--kill-orphans', default: false, help: 'terminate descendants still running when the command exits' },
  orphanGraceMs: {
    kind: intKind(kOrphanGraceMs),
    env: 'RUNBUS_ORPHAN_GRACE_MS',
    flag: '--orphan-grace',
    default: kOrphanGraceMs.default,
    help: kOrphanGraceMs.help,
  },
  logJson: { kind: { type: 'string' }, env: 'RUNBUS_LOG_JSON', flag: '--log-json', default: undefined, help: 'JSON-lines log file' },
  retentionMs: {
    kind: intKind(kStoreDefaults.retentionMs),
    env: 'RUNBUS_RETENTION_MS',
    flag: '(no flag)',
    // Undefined: the store's own default applies (kStoreDefaults.retentionMs).
    default: undefined,
    help: kStoreDefaults.retentionMs.help,
  },
  exportDir: { kind: { type: 'string' }, env: 'RUNBUS_EXPORT_DIR', flag: '--export-dir', default: undefined, help: 'directory for the final metrics export' },
  alerts: { kind: { type: 'alerts' }, env: undefined, flag: '(no flag: config file only)', default: { rules: [], defaults: true }, help: 'alert rules (docs/alerts.md)' },
};

export const kConfigKeys = Object.keys(kConfigSpec) as ConfigKey[];

export const kConfigDefaults: Readonly<RunbusConfig> = Object.fromEntries(kConfigKeys.map((k) => [k, kConfigSpec[k].default])) as unknown as RunbusConfig;

/**
 * The range, environment variable and default of a setting, for help text:
 * `10 to 3600000; env RUNBUS_SAMPLE_INTERVAL_MS; default 1000`. `defaultText`
 * replaces the default shown (for a default decided elsewhere, such as the
 * socket path); `envValue` is appended to the variable (RUNBUS_GPU=0).
 */
export function describeSetting(key: ConfigKey, how: { defaultText?: string; envValue?: string } = {}): string {
  const spec = kConfigSpec[key];
  const parts: string[] = [];
  if (spec.kind.type === 'int') parts.push(spec.kind.max === Number.MAX_SAFE_INTEGER ? `at least ${spec.kind.min}` : `${spec.kind.min} to ${spec.kind.max}`);
  if (spec.env !== undefined) parts.push(`env ${spec.env}${how.envValue ?? ''}`);
  const d = key === 'retentionMs' ? kStoreDefaults.retentionMs.default : spec.default;
  if (how.defaultText !== undefined) parts.push(`default ${how.defaultText}`);
  else if (typeof d === 'number' || typeof d === 'string') parts.push(`default ${d}`);
  return parts.join('; ');
}

/** Config files looked for in the working directory, in this order. */
export const kConfigFileNames = ['runbus.config.json', 'runbus.config.yaml', 'runbus.config.yml'] as const;

/**
 * RUNBUS_* variables that are not settings of the command but are read
 * elsewhere (so they draw no "unknown variable" warning).
 */
export const kOtherEnv = ['RUNBUS_CONFIG', 'RUNBUS_RUN_ID', 'RUNBUS_PARENT_RUN'] as const;

function bad(where: string, what: string, v: unknown): ConfigError {
  return new ConfigError('ERR_CONFIG_VALUE', `${where} must be ${what} (got ${describe(v)})`);
}

/** Checks one value against its key's kind; `fromText` parses strings (flags, env). */
function checkValue(key: ConfigKey, v: unknown, where: string, fromText: boolean): unknown {
  const kind = kConfigSpec[key].kind;
  switch (kind.type) {
    case 'string':
      if (typeof v !== 'string' || v === '') throw bad(where, 'a non-empty string', v);
      return v;
    case 'bool':
      if (typeof v === 'boolean') return v;
      if (fromText && typeof v === 'string') {
        const s = v.trim().toLowerCase();
        if (['1', 'true', 'yes', 'on'].includes(s)) return true;
        if (['0', 'false', 'no', 'off', ''].includes(s)) return false;
      }
      throw bad(where, fromText ? 'true or false (or 1/0, yes/no, on/off)' : 'true or false', v);
    case 'int': {
      let n: unknown = v;
      if (fromText && typeof v === 'string') n = /^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN;
      if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < kind.min || n > kind.max) {
        throw bad(where, `an integer from ${kind.min} to ${kind.max}`, v);
      }
      return n;
    }
    case 'socket':
      if (typeof v === 'boolean' && !fromText) return v;
      if (typeof v !== 'string' || v === '') throw bad(where, fromText ? 'a socket path' : 'a socket path, true or false', v);
      return v;
    case 'alerts':
      if (fromText) throw new ConfigError('ERR_CONFIG_VALUE', `${where}: alert rules can only be set in the config file`);
      return checkAlerts(v, where);
    default: {
      const never: never = kind;
      throw new TypeError(`unknown config kind ${JSON.stringify(never)}`);
    }
  }
}

const kAlertsKeys = ['rules', 'defaults'] as const;

/**
 * The `alerts` value of a config file: a list of rules, or
 * `{ rules?: [...], defaults?: boolean }`. A bad rule is a ConfigError that
 * keeps the AlertRuleError's message (naming the rule and the field) and
 * has it as its cause.
 */
function checkAlerts(v: unknown, where: string): AlertsConfig {
  let rulesValue: unknown = v;
  let defaults = true;
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    for (const key of Object.keys(o)) {
      if (!(kAlertsKeys as readonly string[]).includes(key)) {
        const s = suggest(key, kAlertsKeys);
        throw new ConfigError(
          'ERR_CONFIG_KEY',
          `${where}: unknown key "${key}"${s === undefined ? '' : ` (did you mean "${s}"?)`}; expected a list of rules or { rules: [...], defaults: true|false }`,
        );
      }
    }
    if (o.defaults !== undefined && o.defaults !== null) {
      if (typeof o.defaults !== 'boolean') throw bad(`${where}.defaults`, 'true or false', o.defaults);
      defaults = o.defaults;
    }
    rulesValue = o.rules ?? [];
  }
  if (!Array.isArray(rulesValue)) {
    throw bad(where, 'a list of alert rules or { rules: [...], defaults: true|false }', v);
  }
  try {
    return { rules: parseAlertRules(rulesValue), defaults };
  } catch (err) {
    if (err instanceof RunbusError) throw new ConfigError('ERR_CONFIG_VALUE', `${where}: ${err.message}`, { cause: err });
    throw err;
  }
}

/** Finds the config file: an explicit path (flag or RUNBUS_CONFIG), else one of kConfigFileNames in `cwd`. */
export function findConfigFile(explicit: string | undefined, cwd: string): string | undefined {
  if (explicit !== undefined) {
    const p = isAbsolute(explicit) ? explicit : resolve(cwd, explicit);
    if (!existsSync(p)) throw new ConfigError('ERR_CONFIG_FILE', `config file ${JSON.stringify(explicit)} does not exist`);
    return p;
  }
  const found = kConfigFileNames.map((n) => join(cwd, n)).filter((p) => existsSync(p));
  if (found.length > 1) {
    throw new ConfigError('ERR_CONFIG_FILE', `both ${found.map((f) => JSON.stringify(f)).join(' and ')} exist; keep one, or choose with --config FILE`);
  }
  return found[0];
}

/** Reads and validates a config file (JSON, or YAML by its extension). */
export function readConfigFile(path: string): Partial<RunbusConfig> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError('ERR_CONFIG_FILE', `config file ${JSON.stringify(path)} cannot be read: ${(err as Error).message}`, { cause: err });
  }
  let data: unknown;
  try {
    data = /\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text);
  } catch (err) {
    throw new ConfigError('ERR_CONFIG_FILE', `config file ${JSON.stringify(path)} does not parse: ${(err as Error).message}`, { cause: err });
  }
  // A YAML file with nothing but comments or blank lines holds no settings;
  // an explicit `null` (or `~`) is a mistake worth naming, not "no settings".
  if ((data === null || data === undefined) && text.split(/\r?\n/).every((l) => /^\s*(#.*)?$/.test(l))) return {};
  if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError('ERR_CONFIG_FILE', `config file ${JSON.stringify(path)} must hold an object of settings (got ${describe(data)})`);
  }
  const out: Partial<Record<ConfigKey, unknown>> = {};
  for (const [k, v] of Object.entries(data)) {
    if (!(kConfigKeys as string[]).includes(k)) {
      const s = suggest(k, kConfigKeys);
      throw new ConfigError(
        'ERR_CONFIG_KEY',
        `config file ${JSON.stringify(path)}: unknown key "${k}"${s === undefined ? '' : ` (did you mean "${s}"?)`}; known keys: ${kConfigKeys.join(', ')}`,
      );
    }
    if (v === null) continue; // an explicit null means "the default"
    out[k as ConfigKey] = checkValue(k as ConfigKey, v, `config file ${JSON.stringify(path)}: ${k}`, false);
  }
  return out as Partial<RunbusConfig>;
}

/** The settings found in the environment, validated, and warnings about unknown RUNBUS_* names. */
export function readConfigEnv(env: NodeJS.ProcessEnv): { values: Partial<RunbusConfig>; warnings: string[] } {
  const values: Partial<Record<ConfigKey, unknown>> = {};
  const byEnv = new Map<string, ConfigKey>();
  for (const k of kConfigKeys) {
    const name = kConfigSpec[k].env;
    if (name !== undefined) byEnv.set(name, k);
  }
  const warnings: string[] = [];
  const knownNames = [...byEnv.keys(), ...kOtherEnv];
  for (const [name, raw] of Object.entries(env)) {
    if (!name.startsWith('RUNBUS_') || raw === undefined) continue;
    const key = byEnv.get(name);
    if (key === undefined) {
      if (!knownNames.includes(name)) {
        const s = suggest(name, knownNames);
        warnings.push(`runbus: ignoring unknown environment variable ${name}${s === undefined ? '' : ` (did you mean ${s}?)`}`);
      }
      continue;
    }
    if (raw === '') continue; // VAR= means unset, as in most tools
    values[key] = checkValue(key, raw, `environment variable ${name}`, true);
  }
  return { values: values as Partial<RunbusConfig>, warnings };
}

/** Validates a value given as a command-line flag. */
export function checkFlagValue<K extends ConfigKey>(key: K, raw: unknown): RunbusConfig[K] {
  return checkValue(key, raw, kConfigSpec[key].flag, true) as RunbusConfig[K];
}

export interface LoadConfigOptions {
  /** Settings from flags, already validated with checkFlagValue(). */
  flags?: Partial<RunbusConfig>;
  /** Explicit config file (--config). @default RUNBUS_CONFIG, else a file in cwd */
  configFile?: string;
  /** @default process.env */
  env?: NodeJS.ProcessEnv;
  /** @default process.cwd() */
  cwd?: string;
}

/**
 * Resolves every setting: flags > environment > config file > defaults.
 * Throws ConfigError naming the source of a bad value or an unknown key.
 */
export function loadConfig(options: LoadConfigOptions = {}): ResolvedConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const explicit = options.configFile ?? (env.RUNBUS_CONFIG === '' ? undefined : env.RUNBUS_CONFIG);
  const file = findConfigFile(explicit, cwd);
  const fromFile = file === undefined ? {} : readConfigFile(file);
  const { values: fromEnv, warnings } = readConfigEnv(env);
  const flags = options.flags ?? {};
  const values: Record<string, unknown> = {};
  const sources: Partial<Record<ConfigKey, ConfigSource>> = {};
  for (const k of kConfigKeys) {
    const layers: [ConfigSource, unknown][] = [['flag', flags[k]], ['env', fromEnv[k]], ['file', fromFile[k]]];
    const hit = layers.find(([, v]) => v !== undefined);
    values[k] = hit === undefined ? kConfigDefaults[k] : hit[1];
    sources[k] = hit === undefined ? 'default' : hit[0];
  }
  return { values: values as unknown as RunbusConfig, sources: sources as Record<ConfigKey, ConfigSource>, file, warnings };
}

/** The settings library code takes from the environment when its caller gives none. */
export interface LibraryEnv {
  /** RUNBUS_SAMPLE_INTERVAL_MS */
  readonly intervalMs?: number;
  /** RUNBUS_RETENTION_MS */
  readonly retentionMs?: number;
  /** RUNBUS_METRICS_PORT */
  readonly metricsPort?: number;
  /** RUNBUS_TOKEN */
  readonly token?: string;
  /** RUNBUS_RUN_ID (set by `runbus run` for the command it runs) */
  readonly runId?: string;
}

const kLibraryKeys = ['intervalMs', 'retentionMs', 'metricsPort', 'token'] as const satisfies readonly ConfigKey[];

/**
 * The RUNBUS_* variables `createHub()` and `track()` honour, parsed and
 * checked by the same code as the command's (`VAR=` means unset). The only
 * place outside the command where the environment is read: everything below
 * takes plain values. A bad value is a ConfigError naming the variable.
 */
export function readLibraryEnv(env: NodeJS.ProcessEnv = process.env): LibraryEnv {
  const out: Record<string, unknown> = {};
  for (const key of kLibraryKeys) {
    const name = kConfigSpec[key].env!;
    const raw = env[name];
    if (raw !== undefined && raw !== '') out[key] = checkValue(key, raw, `environment variable ${name}`, true);
  }
  const runId = runIdFromEnv(env);
  if (runId !== undefined) out.runId = runId;
  return out;
}

/** RUNBUS_RUN_ID, the run a process belongs to (`runbus run` sets it); `VAR=` means unset. */
export function runIdFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const runId = env.RUNBUS_RUN_ID;
  return runId === undefined || runId === '' ? undefined : runId;
}

/**
 * The socket a command uses, from the `socket` setting: a path (relative to
 * `cwd`), `true` for the bus's default path, `false` for none. `runbus hub`
 * and `runbus watch` always use one (`socket || true`).
 */
export function socketPathOf(socket: string | true, cwd: string): string;
export function socketPathOf(socket: string | boolean, cwd: string): string | false;
export function socketPathOf(socket: string | boolean, cwd: string): string | false {
  if (socket === false) return false;
  return socket === true ? defaultSocketPath() : resolve(cwd, socket);
}
