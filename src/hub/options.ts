import { kMinLoopResolutionMs, kOverflowPolicies, resolveRunBusOptions } from '../bus/index.js';
import type { Logger, OverflowPolicy, RunBusOptions } from '../bus/index.js';
import { kMetricsPort, readLibraryEnv } from '../config/index.js';
import { checkBool, checkInt, checkKeys, checkLogger, checkObject, checkOneOf, checkSetting, checkSettingOr, checkString, int } from '../options.js';
import { kSamplerDefaults } from '../samplers/index.js';
import type { GpuOptions } from '../samplers/index.js';
import { kDefaultDbPath, kStoreDefaults } from '../store/index.js';
import type { HubAlertsOptions, HubMetricsOptions } from './extras.js';
import { resolveRemoteWriteOptions } from '../remote-write/index.js';
import type { RemoteWriteOptions, ResolvedRemoteWriteOptions } from '../remote-write/index.js';
import { resolveContainersOptions } from '../containers/index.js';
import type { HubContainersOptions, ResolvedContainersOptions } from '../containers/index.js';

/**
 * HEARTBEAT goes out every this many sampler ticks by default (and at once
 * when something was dropped since the last one): the hub's own figures
 * change slowly, and a heartbeat at every tick cost `runbus run --quiet`
 * around 20 processes about 7 % of its CPU (the overhead bench, the build
 * before beside it: 0.28 % of a core against 0.30 %).
 */
export const kHeartbeatTicks = 5;

/** The default HEARTBEAT cadence for a sampling interval. */
export function defaultHeartbeatMs(intervalMs: number): number {
  return Math.min(intervalMs * kHeartbeatTicks, kSamplerDefaults.intervalMs.max);
}

/**
 * The hub's own numeric settings: default, range and help, written once.
 * The cadence comes from the samplers' table and retention from the
 * store's; the environment is read by src/config (readLibraryEnv).
 */
export const kDefaults = {
  batchSize: int(1, 1_000_000, 10_000, 'envelopes per store write (a tick of 1000 processes goes in one)'),
  batchAgeMs: int(1, 3_600_000, 200, 'longest an envelope waits for its batch, ms'),
  pendingCapacity: int(1, 2 ** 24, 100_000, 'envelopes held while the store is slow or failing'),
  retryMs: int(1, 3_600_000, 1000, 'wait between retries of a failed store write, ms'),
  closeTimeoutMs: int(0, 3_600_000, 10_000, 'how long close() keeps retrying a failing store, ms'),
  heartbeatIntervalMs: int(kSamplerDefaults.intervalMs.min, kSamplerDefaults.intervalMs.max, undefined, `HEARTBEAT cadence, ms (default: ${kHeartbeatTicks} sampling intervals)`),
  loopResolutionMs: int(kMinLoopResolutionMs, 60_000, undefined, "period of a delay histogram for the hub's own event loop, ms (default: none, the tick's lateness)"),
} as const;

export { kDefaultDbPath };
export const kDefaultBatchSize = kDefaults.batchSize.default;
export const kDefaultBatchAgeMs = kDefaults.batchAgeMs.default;
export const kDefaultPendingCapacity = kDefaults.pendingCapacity.default;
export const kDefaultRetryMs = kDefaults.retryMs.default;
export const kDefaultCloseTimeoutMs = kDefaults.closeTimeoutMs.default;

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
  /**
   * Shared secret remote buses must present; also the bearer token of every
   * HTTP path but /healthz on the metrics/dashboard server, unless
   * `metrics.auth` gives other credentials.
   * @default `RUNBUS_TOKEN`, else none
   */
  token?: string;
  /**
   * Component tag of this process, which the hub samples too; false to leave it out.
   * @default 'app'
   */
  self?: string | false;
  /**
   * This process's event-loop lag from a native delay histogram of this
   * period, ms (createLoopSampler(): p50/p99/max within each interval), at
   * the cost of one wake-up of the main thread per period. Unset, the lag is
   * the sampler tick's own lateness, one sample per interval, as a process
   * that embeds the bus reports it: no wake-up of its own.
   * @default unset
   */
  loopResolutionMs?: number;
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
  /** Where warnings go. @default silent: util.debuglog('runbus') (NODE_DEBUG=runbus shows it) */
  logger?: Logger;
  /**
   * Prometheus remote write of everything stored (docs/remote-write.md);
   * false for none. Needs `db`.
   * @default from `RUNBUS_REMOTE_WRITE_URL` (and `RUNBUS_REMOTE_WRITE_BEARER_TOKEN` or
   * `RUNBUS_REMOTE_WRITE_USERNAME`/`RUNBUS_REMOTE_WRITE_PASSWORD`), else off
   */
  remoteWrite?: RemoteWriteOptions | false;
}

export interface ResolvedHubOptions {
  db: string | false;
  runId: string;
  command: string;
  intervalMs: number;
  socket: string | boolean;
  token: string | undefined;
  self: string | false;
  loopResolutionMs: number | undefined;
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
  remoteWrite: ResolvedRemoteWriteOptions | false;
}

const kKeys = [
  'db', 'runId', 'command', 'intervalMs', 'socket', 'token', 'self', 'loopResolutionMs', 'host', 'disks', 'gpu', 'batchSize', 'batchAgeMs',
  'pendingCapacity', 'storeOverflow', 'retryMs', 'retentionMs', 'rollupRetentionMs', 'maxSamplesPerRun', 'maxDbBytes', 'durability', 'heartbeatIntervalMs',
  'handleSignals', 'closeTimeoutMs', 'alerts', 'metrics', 'dashboard', 'exportDir', 'alertLog', 'bus', 'logger',
  'remoteWrite',
  'containers',
] as const;

/** A sortable, readable run id: 20261123-174501-3fa2c1. */
export function generateRunId(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}-${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}`;
  return `${stamp}-${Math.floor(Math.random() * 0xffffff).toString(16).padStart(6, '0')}`;
}

function resolveMetrics(m: HubMetricsOptions | false | undefined, envPort: number | undefined, dashboard: boolean, token: string | undefined): HubMetricsOptions | false {
  if (m === false) {
    if (dashboard) throw new TypeError('options.dashboard needs the metrics server; do not set options.metrics to false');
    return false;
  }
  checkObject(m, 'options.metrics');
  // The dashboard is served by the metrics server: a free port if none is named.
  const port = m?.port ?? envPort ?? (dashboard ? 0 : undefined);
  if (port === undefined) return false;
  checkInt(port, 'options.metrics.port', kMetricsPort.min, kMetricsPort.max);
  // The hub's token guards HTTP too (every path but /healthz) unless other credentials are given.
  const auth = m?.auth ?? (token === undefined ? undefined : { bearer: token });
  return { ...m, port, ...(auth === undefined ? {} : { auth }), ...(dashboard && m?.dashboard === undefined ? { dashboard: true } : {}) };
}

export function resolveHubOptions(options: HubOptions = {}, env: NodeJS.ProcessEnv = process.env): ResolvedHubOptions {
  checkObject(options, 'options');
  checkKeys(options, kKeys, 'createHub');
  const o = options;
  const fromEnv = readLibraryEnv(env);
  const intervalMs = checkSettingOr(o.intervalMs ?? fromEnv.intervalMs, 'options.intervalMs', kSamplerDefaults.intervalMs);
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
  const logger = checkLogger(o.logger);
  const busOptions = o.bus ?? {};
  resolveRunBusOptions(busOptions); // validate now, with the bus's own messages
  const runId = o.runId ?? fromEnv.runId ?? generateRunId();
  checkString(runId, 'options.runId');
  if (runId === '' || runId.length > 200) throw new RangeError('options.runId must be 1 to 200 characters');
  const token = o.token === undefined ? fromEnv.token : checkString(o.token, 'options.token');
  return {
    db,
    runId,
    command: o.command === undefined ? process.argv.slice(1).join(' ') : checkString(o.command, 'options.command'),
    intervalMs,
    socket,
    token,
    self,
    loopResolutionMs: checkSetting(o.loopResolutionMs, 'options.loopResolutionMs', kDefaults.loopResolutionMs),
    host: checkBool(o.host ?? true, 'options.host'),
    disks: o.disks,
    gpu,
    batchSize: checkSettingOr(o.batchSize, 'options.batchSize', kDefaults.batchSize),
    batchAgeMs: checkSettingOr(o.batchAgeMs, 'options.batchAgeMs', kDefaults.batchAgeMs),
    pendingCapacity: checkSettingOr(o.pendingCapacity, 'options.pendingCapacity', kDefaults.pendingCapacity),
    storeOverflow: checkOneOf(o.storeOverflow ?? 'drop-oldest', 'options.storeOverflow', kOverflowPolicies),
    retryMs: checkSettingOr(o.retryMs, 'options.retryMs', kDefaults.retryMs),
    // The store's own settings, checked against the store's table (its
    // defaults apply in openStore when these are undefined).
    retentionMs: checkSetting(o.retentionMs ?? fromEnv.retentionMs, 'options.retentionMs', { ...kStoreDefaults.retentionMs, default: undefined }),
    rollupRetentionMs: checkSetting(o.rollupRetentionMs, 'options.rollupRetentionMs', { ...kStoreDefaults.rollupRetentionMs, default: undefined }),
    maxSamplesPerRun: checkSetting(o.maxSamplesPerRun, 'options.maxSamplesPerRun', kStoreDefaults.maxSamplesPerRun),
    maxDbBytes: checkSetting(o.maxDbBytes, 'options.maxDbBytes', kStoreDefaults.maxSizeBytes),
    durability: checkOneOf(o.durability ?? 'normal', 'options.durability', ['normal', 'full'] as const),
    heartbeatIntervalMs: checkSettingOr(o.heartbeatIntervalMs, 'options.heartbeatIntervalMs', { ...kDefaults.heartbeatIntervalMs, default: defaultHeartbeatMs(intervalMs) }),
    handleSignals: checkBool(o.handleSignals ?? true, 'options.handleSignals'),
    closeTimeoutMs: checkSettingOr(o.closeTimeoutMs, 'options.closeTimeoutMs', kDefaults.closeTimeoutMs),
    alerts: o.alerts === false ? false : (checkObject(o.alerts, 'options.alerts'), o.alerts ?? {}),
    metrics: resolveMetrics(o.metrics, fromEnv.metricsPort, checkBool(o.dashboard ?? false, 'options.dashboard'), token === '' ? undefined : token),
    exportDir: o.exportDir === undefined ? undefined : checkString(o.exportDir, 'options.exportDir'),
    alertLog: o.alertLog === undefined ? undefined : checkString(o.alertLog, 'options.alertLog'),
    containers: o.containers === undefined || o.containers === false ? false : resolveContainersOptions(o.containers, env.DOCKER_HOST),
    bus: busOptions,
    logger,
    remoteWrite: resolveHubRemoteWrite(o.remoteWrite, db, fromEnv.remoteWrite),
  };
}

function resolveHubRemoteWrite(o: RemoteWriteOptions | false | undefined, db: string | false, fromEnv: RemoteWriteOptions | undefined): ResolvedRemoteWriteOptions | false {
  const rw = o === undefined ? fromEnv : o;
  if (rw === false || rw === undefined || rw.urls.length === 0) return false;
  if (db === false) throw new TypeError('options.remoteWrite needs the store: remote write sends what is stored (do not set options.db to false)');
  return resolveRemoteWriteOptions(rw);
}
