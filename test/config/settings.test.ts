// One settings table per module: each default and range is written once,
// the environment is read in src/config alone, and every layer (createHub,
// openStore, the config file, RUNBUS_*, flags, --help) agrees with it.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commandHelp, flagHelp, kCommands } from '../../src/cli/commands.js';
import { ConfigError, kConfigDefaults, kConfigSpec, loadConfig, readLibraryEnv } from '../../src/config/index.js';
import { kHeartbeatTicks, kHubDefaults, resolveHubOptions } from '../../src/hub/index.js';
import { kSamplerDefaults, resolveSamplerOptions } from '../../src/samplers/index.js';
import { kStoreDefaults, resolveStoreOptions } from '../../src/store/index.js';
import { quietBus } from '../export/helpers.js';

const kSrc = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'gen' ? [] : sources(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

function codeLines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => !/^\s*(?:\/\/|\*|\/\*)/.test(l));
}

describe('the settings tables', () => {
  it('the sampling interval: one default and one range for the sampler, createHub and the command', () => {
    const s = kSamplerDefaults.intervalMs;
    expect(kConfigDefaults.intervalMs).toBe(s.default);
    expect(kConfigSpec.intervalMs.kind).toEqual({ type: 'int', min: s.min, max: s.max });
    expect(resolveSamplerOptions({ bus: quietBus(), runId: 'r' }).intervalMs).toBe(s.default);
    expect(resolveHubOptions({}, {}).intervalMs).toBe(s.default);
    for (const bad of [s.min - 1, s.max + 1]) {
      expect(() => resolveSamplerOptions({ bus: quietBus(), runId: 'r', intervalMs: bad })).toThrow(`options.intervalMs must be from ${s.min} to ${s.max}`);
      expect(() => resolveHubOptions({ intervalMs: bad }, {})).toThrow(`options.intervalMs must be from ${s.min} to ${s.max}`);
      expect(() => loadConfig({ env: { RUNBUS_SAMPLE_INTERVAL_MS: String(bad) }, cwd: '/' })).toThrow(`from ${s.min} to ${s.max}`);
    }
  });

  it('retention: the same minimum in the store, createHub and the command', () => {
    const { min } = kStoreDefaults.retentionMs;
    expect(min).toBe(1000);
    expect(() => resolveStoreOptions({ path: 'x.db', retentionMs: min - 1 })).toThrow(RangeError);
    expect(() => resolveHubOptions({ retentionMs: min - 1 }, {})).toThrow(RangeError);
    expect(() => loadConfig({ env: { RUNBUS_RETENTION_MS: String(min - 1) }, cwd: '/' })).toThrow(ConfigError);
    expect(resolveStoreOptions({ path: 'x.db', retentionMs: min }).retentionMs).toBe(min);
    expect(resolveHubOptions({ retentionMs: min }, {}).retentionMs).toBe(min);
  });

  it('the hub resolves its own settings from its table', () => {
    const o = resolveHubOptions({}, {});
    expect(o.batchSize).toBe(kHubDefaults.batchSize.default);
    expect(o.batchAgeMs).toBe(kHubDefaults.batchAgeMs.default);
    expect(o.retryMs).toBe(kHubDefaults.retryMs.default);
    expect(o.closeTimeoutMs).toBe(kHubDefaults.closeTimeoutMs.default);
    expect(o.heartbeatIntervalMs).toBe(o.intervalMs * kHeartbeatTicks);
  });

  it('createHub takes RUNBUS_* through src/config: the same parser and message as the command', () => {
    const env = { RUNBUS_SAMPLE_INTERVAL_MS: 'soon' };
    const fromCommand = (() => {
      try {
        loadConfig({ env, cwd: '/' });
      } catch (err) {
        return err;
      }
      return undefined;
    })() as ConfigError;
    expect(fromCommand).toBeInstanceOf(ConfigError);
    expect(() => resolveHubOptions({}, env)).toThrow(fromCommand.message);
    expect(() => resolveHubOptions({}, env)).toThrow(ConfigError);
    // A value the caller gives wins over the environment, which is not even parsed.
    expect(resolveHubOptions({ intervalMs: 500 }, { RUNBUS_SAMPLE_INTERVAL_MS: '250' }).intervalMs).toBe(500);
    expect(resolveHubOptions({}, { RUNBUS_SAMPLE_INTERVAL_MS: '250', RUNBUS_RUN_ID: 'run-1', RUNBUS_TOKEN: 's' })).toMatchObject({
      intervalMs: 250,
      runId: 'run-1',
      token: 's',
    });
    // Library code works without any environment.
    expect(readLibraryEnv({})).toEqual({});
    expect(readLibraryEnv({ RUNBUS_RETENTION_MS: '', RUNBUS_RUN_ID: '' })).toEqual({});
  });

  it('the environment is read in src/config only', () => {
    const readers = sources(kSrc)
      .filter((f) => !relative(kSrc, f).startsWith('config/'))
      // Code lines that read RUNBUS_* from an environment object (writing one
      // for a child process, as `runbus run` does, is fine; comments too).
      .filter((f) => codeLines(f).some((l) => /env(?:\.RUNBUS_\w+\b|\[\s*['"]RUNBUS_\w+['"]\s*\])(?!\s*=[^=])/.test(l)))
      .map((f) => relative(kSrc, f));
    expect(readers).toEqual([]);
  });

  it('one stderr logger and one checkBool (src/options.ts)', () => {
    const copies = sources(kSrc)
      .filter((f) => relative(kSrc, f) !== 'options.ts')
      // src/bus/remote is being reworked on another branch; it moves to the shared logger there.
      .filter((f) => !relative(kSrc, f).startsWith('bus/remote/'))
      .filter((f) => /process\.stderr\.write\(`\$\{m\}\\n`\)|function checkBool\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(kSrc, f));
    expect(copies).toEqual([]);
  });

  it('--help shows the range, variable and default from the table', () => {
    const run = kCommands.find((c) => c.name === 'run')!;
    const interval = run.flags.find((f) => f.name === 'interval')!;
    const s = kSamplerDefaults.intervalMs;
    expect(flagHelp(interval)).toBe(`${s.help} (${s.min} to ${s.max}; env RUNBUS_SAMPLE_INTERVAL_MS; default ${s.default})`);
    const help = commandHelp(run);
    for (const f of run.flags) {
      const env = f.config === undefined ? undefined : kConfigSpec[f.config].env;
      if (env !== undefined) expect(help, `--${f.name}`).toContain(`env ${env}`);
    }
  });
});
