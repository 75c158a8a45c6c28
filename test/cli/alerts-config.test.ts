// Alert rules from the config file (`alerts`), through the built CLI:
// validation at config load, the rules running in `runbus run`, and
// `runbus export --format prom-rules`.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AlertRuleError } from '../../src/alerts/index.js';
import { ConfigError, kConfigDefaults, loadConfig } from '../../src/config/index.js';
import { useTmpDir } from '../support/tmp.js';
import { cleanEnv, kFixtures, runCli } from './cli-helper.js';

const tmpRoot = useTmpDir();
const tmp = (): string => mkdtempSync(join(tmpRoot(), 'd-'));

const kAlways = join(kFixtures, 'alerts-always.yaml');
const kBadField = join(kFixtures, 'alerts-bad-field.yaml');
const kNoDefaults = join(kFixtures, 'alerts-no-defaults.json');
/** A command that publishes nothing and burns a little CPU. */
const kBurn = ['node', '-e', 'const t = Date.now(); let x = 0; while (Date.now() - t < 300) x++;'];

const kHavePromtool = spawnSync('promtool', ['--version'], { stdio: 'ignore' }).status === 0;
const kNeedsPrometheus = '(skipped: promtool not found; install the Debian package "prometheus")';

interface AlertRowLite {
  rule: string;
  severity: string;
  state: string;
  value: number;
  message: string;
}

function alertRows(db: string): AlertRowLite[] {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare('SELECT rule, severity, state, value, message FROM alerts').all() as AlertRowLite[];
  } finally {
    d.close();
  }
}

describe('the alerts config key', () => {
  it('defaults to no rules of its own, the built-in ones on', () => {
    expect(kConfigDefaults.alerts).toEqual({ rules: [], defaults: true });
    const c = loadConfig({ env: {}, cwd: tmp() });
    expect(c.values.alerts).toEqual({ rules: [], defaults: true });
    expect(c.sources.alerts).toBe('default');
  });

  it('takes { rules, defaults } or a bare list, validated by parseAlertRules', () => {
    const a = loadConfig({ env: {}, cwd: tmp(), configFile: kAlways });
    expect(a.sources.alerts).toBe('file');
    expect(a.values.alerts.defaults).toBe(true);
    expect(a.values.alerts.rules).toEqual([expect.objectContaining({ name: 'cpus_present', source: 'host', field: 'cpu_count', op: '>', threshold: 0, severityName: 'critical' })]);

    const n = loadConfig({ env: {}, cwd: tmp(), configFile: kNoDefaults });
    expect(n.values.alerts.defaults).toBe(false);
    expect(n.values.alerts.rules.map((r) => r.name)).toEqual(['load_high', 'trainer_rss_high']);
    expect(n.values.alerts.rules[1]).toMatchObject({ forMs: 30_000, component: 'trainer' });

    const dir = tmp();
    writeFileSync(join(dir, 'runbus.config.json'), JSON.stringify({ alerts: [{ name: 'rss_leak', disabled: true }] }));
    const l = loadConfig({ env: {}, cwd: dir });
    expect(l.values.alerts).toEqual({ rules: [expect.objectContaining({ name: 'rss_leak', disabled: true })], defaults: true });

    writeFileSync(join(dir, 'runbus.config.json'), JSON.stringify({ alerts: null, db: 'x.db' }));
    expect(loadConfig({ env: {}, cwd: dir }).values.alerts).toEqual({ rules: [], defaults: true });
  });

  it('a bad rule is a ConfigError naming the file, the rule and the field, keeping the alert error', () => {
    let err: unknown;
    try {
      loadConfig({ env: {}, cwd: tmp(), configFile: kBadField });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const e = err as ConfigError;
    expect(e.code).toBe('ERR_CONFIG_VALUE');
    expect(e.message).toContain(`config file ${JSON.stringify(kBadField)}: alerts: alert rule "cpus_present": field must be one of`);
    expect(e.message).toContain('(got "cpu_cont"); did you mean "cpu_count"?');
    expect(e.cause).toBeInstanceOf(AlertRuleError);
    expect(e.cause).toMatchObject({ rule: 'cpus_present', field: 'field' });
    expect(e.message).toContain((e.cause as Error).message);
  });

  it('rejects a wrong shape, an unknown key beside rules, a non-boolean defaults and duplicate names', () => {
    const dir = tmp();
    const file = join(dir, 'runbus.config.yaml');
    const load = (text: string) => {
      writeFileSync(file, text);
      return () => loadConfig({ env: {}, cwd: dir });
    };
    expect(load('alerts: yes\n')).toThrow(/alerts must be a list of alert rules or \{ rules: \[\.\.\.\], defaults: true\|false \} \(got "yes"\)/);
    expect(load('alerts:\n  default: false\n')).toThrow(/alerts: unknown key "default" \(did you mean "defaults"\?\)/);
    expect(load('alerts:\n  defaults: "no"\n')).toThrow(/alerts\.defaults must be true or false \(got "no"\)/);
    expect(load('alerts:\n  rules: { name: x }\n')).toThrow(/alerts must be a list of alert rules/);
    expect(load('alerts:\n  - { name: a, source: host, field: load1, threshold: 1 }\n  - { name: a, source: host, field: load5, threshold: 1 }\n')).toThrow(
      /alerts: alert rule "a": defined twice/,
    );
    expect(load('alerts:\n  - { name: a, source: host, field: load1, treshold: 1 }\n')).toThrow(/alert rule "a": treshold is not a known field \(did you mean "threshold"\?\)/);
  });

  it('is a config file setting only: no RUNBUS_ALERTS variable', () => {
    const c = loadConfig({ env: { RUNBUS_ALERTS: '[]' }, cwd: tmp() });
    expect(c.warnings).toEqual([expect.stringContaining('ignoring unknown environment variable RUNBUS_ALERTS')]);
    expect(c.values.alerts).toEqual({ rules: [], defaults: true });
  });
});

describe('runbus run with alert rules from the config file', () => {
  it('a custom rule fires: the alerts rows hold it and the summary lists it', async () => {
    const dir = tmp();
    const r = await runCli(['run', '--config', kAlways, '--interval', '100', '--', ...kBurn], { cwd: dir });
    expect(r.stderr).not.toContain('runbus: config');
    expect(r.code).toBe(0);
    const rows = alertRows(join(dir, 'runbus.db'));
    const mine = rows.filter((a) => a.rule === 'cpus_present');
    expect(mine).toHaveLength(1); // deduplicated: one firing for the host series
    expect(mine[0]).toMatchObject({ severity: 'critical', state: 'firing' });
    expect(mine[0]!.value).toBeGreaterThan(0);
    expect(mine[0]!.message).toMatch(/^host has \d+(\.\d+)? CPUs \(> 0\)$/);
    expect(r.stderr).toMatch(/alerts\s+\d+/);
    expect(r.stderr).toMatch(/CRITICAL cpus_present\s+firing\s+host has/);
  });

  it('runbus.config.json in the working directory is picked up too (defaults off, --summary-json)', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'runbus.config.json'), JSON.stringify({ alerts: { defaults: false, rules: [{ name: 'loaded', source: 'host', field: 'mem_total_bytes', threshold: 0 }] } }));
    const r = await runCli(['run', '--interval', '100', '--summary-json', '--', ...kBurn], { cwd: dir });
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stderr.trim().split('\n').at(-1)!) as { alerts: { rule: string }[] };
    expect(summary.alerts.map((a) => a.rule)).toContain('loaded');
    expect(alertRows(join(dir, 'runbus.db')).map((a) => a.rule)).toContain('loaded');
  });

  it('a misspelled field: exit 2 naming the rule, the field and the file; nothing run, no database', async () => {
    const dir = tmp();
    const cfg = join(dir, 'rules.yaml');
    copyFileSync(kBadField, cfg);
    const r = await runCli(['run', '--config', 'rules.yaml', '--', 'touch', 'ran'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`config file ${JSON.stringify(cfg)}`);
    expect(r.stderr).toContain('alert rule "cpus_present": field must be one of');
    expect(r.stderr).toContain('(got "cpu_cont"); did you mean "cpu_count"?');
    expect(existsSync(join(dir, 'ran'))).toBe(false);
    expect(existsSync(join(dir, 'runbus.db'))).toBe(false);
    // Every command loads the config: the same error for the others.
    const h = await runCli(['runs', '--config', 'rules.yaml'], { cwd: dir });
    expect(h.code).toBe(2);
    expect(h.stderr).toContain('alert rule "cpus_present"');
  });
});

describe('runbus export --format prom-rules', () => {
  it('writes the config rules plus the built-in ones, reads no database', async () => {
    const dir = tmp();
    const r = await runCli(['export', '--format', 'prom-rules', '--config', kAlways], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Prometheus alerting rules generated by runbus/);
    expect(r.stdout).toContain('- alert: cpus_present');
    expect(r.stdout).toContain('expr: runbus_host_cpus > 0');
    for (const name of ['host_memory_high', 'rss_leak', 'orphan_processes', 'orphaned_containers', 'event_loop_lag', 'samples_dropped']) expect(r.stdout).toContain(`- alert: ${name}`);
    expect(existsSync(join(dir, 'runbus.db'))).toBe(false);
  });

  it('defaults: false leaves the built-in rules out; --out writes the file whole', async () => {
    const dir = tmp();
    const r = await runCli(['export', '--format', 'prom-rules', '--out', 'rules.yml', '--config', kNoDefaults], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const text = readFileSync(join(dir, 'rules.yml'), 'utf8');
    expect(text).toContain('- alert: load_high');
    expect(text).toContain('- alert: trainer_rss_high');
    expect(text).not.toContain('host_memory_high');
    expect(existsSync(join(dir, 'runbus.db'))).toBe(false);
  });

  it('with no config: the built-in rules', async () => {
    const r = await runCli(['export', '--format', 'prom-rules'], { cwd: tmp() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('- alert: host_memory_high');
  });

  it('--run, --last and --table do not apply (exit 2); a bad rule is exit 2 too', async () => {
    const dir = tmp();
    for (const extra of [['--run', 'x'], ['--last'], ['--table', 'alerts']]) {
      const r = await runCli(['export', '--format', 'prom-rules', ...extra], { cwd: dir });
      expect(r.code, extra.join(' ')).toBe(2);
      expect(r.stderr).toContain(`${extra[0]!} does not apply to --format prom-rules`);
    }
    const bad = await runCli(['export', '--format', 'prom-rules', '--out', 'r.yml', '--config', kBadField], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('alert rule "cpus_present": field');
    expect(existsSync(join(dir, 'r.yml'))).toBe(false);
  });

  it.skipIf(!kHavePromtool)(`the file passes promtool check rules ${kHavePromtool ? '' : kNeedsPrometheus}`, async () => {
    const dir = tmp();
    for (const [cfg, name] of [[kAlways, 'cpus_present'], [kNoDefaults, 'trainer_rss_high']] as const) {
      const out = join(dir, `${name}.yml`);
      const r = await runCli(['export', '--format', 'prom-rules', '--out', out, '--config', cfg], { cwd: dir, env: cleanEnv() });
      expect(r.code).toBe(0);
      const check = spawnSync('promtool', ['check', 'rules', out], { encoding: 'utf8' });
      expect(`${check.stdout}${check.stderr}`).toMatch(/SUCCESS: \d+ rules found/);
      expect(check.status).toBe(0);
      expect(readFileSync(out, 'utf8')).toContain(`- alert: ${name}`);
    }
  });
});
