// One call for the hub: the alert engine, the Prometheus exporter (or a bare
// collector when only a final export is wanted), the JSON alert log, and the
// final export at the end — started in the right order and finished in the
// right order.
//
//   createHub ─► startHubExtras() ─► engine, collector/exporter, log on the bus
//   close()   ─► bus drained ──────► extras.finish() ─► final export, then close all

import type { Writable } from 'node:stream';
import { createAlertEngine, kDefaultTickMs } from '../alerts/index.js';
import type { AlertEngine, AlertRule } from '../alerts/index.js';
import type { Logger, RunBus } from '../bus/index.js';
import { checkKeys, checkLogger, checkObject, checkString } from '../options.js';
import { createMetricsCollector, createJsonLogWriter, startPrometheusExporter, writeFinalExport } from '../export/index.js';
import type { ExporterAuth, ExporterHubStats, FinalExportResult, JsonLogWriter, MetricsCollector, PrometheusExporter } from '../export/index.js';
import { createDashboard } from '../dashboard/index.js';
import type { Dashboard, DashboardOptions } from '../dashboard/index.js';

/** Alert engine settings for {@link startHubExtras}. */
export interface HubAlertsOptions {
  /** Validated rules (parseAlertRules). @default [] */
  rules?: readonly AlertRule[];
  /** Run the built-in rules. @default true */
  defaults?: boolean;
  /** How often windowed rules are evaluated, ms. @default 1000 (kAlertEngineDefaults.tickMs) */
  tickMs?: number;
}

/** Prometheus settings for {@link startHubExtras}. */
export interface HubMetricsOptions {
  /**
   * Serve the live dashboard at / on the same server (true, or dashboard
   * options). A bearer token in `auth` protects it too.
   * @default false
   */
  dashboard?: boolean | Omit<DashboardOptions, 'bus' | 'runId' | 'dbPath' | 'token'>;
  /** TCP port of /metrics; undefined = no server (a final export still works). */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** @default false */
  withPid?: boolean;
  /** @default none */
  auth?: ExporterAuth;
  /** @default 30000 */
  exitGraceMs?: number;
  /** @default 120000 */
  staleAfterMs?: number;
}

export interface HubExtrasOptions {
  bus: RunBus;
  /** The SQLite file, for the dashboard's stored runs. @default none */
  dbPath?: string;
  runId: string;
  /** The hub's stats(), read at scrape time and written to the final export. */
  hubStats?: () => ExporterHubStats;
  /** The alert engine; false turns it off. @default {} (built-in rules) */
  alerts?: HubAlertsOptions | false;
  /** Prometheus; false = none (unless `exportDir` needs a collector). @default false */
  metrics?: HubMetricsOptions | false;
  /** Where finish() writes metrics_final.json and prometheus_metrics_final.txt. @default none */
  exportDir?: string;
  /** A file (appended) or stream for JSON alert lines. @default none */
  alertLog?: string | Writable;
  /** Where finish() reports a failed final export. @default silent: util.debuglog('runbus') (NODE_DEBUG=runbus shows it) */
  logger?: Logger;
  /**
   * A tick that already wakes the process every `periodMs` (the hub's
   * sampler): the alert engine's periodic checks ride it when it comes at
   * least as often as the engine's `tickMs`, instead of a timer of their own.
   * @default none (the engine keeps its timer)
   */
  ticker?: { periodMs: number; onTick: (fn: () => void) => () => void };
}

export interface HubExtras {
  readonly engine: AlertEngine | undefined;
  readonly collector: MetricsCollector | undefined;
  readonly exporter: PrometheusExporter | undefined;
  /** The /metrics URL when serving. */
  readonly url: string | undefined;
  /** The dashboard's address, when serving one. */
  readonly dashboardUrl: string | undefined;
  /** Feed one store flush's duration (the batcher's hook). */
  observeFlush(ms: number): void;
  /**
   * Call after the bus has drained: writes the final export (if
   * `exportDir`), then closes everything. Never rejects; a failed export is
   * logged and resolves undefined. Idempotent.
   */
  finish(extra?: Record<string, unknown>): Promise<FinalExportResult | undefined>;
}

const kKeys = ['bus', 'dbPath', 'runId', 'hubStats', 'alerts', 'metrics', 'exportDir', 'alertLog', 'logger', 'ticker'] as const;
const kAlertKeys = ['rules', 'defaults', 'tickMs'] as const;
const kMetricKeys = ['port', 'host', 'withPid', 'auth', 'exitGraceMs', 'staleAfterMs', 'dashboard'] as const;

/**
 * Starts the alert engine, the Prometheus exporter and the alert log on a
 * hub's bus. Rejects on bad options and with ExporterError when the metrics
 * port cannot be bound (having closed what it started).
 */
export async function startHubExtras(options: HubExtrasOptions): Promise<HubExtras> {
  checkObject(options, 'options');
  checkKeys(options, kKeys, 'startHubExtras');
  const { bus, hubStats } = options;
  const runId = checkString(options.runId, 'options.runId');
  const logger = checkLogger(options.logger);
  const exportDir = options.exportDir === undefined ? undefined : checkString(options.exportDir, 'options.exportDir');
  if (options.alerts !== undefined && options.alerts !== false) {
    checkObject(options.alerts, 'options.alerts');
    checkKeys(options.alerts, kAlertKeys, 'startHubExtras alerts');
  }
  if (options.ticker !== undefined) {
    checkObject(options.ticker, 'options.ticker');
    if (typeof options.ticker.onTick !== 'function') throw new TypeError('options.ticker.onTick must be a function');
  }
  const metrics = options.metrics === undefined || options.metrics === false ? undefined : options.metrics;
  if (metrics !== undefined) {
    checkObject(metrics, 'options.metrics');
    checkKeys(metrics, kMetricKeys, 'startHubExtras metrics');
  }
  const engine = options.alerts === false ? undefined : createAlertEngine({
    bus, runId, rules: options.alerts?.rules ?? [], defaults: options.alerts?.defaults ?? true,
    ...(options.alerts?.tickMs === undefined ? {} : { tickMs: options.alerts.tickMs }),
    // The hub's sampler tick, when it comes at least as often as the
    // engine's own timer would: one wake-up a second fewer.
    ...(options.ticker === undefined || (options.ticker.periodMs > (options.alerts?.tickMs ?? kDefaultTickMs)) ? {} : { ticker: options.ticker.onTick }),
  });
  let collector: MetricsCollector | undefined;
  let exporter: PrometheusExporter | undefined;
  let log: JsonLogWriter | undefined;
  let dashboard: Dashboard | undefined;
  try {
    if (metrics !== undefined || exportDir !== undefined) {
      collector = createMetricsCollector({
        bus, runId, logger,
        ...(hubStats === undefined ? {} : { hubStats }),
        ...(metrics?.withPid === undefined ? {} : { withPid: metrics.withPid }),
        ...(metrics?.exitGraceMs === undefined ? {} : { exitGraceMs: metrics.exitGraceMs }),
        ...(metrics?.staleAfterMs === undefined ? {} : { staleAfterMs: metrics.staleAfterMs }),
      });
    }
    if (metrics?.port !== undefined && collector !== undefined) {
      if (metrics.dashboard !== undefined && metrics.dashboard !== false) {
        if (metrics.auth?.basic !== undefined) throw new TypeError('options.metrics.dashboard cannot be served behind basic auth; use a bearer token');
        dashboard = createDashboard({
          bus, runId,
          ...(options.dbPath === undefined ? {} : { dbPath: options.dbPath }),
          ...(metrics.auth?.bearer === undefined ? {} : { token: metrics.auth.bearer }),
          ...(metrics.dashboard === true ? {} : metrics.dashboard),
        });
      }
      exporter = await startPrometheusExporter({
        collector, port: metrics.port, ...(metrics.host === undefined ? {} : { host: metrics.host }), ...(metrics.auth === undefined ? {} : { auth: metrics.auth }),
        ...(dashboard === undefined ? {} : { routes: dashboard }),
      });
    }
    if (options.alertLog !== undefined) {
      log = createJsonLogWriter(typeof options.alertLog === 'string' ? { bus, path: options.alertLog } : { bus, stream: options.alertLog });
    }
  } catch (err) {
    await Promise.all([engine?.close(), exporter?.close(), collector?.close(), log?.close(), dashboard?.close()]);
    throw err;
  }
  let finishing: Promise<FinalExportResult | undefined> | undefined;
  return {
    engine,
    collector,
    exporter,
    url: exporter?.url,
    dashboardUrl: dashboard === undefined || exporter === undefined ? undefined : exporter.url.replace(/metrics$/, ''),
    observeFlush: (ms) => { collector?.observeFlush(ms, runId); },
    finish: (extra) => {
      finishing ??= (async () => {
        let result: FinalExportResult | undefined;
        if (exportDir !== undefined && collector !== undefined) {
          try {
            let stats: unknown;
            try {
              stats = hubStats?.();
            } catch { /* a stats failure must not cost the export */ }
            result = await writeFinalExport(exportDir, { collector, runId, alerts: engine?.firing() ?? [], hubStats: stats, ...(extra === undefined ? {} : { extra }) });
          } catch (err) {
            logger.warn(`runbus: final export to ${exportDir} failed: ${err instanceof Error ? err.message : String(err)}`);
          }
        }
        await Promise.all([engine?.close(), exporter?.close(), collector?.close(), log?.close()]);
        return result;
      })();
      return finishing;
    },
  };
}
