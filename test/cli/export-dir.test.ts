// The final export of the built CLI: --export-dir / RUNBUS_EXPORT_DIR /
// the config's exportDir, written when `runbus run` or `runbus hub` stops.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { useTmpDir, waitFor } from '../support/tmp.js';
import { alertStored, cleanEnv, kFixtures, runCli, startCli } from './cli-helper.js';

const tmp = useTmpDir();
const kBurn = ['node', '-e', 'const t = Date.now(); let x = 0; while (Date.now() - t < 300) x++;'];

interface FinalJson {
  version: number;
  runId: string;
  alerts: { firing: { rule: string }[] };
  metrics: { name: string }[];
}

function readFinal(dir: string): { json: FinalJson; text: string } {
  expect(readdirSync(dir).sort()).toEqual(['metrics_final.json', 'prometheus_metrics_final.txt']);
  return {
    json: JSON.parse(readFileSync(join(dir, 'metrics_final.json'), 'utf8')) as FinalJson,
    text: readFileSync(join(dir, 'prometheus_metrics_final.txt'), 'utf8'),
  };
}

function lastRunId(db: string): string {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare('SELECT run_id FROM runs ORDER BY started_at_ms DESC LIMIT 1').get() as { run_id: string }).run_id;
  } finally {
    d.close();
  }
}

describe('the exportDir setting', () => {
  it('comes from the flag, RUNBUS_EXPORT_DIR or the config file, in that order', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'runbus.config.json'), JSON.stringify({ exportDir: 'from-file' }));
    expect(loadConfig({ env: {}, cwd: dir }).values.exportDir).toBe('from-file');
    expect(loadConfig({ env: { RUNBUS_EXPORT_DIR: 'from-env' }, cwd: dir }).values.exportDir).toBe('from-env');
    expect(loadConfig({ env: { RUNBUS_EXPORT_DIR: 'from-env' }, cwd: dir, flags: { exportDir: 'from-flag' } }).values.exportDir).toBe('from-flag');
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    expect(loadConfig({ env: {}, cwd: empty }).values.exportDir).toBeUndefined();
    expect(() => loadConfig({ env: { RUNBUS_EXPORT_DIR: '' }, cwd: empty })).not.toThrow();
    writeFileSync(join(empty, 'runbus.config.json'), JSON.stringify({ exportDir: '' }));
    expect(() => loadConfig({ env: {}, cwd: empty })).toThrow(/exportDir must be a non-empty string \(got ""\)/);
  });
});

describe('runbus run --export-dir', () => {
  it('writes metrics_final.json and prometheus_metrics_final.txt when the run ends', async () => {
    const dir = tmp();
    const r = await runCli(['run', '-q', '--interval', '100', '--export-dir', 'final/out', '--config', join(kFixtures, 'alerts-always.yaml'), '--', ...kBurn], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const { json, text } = readFinal(join(dir, 'final', 'out'));
    const runId = lastRunId(join(dir, 'runbus.db'));
    expect(json.version).toBe(1);
    expect(json.runId).toBe(runId);
    expect(json.metrics.map((m) => m.name)).toContain('runbus_host_cpus');
    // The config's rule fired during the run and was still firing at the end.
    expect(json.alerts.firing.map((a) => a.rule)).toContain('cpus_present');
    expect(text).toContain(`runbus_host_cpus{run_id="${runId}"`);
    expect(text).toMatch(/runbus_alerts_firing\{[^}]*rule="cpus_present"[^}]*\} 1/);
  });

  it('RUNBUS_EXPORT_DIR works too, and the command\'s exit status is kept', async () => {
    const dir = tmp();
    const r = await runCli(['run', '-q', '--interval', '100', '--', 'node', '-e', 'process.exitCode = 3'], { cwd: dir, env: cleanEnv({ RUNBUS_EXPORT_DIR: join(dir, 'env-out') }) });
    expect(r.code).toBe(3);
    const { json } = readFinal(join(dir, 'env-out'));
    expect(json.runId).toBe(lastRunId(join(dir, 'runbus.db')));
  });

  it('an export directory that cannot be written: exit 1 before anything starts', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a-file'), '');
    for (const bad of ['a-file', 'a-file/below']) {
      const r = await runCli(['run', '--export-dir', bad, '--', 'touch', 'ran'], { cwd: dir });
      expect(r.code, bad).toBe(1);
      expect(r.stderr).toContain(`export directory ${JSON.stringify(bad)} cannot be written`);
    }
    expect(readdirSync(dir)).toEqual(['a-file']);
  });
});

describe('runbus hub --export-dir', () => {
  it('runs the config rules and writes the final export when SIGTERM stops it', async () => {
    const dir = tmp();
    const db = join(dir, 'hub.db');
    mkdirSync(join(dir, 'exp'));
    const hub = startCli(['hub', '--socket', join(dir, 'h.sock'), '--db', db, '--interval', '100', '--export-dir', 'exp', '--config', join(kFixtures, 'alerts-always.yaml')], { cwd: dir });
    let out = '';
    hub.child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    try {
      await waitFor(() => out.includes('listening on'), 20_000, 'the hub to listen');
      expect(out).toContain(`final metrics go to ${join(dir, 'exp')} when it stops`);
      // The rule breaches on the first host sample; wait for its row.
      await waitFor(() => alertStored(db, 'cpus_present'), 15_000, 'the cpus_present alert to be stored');
      expect(existsSync(join(dir, 'exp', 'metrics_final.json'))).toBe(false); // only at the end
    } finally {
      hub.child.kill('SIGTERM');
    }
    const r = await hub.done;
    expect(r.code).toBe(0);
    const { json, text } = readFinal(join(dir, 'exp'));
    expect(json.runId).toBe(lastRunId(db));
    expect(json.alerts.firing.map((a) => a.rule)).toContain('cpus_present');
    expect(text).toContain('runbus_host_cpus');
  });
});
