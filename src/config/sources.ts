// Where settings come from: the config file, RUNBUS_* variables, and the
// few variables library code reads when its caller gives nothing.

import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
// socket-path.js, not the remote index: --help should not load the socket code.
import { defaultSocketPath } from '../bus/remote/socket-path.js';
import { describe, suggest } from '../options.js';
import { checkValue, ConfigError, kConfigDefaults, kConfigKeys, kConfigSpec } from './config.js';
import type { ConfigKey, ConfigSource, ResolvedConfig, RunbusConfig } from './config.js';

/** Config files looked for in the working directory, in this order. */
export const kConfigFileNames = ['runbus.config.json', 'runbus.config.yaml', 'runbus.config.yml'] as const;

/**
 * RUNBUS_* variables that are not settings of the command but are read
 * elsewhere (so they draw no "unknown variable" warning).
 */
export const kOtherEnv = ['RUNBUS_CONFIG', 'RUNBUS_RUN_ID', 'RUNBUS_PARENT_RUN', 'RUNBUS_CONTAINER_LABEL'] as const;

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
  /** RUNBUS_REMOTE_WRITE_URL, with RUNBUS_REMOTE_WRITE_BEARER_TOKEN or _USERNAME and _PASSWORD */
  readonly remoteWrite?: { urls: string[]; bearerToken?: string; basicAuth?: { username: string; password: string } };
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
  const urls = env.RUNBUS_REMOTE_WRITE_URL;
  if (urls !== undefined && urls !== '') {
    const token = env.RUNBUS_REMOTE_WRITE_BEARER_TOKEN;
    const user = env.RUNBUS_REMOTE_WRITE_USERNAME;
    out.remoteWrite = {
      urls: checkValue('remoteWrite', urls, 'environment variable RUNBUS_REMOTE_WRITE_URL', true),
      ...(token !== undefined && token !== '' ? { bearerToken: token }
        : user !== undefined && user !== '' ? { basicAuth: { username: user, password: env.RUNBUS_REMOTE_WRITE_PASSWORD ?? '' } } : {}),
    };
  }
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
