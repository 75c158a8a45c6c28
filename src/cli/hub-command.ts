import { socketPathOf } from '../config/index.js';
import type { RunbusConfig } from '../config/index.js';
import { createHub } from '../hub/index.js';
import { kStderrLogger } from '../options.js';
import { StoreError } from '../store/index.js';
import { CliError } from './errors.js';
import { checkExportDir } from './export-dir.js';
import { inert } from './format.js';
import { announceDashboard, checkMetricsPort, exporterFailure } from './exporters.js';
import { commandHubOptions } from './run-preflight.js';

/**
 * `runbus hub`: a standalone hub on a socket. Resolves with the exit status
 * once SIGINT or SIGTERM has drained and flushed everything.
 */
export async function hubCommand(cfg: RunbusConfig, cwd: string): Promise<number> {
  const socket = socketPathOf(cfg.socket || true, cwd);
  const warn = (m: string): void => {
    // Hub warnings can name clients and processes.
    kStderrLogger.warn(inert(m));
  };
  const exportDir = cfg.exportDir === undefined ? undefined : checkExportDir(cfg.exportDir, cwd);
  await checkMetricsPort(cfg);
  let hub;
  try {
    hub = await createHub({
      // The signals are handled below, to exit 0 after a clean shutdown.
      ...commandHubOptions(cfg, { cwd, env: process.env, exportDir, warn }),
      socket,
      command: 'runbus hub',
    });
  } catch (err) {
    if (err instanceof StoreError) throw new CliError('ERR_CLI_OUTPUT', `runbus hub: the database cannot be used: ${err.message}`, { cause: err });
    throw exporterFailure(err, cfg);
  }
  announceDashboard(hub, warn);
  const metrics = hub.metricsUrl === undefined ? '' : `runbus hub: Prometheus metrics on ${hub.metricsUrl}\n`;
  const exportLine = exportDir === undefined ? '' : `runbus hub: final metrics go to ${exportDir} when it stops\n`;
  process.stdout.write(`runbus hub: listening on ${hub.socketPath ?? socket}\n${metrics}${exportLine}runbus hub: run ${hub.runId}, writing ${hub.dbPath ?? cfg.db}\nrunbus hub: SIGINT or SIGTERM stops it\n`);
  return new Promise<number>((resolveExit) => {
    let stopping = false;
    const stop = (sig: NodeJS.Signals): void => {
      if (stopping) return;
      stopping = true;
      process.stderr.write(`runbus hub: ${sig}: draining and closing…\n`);
      void (async () => {
        let code = 0;
        try {
          await hub.close({ signal: sig });
          // Read after close: the rows really committed by the last flush.
          const stats = hub.stats();
          const dropped = stats.bus.dropped + stats.batcher.dropped + (stats.server?.abandoned ?? 0);
          process.stderr.write(`runbus hub: closed (${stats.store?.rowsWritten ?? 0} rows written, ${dropped} dropped)\n`);
        } catch (err) {
          process.stderr.write(`runbus hub: close failed: ${(err as Error).message}\n`);
          code = 1;
        }
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolveExit(code);
      })();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
