import { DashboardError, startDashboardServer } from '../dashboard/index.js';
import { openReader } from '../store/index.js';
import { CliError } from './errors.js';

// `runbus dashboard`: the browser dashboard over a database's stored runs,
// with no hub behind it (no bus, no sampling, no socket). The database is
// only ever opened read-only.

export interface DashboardCommandOptions {
  db: string;
  port: number;
  host: string;
  /** RUNBUS_TOKEN or the config's "token": the APIs require it. */
  token: string | undefined;
}

const kLoopback = new Set(['127.0.0.1', '::1', 'localhost']);

/** Serves until SIGINT or SIGTERM, then resolves with 0. */
export async function dashboardCommand(o: DashboardCommandOptions): Promise<number> {
  // Opened once before listening, so a missing or foreign file is an error
  // (StoreError ERR_STORE_OPEN, naming it, exit 1) and not a page of 503s.
  openReader(o.db).close();
  let server;
  try {
    server = await startDashboardServer({ dbPath: o.db, host: o.host, port: o.port, ...(o.token === undefined ? {} : { token: o.token }) });
  } catch (err) {
    if (err instanceof DashboardError) throw new CliError('ERR_CLI_OUTPUT', `runbus dashboard: --host ${o.host} --port ${o.port}: ${err.message}`, { cause: err });
    throw err;
  }
  if (o.token === undefined && !kLoopback.has(o.host)) {
    process.stderr.write(`runbus dashboard: warning: ${o.host} is not loopback and RUNBUS_TOKEN is not set: anyone who can reach it can read the runs\n`);
  }
  const auth = o.token === undefined ? '' : ' (RUNBUS_TOKEN required: open it as /#token=<token>)';
  process.stdout.write(`runbus dashboard: ${server.url}${auth}\nrunbus dashboard: stored runs of ${o.db}, read-only, no live hub\nrunbus dashboard: SIGINT or SIGTERM stops it\n`);
  // The server is unref'd (a library default): this keeps the process up.
  const keepAlive = setInterval(() => { /* until a signal */ }, 1 << 30);
  return new Promise<number>((resolveExit) => {
    let stopping = false;
    const stop = (): void => {
      if (stopping) return;
      stopping = true;
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(
        () => { clearInterval(keepAlive); resolveExit(0); },
        (err: unknown) => {
          clearInterval(keepAlive);
          process.stderr.write(`runbus dashboard: close failed: ${err instanceof Error ? err.message : String(err)}\n`);
          resolveExit(1);
        },
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
