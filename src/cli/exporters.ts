import { createServer } from 'node:net';
import type { RunbusConfig } from '../config/index.js';
import { createDashboard } from '../dashboard/index.js';
import { ExporterError, startPrometheusExporter } from '../export/index.js';
import type { Hub } from '../hub/index.js';
import { CliError } from './errors.js';

// The hook for --metrics-port (Prometheus) and --dashboard, started after
// the hub and closed before it. The Prometheus exporter (src/export) serves
// the hub's bus on 127.0.0.1:<port>/metrics, and with --dashboard the live
// dashboard (src/dashboard) at / on the same server (a free port when
// --metrics-port names none).

/** Whatever the hook started; close() stops it before the hub closes. */
export interface Exporters {
  /** `http://127.0.0.1:<port>/metrics`, when serving. */
  readonly metricsUrl: string | undefined;
  /** `http://127.0.0.1:<port>/`, when serving the dashboard. */
  readonly dashboardUrl: string | undefined;
  close(): Promise<void>;
}

/**
 * Starts what the settings ask for. A port that cannot be bound is an
 * ERR_CLI_OUTPUT CliError (the caller closes the hub; `runbus run` has not
 * started the command yet).
 */
export async function startExporters(hub: Hub, cfg: RunbusConfig, info: (m: string) => void): Promise<Exporters> {
  const port = cfg.metricsPort ?? (cfg.dashboard ? 0 : undefined);
  if (port === undefined) return { metricsUrl: undefined, dashboardUrl: undefined, close: () => Promise.resolve() };
  // RUNBUS_TOKEN (or the config file's token) guards every HTTP path but
  // /healthz, as it guards the socket.
  const token = cfg.token === undefined || cfg.token === '' ? undefined : cfg.token;
  const dashboard = cfg.dashboard
    ? createDashboard({ bus: hub.bus, runId: hub.runId, ...(hub.dbPath === undefined ? {} : { dbPath: hub.dbPath }), ...(token === undefined ? {} : { token }) })
    : undefined;
  try {
    const exporter = await startPrometheusExporter({
      bus: hub.bus, port, hubStats: () => hub.stats(), logger: { warn: info },
      ...(token === undefined ? {} : { auth: { bearer: token } }),
      ...(dashboard === undefined ? {} : { routes: dashboard }),
    });
    const dashboardUrl = dashboard === undefined ? undefined : exporter.url.replace(/metrics$/, '');
    if (dashboardUrl !== undefined) info(`runbus: dashboard on ${dashboardUrl}`);
    return { metricsUrl: exporter.url, dashboardUrl, close: () => exporter.close() };
  } catch (err) {
    await dashboard?.close();
    if (err instanceof ExporterError) {
      throw new CliError('ERR_CLI_OUTPUT', `runbus: --metrics-port ${cfg.metricsPort}: ${err.message}`, { cause: err });
    }
    throw err;
  }
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
