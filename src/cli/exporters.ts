import { createServer } from 'node:net';
import type { RunbusConfig } from '../config/index.js';
import { ExporterError, startPrometheusExporter } from '../export/index.js';
import type { Hub } from '../hub/index.js';
import { CliError } from './errors.js';

// The hook for --metrics-port (Prometheus) and --dashboard, started after
// the hub and closed before it. The Prometheus exporter (src/export) serves
// the hub's bus on 127.0.0.1:<port>/metrics; the dashboard is not part of
// this version yet, so the hook says so and the run goes on.

/** Whatever the hook started; close() stops it before the hub closes. */
export interface Exporters {
  /** `http://127.0.0.1:<port>/metrics`, when serving. */
  readonly metricsUrl: string | undefined;
  close(): Promise<void>;
}

/**
 * Starts what the settings ask for. A port that cannot be bound is an
 * ERR_CLI_OUTPUT CliError (the caller closes the hub; `runbus run` has not
 * started the command yet).
 */
export async function startExporters(hub: Hub, cfg: RunbusConfig, info: (m: string) => void): Promise<Exporters> {
  if (cfg.dashboard) info('runbus: --dashboard: the dashboard is not available in this version yet; going on without it');
  if (cfg.metricsPort === undefined) return { metricsUrl: undefined, close: () => Promise.resolve() };
  try {
    const exporter = await startPrometheusExporter({ bus: hub.bus, port: cfg.metricsPort, hubStats: () => hub.stats() });
    return { metricsUrl: exporter.url, close: () => exporter.close() };
  } catch (err) {
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
