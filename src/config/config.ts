import { parseAlertRules } from '../alerts/rules.js';
import type { AlertRule } from '../alerts/rules.js';
import { RunbusError } from '../errors.js';
import { checkRemoteUrl, describe, int, suggest } from '../options.js';
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
  // ─── remote write (docs/remote-write.md); secrets never from a flag ───
  /** Prometheus remote-write receivers. @default none */
  remoteWrite: string[];
  /** Files holding the bearer token, or `username:password`. @default none */
  remoteWriteBearerTokenFile: string | undefined;
  remoteWritePasswordFile: string | undefined;
  /** The credentials themselves (environment or config file only). @default none */
  remoteWriteBearerToken: string | undefined;
  remoteWriteUsername: string | undefined;
  remoteWritePassword: string | undefined;
  /** The remote_write_failing alert fires after failing this long, ms. @default 60000 */
  remoteWriteFailingAlertMs: number;
  /** Containers: a Docker filter (`label=app=sandbox`, `name=eval-`, `all`) of containers to watch. @default none */
  containers: string | undefined;
  /** Containers: stop and remove orphans at start and the run's leftovers at the end. @default false */
  cleanContainers: boolean;
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
  /** Remote-write URLs: a list (repeated flag, file list) or one string of them separated by commas or spaces. */
  | { type: 'urls' }
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
  // ─── remote write (docs/remote-write.md) ───
  remoteWrite: { kind: { type: 'urls' }, env: 'RUNBUS_REMOTE_WRITE_URL', flag: '--remote-write', default: [], help: 'push everything stored to this Prometheus remote-write receiver; repeatable' },
  remoteWriteBearerTokenFile: { kind: { type: 'string' }, env: 'RUNBUS_REMOTE_WRITE_BEARER_TOKEN_FILE', flag: '--remote-write-bearer-token-file', default: undefined, help: 'bearer token for remote write, read from FILE' },
  remoteWritePasswordFile: { kind: { type: 'string' }, env: 'RUNBUS_REMOTE_WRITE_PASSWORD_FILE', flag: '--remote-write-password-file', default: undefined, help: 'basic auth for remote write, "username:password" read from FILE' },
  remoteWriteBearerToken: { kind: { type: 'string' }, env: 'RUNBUS_REMOTE_WRITE_BEARER_TOKEN', flag: '(no flag: keep secrets off the command line)', default: undefined, help: 'bearer token for remote write' },
  remoteWriteUsername: { kind: { type: 'string' }, env: 'RUNBUS_REMOTE_WRITE_USERNAME', flag: '(no flag: keep secrets off the command line)', default: undefined, help: 'basic-auth user for remote write' },
  remoteWritePassword: { kind: { type: 'string' }, env: 'RUNBUS_REMOTE_WRITE_PASSWORD', flag: '(no flag: keep secrets off the command line)', default: undefined, help: 'basic-auth password for remote write' },
  remoteWriteFailingAlertMs: { kind: { type: 'int', min: 0, max: 7 * 86_400_000 }, env: 'RUNBUS_REMOTE_WRITE_FAILING_ALERT_MS', flag: '(no flag)', default: 60_000, help: 'the remote_write_failing alert fires after failing this long, ms' },
  containers: { kind: { type: 'string' }, env: 'RUNBUS_CONTAINERS', flag: '--containers', default: undefined, help: 'Docker containers to watch: a Docker filter or all (docs/containers.md)' },
  cleanContainers: { kind: { type: 'bool' }, env: 'RUNBUS_CLEAN_CONTAINERS', flag: '--clean-containers', default: false, help: 'stop and remove orphaned containers at start and the run\'s leftovers at the end' },
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

function bad(where: string, what: string, v: unknown): ConfigError {
  return new ConfigError('ERR_CONFIG_VALUE', `${where} must be ${what} (got ${describe(v)})`);
}

/** Checks one value against its key's kind; `fromText` parses strings (flags, env). */
export function checkValue(key: ConfigKey, v: unknown, where: string, fromText: boolean): unknown {
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
    case 'urls': {
      const list = typeof v === 'string' ? v.split(/[\s,]+/).filter((u) => u !== '') : v;
      if (!Array.isArray(list) || list.some((u) => typeof u !== 'string')) throw bad(where, 'a URL or a list of URLs', v);
      try {
        return [...new Set(list.map((u: string) => checkRemoteUrl(u)))];
      } catch (err) {
        throw new ConfigError('ERR_CONFIG_VALUE', `${where}: ${(err as Error).message}`, { cause: err });
      }
    }
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

/** Validates a value given as a command-line flag. */
export function checkFlagValue<K extends ConfigKey>(key: K, raw: unknown): RunbusConfig[K] {
  return checkValue(key, raw, kConfigSpec[key].flag, true) as RunbusConfig[K];
}
