import { kOverflowPolicies, resolveRunBusOptions } from '../bus/index.js';
import type { Logger, OverflowPolicy, RunBusOptions } from '../bus/index.js';
import { checkInt, checkKeys, checkObject, checkOneOf, checkString, describe } from '../options.js';
import type { GpuOptions } from '../samplers/index.js';
import type { HubAlertsOptions, HubMetricsOptions } from '../export/index.js';
import { resolveContainersOptions } from '../containers/index.js';
import type { HubContainersOptions, ResolvedContainersOptions } from '../containers/index.js';

export const kDefaultDbPath = './runbus.db';
export const kDefaultBatchSize = 1000;
export const kDefaultBatchAgeMs = 200;
export const kDefaultPendingCapacity = 100_000;
export const kDefaultRetryMs = 1000;
export const kDefaultCloseTimeoutMs = 10_000;

export interface HubOptions {
  /**
   * SQLite file for the history, or false to keep none (bus and exporters only).
   * @default './runbus.db'
   */
  db?: string | false;
  /**
   * The run's id. @default `RUNBUS_RUN_ID`, else generated: `<yyyymmdd-hhmmss>-<6 hex>`
   */
  runId?: string;
  /** The command this run monitors, recorded in `runs`. @default the process's argv */
  command?: string;
  /**
   * Sampling cadence in ms. @default `RUNBUS_SAMPLE_INTERVAL_MS`, else 1000
   */
  intervalMs?: number;
  /**
   * Unix socket for remote buses: a path, true for the default path, or false for none.
   * @default false
   */
  socket?: string | boolean;
  /** Shared secret remote buses must present. @default `RUNBUS_TOKEN`, else none */
  token?: string;
  /**
   * Component tag of this process, which the hub samples too; false to leave it out.
   * @default 'app'
   */
  self?: string | false;
  /** Sample the host each tick. @default true */
  host?: boolean;
  /** Mounts whose usage is sampled. @default ['/'] */
  disks?: string[];
  /** NVIDIA GPU sampling. @default true (turns itself off without nvidia-smi) */
  gpu?: boolean | GpuOptions;
  /** Envelopes per store write. @default 1000 */
  batchSize?: number;
  /** Longest an envelope waits for its batch, ms. @default 200 */
  batchAgeMs?: number;
  /**
   * Envelopes held while the store is slow or failing, twice over: in the
   * batcher, then in the queue in front of it (see storeOverflow).
   * @default 100000
   */
  pendingCapacity?: number;
  /**
   * What the queue in front of the store does when the store cannot keep up:
   * 'drop-oldest' and 'drop-newest' drop (counted); 'block' refuses with
   * publish() returning false and makes publishAsync() wait.
   * @default 'drop-oldest'
   */
  storeOverflow?: OverflowPolicy;
  /** Wait between retries of a failed store write, ms. @default 1000 */
  retryMs?: number;
  /** Raw-row retention, ms. @default `RUNBUS_RETENTION_MS`, else 30 minutes */
  retentionMs?: number;
  /** Rollup retention, ms. @default 30 days */
  rollupRetentionMs?: number;
  /** Cap on raw snapshots per run. @default none */
  maxSamplesPerRun?: number;
  /** Cap on the database size in bytes; writes past it fail (ERR_STORE_FULL) and are retried. @default none */
  maxDbBytes?: number;
  /** 'normal' survives a process crash; 'full' also a power loss. @default 'normal' */
  durability?: 'normal' | 'full';
  /** HEARTBEAT cadence, ms. @default intervalMs */
  heartbeatIntervalMs?: number;
  /**
   * On SIGINT/SIGTERM: close (drain and flush), then exit with 128+signal
   * unless the application has its own listener for that signal.
   * @default true
   */
  handleSignals?: boolean;
  /** How long close() keeps retrying a failing store before giving up, ms. @default 10000 */
  closeTimeoutMs?: number;
  /**
   * Alert rules (see docs/alerts.md), evaluated on every sample as it
   * arrives; false for none.
   * @default { defaults: true } (the built-in rules)
   */
  alerts?: HubAlertsOptions | false;
  /**
   * Prometheus /metrics (127.0.0.1 unless `host` says otherwise); false or
   * no port for none.
   * @default a port from `RUNBUS_METRICS_PORT`, else off
   */
  metrics?: HubMetricsOptions | false;
  /**
   * Serve the live dashboard from the /metrics server (which it starts on a
   * free port when `metrics` names none).
   * @default false
   */
  dashboard?: boolean;
  /** Directory for metrics_final.json and prometheus_metrics_final.txt at close. @default none */
  exportDir?: string;
  /** JSON-lines file of alert events. @default none */
  alertLog?: string;
  /**
   * Containers: watch Docker containers matching a filter beside the
   * processes (docs/containers.md); false for none.
   * @default false
   */
  containers?: HubContainersOptions | false;
  /** Options of the hub's RunBus. @default {} */
  bus?: RunBusOptions;
  /** Where warnings go. @default stderr */
  logger?: Logger;
}

export interface ResolvedHubOptions {
  db: string | false;
  runId: string;
  command: string;
  intervalMs: number;
  socket: string | boolean;
  token: string | undefined;
  self: string | false;
  host: boolean;
  disks: string[] | undefined;
  gpu: boolean | GpuOptions;
  batchSize: number;
  batchAgeMs: number;
  pendingCapacity: number;
  storeOverflow: OverflowPolicy;
  retryMs: number;
  retentionMs: number | undefined;
  rollupRetentionMs: number | undefined;
  maxSamplesPerRun: number | undefined;
  maxDbBytes: number | undefined;
  durability: 'normal' | 'full';
  heartbeatIntervalMs: number;
  handleSignals: boolean;
  closeTimeoutMs: number;
  alerts: HubAlertsOptions | false;
  metrics: HubMetricsOptions | false;
  exportDir: string | undefined;
  alertLog: string | undefined;
  containers: ResolvedContainersOptions | false;
  bus: RunBusOptions;
  logger: Logger;
}

const kKeys = [
  'db', 'runId', 'command', 'intervalMs', 'socket', 'token', 'self', 'host', 'disks', 'gpu', 'batchSize', 'batchAgeMs',
  'pendingCapacity', 'storeOverflow', 'retryMs', 'retentionMs', 'rollupRetentionMs', 'maxSamplesPerRun', 'maxDbBytes', 'durability', 'heartbeatIntervalMs',
  'handleSignals', 'closeTimeoutMs', 'alerts', 'metrics', 'dashboard', 'exportDir', 'alertLog', 'bus', 'logger',
  'containers',
] as const;

const kStderr: Logger = { warn: (m) => { process.stderr.write(`${m}\n`); } };

/** An integer from the environment, or undefined; a bad value names the variable. */
export function envInt(name: string, min: number, max: number, env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new RangeError(`environment variable ${name} must be an integer from ${min} to ${max} (got ${JSON.stringify(raw)})`);
  }
  return n;
}

function checkBool(v: unknown, name: string): boolean {
  if (typeof v !== 'boolean') throw new TypeError(`${name} must be a boolean (got ${describe(v)})`);
  return v;
}

/** A sortable, readable run id: 20261123-174501-3fa2c1. */
export function generateRunId(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}-${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}`;
  return `${stamp}-${Math.floor(Math.random() * 0xffffff).toString(16).padStart(6, '0')}`;
}

function resolveMetrics(m: HubMetricsOptions | false | undefined, env: NodeJS.ProcessEnv, dashboard: boolean): HubMetricsOptions | false {
  if (m === false) {
    if (dashboard) throw new TypeError('options.dashboard needs the metrics server; do not set options.metrics to false');
    return false;
  }
  checkObject(m, 'options.metrics');
  // The dashboard is served by the metrics server: a free port if none is named.
  const port = m?.port ?? envInt('RUNBUS_METRICS_PORT', 0, 65535, env) ?? (dashboard ? 0 : undefined);
  if (port === undefined) return false;
  checkInt(port, 'options.metrics.port', 0, 65535);
  return { ...m, port, ...(dashboard && m?.dashboard === undefined ? { dashboard: true } : {}) };
}

export function resolveHubOptions(options: HubOptions = {}, env: NodeJS.ProcessEnv = process.env): ResolvedHubOptions {
  checkObject(options, 'options');
  checkKeys(options, kKeys, 'createHub');
  const o = options;
  const intervalMs = checkInt(o.intervalMs ?? envInt('RUNBUS_SAMPLE_INTERVAL_MS', 10, 3_600_000, env) ?? 1000, 'options.intervalMs', 10, 3_600_000);
  const db = o.db === undefined ? kDefaultDbPath : o.db === false ? false : checkString(o.db, 'options.db');
  if (db === '') throw new TypeError('options.db must be a file path or false');
  const socket = o.socket ?? false;
  if (typeof socket !== 'boolean') checkString(socket, 'options.socket');
  const self = o.self ?? 'app';
  if (self !== false) checkString(self, 'options.self');
  const gpu = o.gpu ?? true;
  if (typeof gpu !== 'boolean') checkObject(gpu, 'options.gpu');
  if (o.disks !== undefined && (!Array.isArray(o.disks) || o.disks.some((d) => typeof d !== 'string'))) {
    throw new TypeError('options.disks must be an array of mount paths');
  }
  const opt = (v: number | undefined, name: string, min: number) => (v === undefined ? undefined : checkInt(v, `options.${name}`, min));
  const logger = o.logger ?? kStderr;
  if (typeof (logger as Partial<Logger>).warn !== 'function') throw new TypeError('options.logger must have a warn(message) method');
  const busOptions = o.bus ?? {};
  resolveRunBusOptions(busOptions); // validate now, with the bus's own messages
  const runId = o.runId ?? env.RUNBUS_RUN_ID ?? generateRunId();
  checkString(runId, 'options.runId');
  if (runId === '' || runId.length > 200) throw new RangeError('options.runId must be 1 to 200 characters');
  return {
    db,
    runId,
    command: o.command === undefined ? process.argv.slice(1).join(' ') : checkString(o.command, 'options.command'),
    intervalMs,
    socket,
    token: o.token === undefined ? env.RUNBUS_TOKEN || undefined : checkString(o.token, 'options.token'),
    self,
    host: checkBool(o.host ?? true, 'options.host'),
    disks: o.disks,
    gpu,
    batchSize: checkInt(o.batchSize ?? kDefaultBatchSize, 'options.batchSize', 1, 1_000_000),
    batchAgeMs: checkInt(o.batchAgeMs ?? kDefaultBatchAgeMs, 'options.batchAgeMs', 1, 3_600_000),
    pendingCapacity: checkInt(o.pendingCapacity ?? kDefaultPendingCapacity, 'options.pendingCapacity', 1, 2 ** 24),
    storeOverflow: checkOneOf(o.storeOverflow ?? 'drop-oldest', 'options.storeOverflow', kOverflowPolicies),
    retryMs: checkInt(o.retryMs ?? kDefaultRetryMs, 'options.retryMs', 1, 3_600_000),
    retentionMs: opt(o.retentionMs ?? envInt('RUNBUS_RETENTION_MS', 1000, Number.MAX_SAFE_INTEGER, env), 'retentionMs', 1000),
    rollupRetentionMs: opt(o.rollupRetentionMs, 'rollupRetentionMs', 1000),
    maxSamplesPerRun: opt(o.maxSamplesPerRun, 'maxSamplesPerRun', 1),
    maxDbBytes: opt(o.maxDbBytes, 'maxDbBytes', 4096),
    durability: checkOneOf(o.durability ?? 'normal', 'options.durability', ['normal', 'full'] as const),
    heartbeatIntervalMs: checkInt(o.heartbeatIntervalMs ?? intervalMs, 'options.heartbeatIntervalMs', 10, 3_600_000),
    handleSignals: checkBool(o.handleSignals ?? true, 'options.handleSignals'),
    closeTimeoutMs: checkInt(o.closeTimeoutMs ?? kDefaultCloseTimeoutMs, 'options.closeTimeoutMs', 0, 3_600_000),
    alerts: o.alerts === false ? false : (checkObject(o.alerts, 'options.alerts'), o.alerts ?? {}),
    metrics: resolveMetrics(o.metrics, env, checkBool(o.dashboard ?? false, 'options.dashboard')),
    exportDir: o.exportDir === undefined ? undefined : checkString(o.exportDir, 'options.exportDir'),
    alertLog: o.alertLog === undefined ? undefined : checkString(o.alertLog, 'options.alertLog'),
    containers: o.containers === undefined || o.containers === false ? false : resolveContainersOptions(o.containers, env.DOCKER_HOST),
    bus: busOptions,
    logger,
  };
}
