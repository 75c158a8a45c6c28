import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, kConfigDefaults, loadConfig } from '../../src/config/index.js';
import { useTmpDir } from '../support/tmp.js';
import { cleanEnv, runCli } from './cli-helper.js';

const tmpRoot = useTmpDir();
/** A fresh directory inside the test's temp dir. */
const tmp = (): string => mkdtempSync(join(tmpRoot(), 'd-'));

describe('loadConfig: flags > environment > config file > defaults', () => {
  it('defaults with nothing set', () => {
    const c = loadConfig({ env: {}, cwd: tmp() });
    expect(c.values).toEqual(kConfigDefaults);
    expect(c.file).toBeUndefined();
    expect(Object.values(c.sources).every((s) => s === 'default')).toBe(true);
  });

  it('each layer wins over the ones below it, key by key', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'runbus.config.json'), JSON.stringify({ db: 'file.db', intervalMs: 500, orphanGraceMs: 100, killOrphans: true }));
    const c = loadConfig({ env: { RUNBUS_DB: 'env.db', RUNBUS_SAMPLE_INTERVAL_MS: '250' }, cwd: dir, flags: { db: 'flag.db' } });
    expect(c.values.db).toBe('flag.db');
    expect(c.values.intervalMs).toBe(250);
    expect(c.values.orphanGraceMs).toBe(100);
    expect(c.values.killOrphans).toBe(true);
    expect(c.values.quiet).toBe(false);
    expect(c.sources).toMatchObject({ db: 'flag', intervalMs: 'env', orphanGraceMs: 'file', quiet: 'default' });
  });

  it('reads YAML, and --config / RUNBUS_CONFIG choose the file', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'other.yaml'), 'db: yaml.db\nintervalMs: 2000\nsocket: true\n');
    expect(loadConfig({ env: {}, cwd: dir, configFile: 'other.yaml' }).values).toMatchObject({ db: 'yaml.db', intervalMs: 2000, socket: true });
    expect(loadConfig({ env: { RUNBUS_CONFIG: 'other.yaml' }, cwd: dir }).values.db).toBe('yaml.db');
    writeFileSync(join(dir, 'runbus.config.yaml'), 'quiet: true\n');
    expect(loadConfig({ env: {}, cwd: dir }).values.quiet).toBe(true);
  });

  it('unknown or misspelled keys are rejected with a suggestion', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'runbus.config.json'), JSON.stringify({ intervalMS: 100 }));
    expect(() => loadConfig({ env: {}, cwd: dir })).toThrow(/unknown key "intervalMS" \(did you mean "intervalMs"\?\)/);
    try {
      loadConfig({ env: {}, cwd: dir });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).code).toBe('ERR_CONFIG_KEY');
    }
  });

  it('bad values name the key or variable and the value', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'runbus.config.json'), JSON.stringify({ intervalMs: '100' }));
    expect(() => loadConfig({ env: {}, cwd: dir })).toThrow(/runbus.config.json": intervalMs must be an integer from 10 to 3600000 \(got "100"\)/);
    expect(() => loadConfig({ env: { RUNBUS_SAMPLE_INTERVAL_MS: 'soon' }, cwd: tmp() })).toThrow(
      'environment variable RUNBUS_SAMPLE_INTERVAL_MS must be an integer from 10 to 3600000 (got "soon")',
    );
    expect(() => loadConfig({ env: { RUNBUS_KILL_ORPHANS: 'maybe' }, cwd: tmp() })).toThrow(/RUNBUS_KILL_ORPHANS must be true or false/);
    expect(() => loadConfig({ env: { RUNBUS_METRICS_PORT: '99999' }, cwd: tmp() })).toThrow(/RUNBUS_METRICS_PORT must be an integer from 0 to 65535/);
  });

  it('a file that does not parse, or two config files, is an error naming them', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'runbus.config.json'), '{ "db": ');
    expect(() => loadConfig({ env: {}, cwd: dir })).toThrow(/does not parse/);
    writeFileSync(join(dir, 'runbus.config.yaml'), 'db: x.db\n');
    expect(() => loadConfig({ env: {}, cwd: dir })).toThrow(/both .* exist/);
    expect(() => loadConfig({ env: {}, cwd: tmp(), configFile: 'nope.json' })).toThrow(/does not exist/);
  });

  it('an unknown RUNBUS_* variable draws a warning with a suggestion, not an error', () => {
    const c = loadConfig({ env: { RUNBUS_INTERVAL_MS: '5' }, cwd: tmp() });
    expect(c.warnings).toEqual([expect.stringContaining('ignoring unknown environment variable RUNBUS_INTERVAL_MS')]);
  });
});

describe('the built CLI applies the precedence', () => {
  it('flag over env over file: the database each run writes', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'runbus.config.yaml'), 'db: from-file.db\n');
    expect((await runCli(['run', '-q', '--', 'true'], { cwd: dir })).code).toBe(0);
    expect(existsSync(join(dir, 'from-file.db'))).toBe(true);
    expect((await runCli(['run', '-q', '--', 'true'], { cwd: dir, env: cleanEnv({ RUNBUS_DB: 'from-env.db' }) })).code).toBe(0);
    expect(existsSync(join(dir, 'from-env.db'))).toBe(true);
    expect((await runCli(['run', '-q', '--db', 'from-flag.db', '--', 'true'], { cwd: dir, env: cleanEnv({ RUNBUS_DB: 'from-env.db' }) })).code).toBe(0);
    expect(existsSync(join(dir, 'from-flag.db'))).toBe(true);
    expect(existsSync(join(dir, 'runbus.db'))).toBe(false);
    const runs = await runCli(['runs', '--json'], { cwd: dir, env: cleanEnv({ RUNBUS_DB: 'from-env.db' }) });
    expect(JSON.parse(runs.stdout)).toHaveLength(1);
  });

  it('a bad config file or environment value: exit 2 naming it, the command not run', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'runbus.config.json'), JSON.stringify({ killOrphan: true }));
    const r = await runCli(['run', '--', 'touch', 'ran'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown key "killOrphan" (did you mean "killOrphans"?)');
    const e = await runCli(['runs'], { cwd: tmp(), env: cleanEnv({ RUNBUS_SAMPLE_INTERVAL_MS: 'x' }) });
    expect(e.code).toBe(2);
    expect(e.stderr).toContain('RUNBUS_SAMPLE_INTERVAL_MS');
    expect(existsSync(join(dir, 'ran'))).toBe(false);
    expect(existsSync(join(dir, 'runbus.db'))).toBe(false);
  });
});
