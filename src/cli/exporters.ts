import { createServer } from 'node:net';
import type { RunbusConfig } from '../config/index.js';
import { ExporterError } from '../export/index.js';
import type { Hub, HubOptions } from '../hub/index.js';
import { CliError } from './errors.js';

// --metrics-port (Prometheus) and --dashboard are the hub's own exporter:
// the CLI hands the settings to createHub, which serves /metrics on
// 127.0.0.1:<port> and, with --dashboard, the live dashboard at / on the same
// server (a free port when --metrics-port names none). One exporter, so the
// hub's flushes reach runbus_hub_flush_duration_seconds, and it closes after
// the last flush.

/**
 * The hub's `metrics` and `dashboard` options from the layered settings
 * (RUNBUS_METRICS_PORT has been read by src/config: the hub is told exactly).
 */
export function hubExportOptions(cfg: RunbusConfig): Pick<HubOptions, 'metrics' | 'dashboard'> {
  if (cfg.metricsPort === undefined && !cfg.dashboard) return { metrics: false };
  return { metrics: { port: cfg.metricsPort ?? 0 }, dashboard: cfg.dashboard };
}

/** A metrics port the hub could not bind, as the CLI reports it (ERR_CLI_OUTPUT). */
export function exporterFailure(err: unknown, cfg: RunbusConfig): unknown {
  if (err instanceof ExporterError) {
    return new CliError('ERR_CLI_OUTPUT', `runbus: --metrics-port ${cfg.metricsPort ?? 0}: ${err.message}`, { cause: err });
  }
  return err;
}

/** Says where the dashboard is served (Prometheus's line is the caller's). */
export function announceDashboard(hub: Hub, info: (m: string) => void): void {
  if (hub.dashboardUrl !== undefined) info(`runbus: dashboard on ${hub.dashboardUrl}`);
}

/**
 * Checks, before the hub opens the database, that the metrics port can be
 * bound (by binding and releasing it), so a taken port stops `runbus run`
 * before anything is recorded. Port 0 always can.
 */
export function checkMetricsPort(cfg: RunbusConfig): Promise<void> {
  const port = cfg.metricsPort;
  if (port === undefined || port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', (err: NodeJS.ErrnoException) => {
      reject(new CliError('ERR_CLI_OUTPUT', `runbus: --metrics-port ${port}: 127.0.0.1:${port} cannot be bound (${err.code ?? err.message})`, { cause: err }));
    });
    srv.listen({ host: '127.0.0.1', port, exclusive: true }, () => {
      srv.close(() => {
        resolve();
      });
    });
  });
}
