// The hub's handle on the remote-write thread: start it, read its counters
// (shared memory, read with each heartbeat), drain at close.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../bus/index.js';
import { RemoteWriteError, resolveRemoteWriteOptions } from './options.js';
import type { RemoteWriteOptions, ResolvedRemoteWriteOptions } from './options.js';
import { unknownRemoteMessage } from './protocol.js';
import { kSharedStatsBytes, SharedStatsReader } from './shared-stats.js';
import type { FromRemoteWorker, RemoteWorkerData, ToRemoteWorker } from './protocol.js';
import type { TargetStats } from './writer.js';

export interface RemoteWriteStats {
  readonly targets: readonly TargetStats[];
  readonly rowsBehind: number;
  readonly samplesSent: number;
  readonly retries: number;
  readonly refusedSamples: number;
  readonly dropped: number;
  /** The earliest `failingSinceMs` of any target, or null when none fails. */
  readonly failingSinceMs: number | null;
}

export interface RemoteWrite {
  readonly options: ResolvedRemoteWriteOptions;
  /** The counters as of the last refresh (never blocks). */
  stats(): RemoteWriteStats;
  /** The thread's latest counters (read from shared memory: no message). Never rejects. */
  refresh(): Promise<RemoteWriteStats>;
  /** Rows were just committed: the thread may send them (no message, no wake-up while it sleeps). */
  kick(): void;
  /** Sends what is committed now, bounded by `timeoutMs`; true if every target caught up. */
  drain(timeoutMs?: number): Promise<boolean>;
  /** Drains (bounded), then stops the thread. Idempotent. */
  close(): Promise<void>;
}

function workerUrl(): URL {
  const beside = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  const built = new URL('../../dist/remote-write/worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return built;
  throw new RemoteWriteError('ERR_REMOTE_WRITE_WORKER', `runbus remote write: thread entry not found at ${fileURLToPath(beside)} or ${fileURLToPath(built)} (run npm run build)`);
}

export function summarize(targets: readonly TargetStats[]): RemoteWriteStats {
  let failing: number | null = null;
  for (const t of targets) if (t.failingSinceMs !== null && (failing === null || t.failingSinceMs < failing)) failing = t.failingSinceMs;
  const sum = (f: (t: TargetStats) => number): number => targets.reduce((a, t) => a + f(t), 0);
  return {
    targets,
    rowsBehind: sum((t) => t.rowsBehind),
    samplesSent: sum((t) => t.samplesSent),
    retries: sum((t) => t.retries),
    refusedSamples: sum((t) => t.refusedSamples),
    dropped: sum((t) => Object.values(t.dropped).reduce((a, b) => a + b, 0)),
    failingSinceMs: failing,
  };
}

class RemoteWriteImpl implements RemoteWrite {
  readonly options: ResolvedRemoteWriteOptions;
  readonly #worker: Worker;
  readonly #commits: Int32Array;
  readonly #shared: SharedStatsReader;
  readonly #logger: Logger;
  readonly #pending = new Map<number, (msg: FromRemoteWorker) => void>();
  #nextId = 1;
  #stats: RemoteWriteStats;
  #closing: Promise<void> | undefined;
  #exited = false;

  constructor(worker: Worker, data: RemoteWorkerData, o: ResolvedRemoteWriteOptions, logger: Logger) {
    this.options = o;
    this.#worker = worker;
    this.#commits = new Int32Array(data.commits);
    this.#shared = new SharedStatsReader(data.stats);
    this.#logger = logger;
    this.#stats = summarize(o.targets.map((t) => ({
      url: t.url, rowsBehind: 0, samplesSent: 0, requestsSent: 0, retries: 0, refusedRequests: 0, refusedSamples: 0,
      replayedRequests: 0, dropped: {}, failingSinceMs: null, lastError: null, lastSuccessMs: null,
    })));
    worker.on('message', (msg: FromRemoteWorker) => { this.#onMessage(msg); });
    worker.on('exit', () => {
      this.#exited = true;
      for (const r of this.#pending.values()) r({ type: 'stopped', id: 0, stats: [...this.#stats.targets] });
      this.#pending.clear();
    });
  }

  #onMessage(msg: FromRemoteWorker): void {
    switch (msg.type) {
      case 'ready':
      case 'open-failed':
        break;
      case 'log':
        this.#logger.warn(msg.message);
        break;
      case 'drained':
      case 'stopped':
        this.#stats = summarize(msg.stats);
        this.#pending.get(msg.id)?.(msg);
        this.#pending.delete(msg.id);
        break;
      default:
        unknownRemoteMessage(msg);
    }
  }

  #ask(make: (id: number) => ToRemoteWorker): Promise<FromRemoteWorker> {
    if (this.#exited) return Promise.resolve({ type: 'stopped', id: 0, stats: [...this.#stats.targets] });
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, resolve);
      this.#worker.postMessage(make(id));
    });
  }

  stats(): RemoteWriteStats {
    return this.#stats;
  }

  refresh(): Promise<RemoteWriteStats> {
    const fresh = this.#shared.read();
    if (fresh !== undefined) this.#stats = summarize(fresh);
    return Promise.resolve(this.#stats);
  }

  kick(): void {
    Atomics.add(this.#commits, 0, 1);
    Atomics.notify(this.#commits, 0);
  }

  async drain(timeoutMs = this.options.drainTimeoutMs): Promise<boolean> {
    const r = await this.#ask((id) => ({ type: 'drain', id, timeoutMs }));
    return r.type === 'drained' && r.ok;
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      const ok = await this.drain();
      const s = this.#stats;
      if (!ok && s.rowsBehind > 0) this.#logger.warn(`runbus remote write: ${s.rowsBehind} rows not sent yet; they stay in the store and go at the next start`);
      // A request in flight ends within its timeout; after that the thread is ended.
      const stopped = this.#ask((id) => ({ type: 'stop', id }));
      const timer = new Promise<void>((r) => { setTimeout(r, this.options.timeoutMs + 1000).unref(); });
      await Promise.race([stopped, timer]);
      if (!this.#exited) await this.#worker.terminate();
    })();
    return this.#closing;
  }
}

/**
 * Starts the remote-write thread on the store file `dbPath` (which must
 * exist, migrated). Throws RemoteWriteError (ERR_REMOTE_WRITE_URL) on a
 * malformed URL, TypeError/RangeError on other bad options (async: it rejects).
 */
export async function startRemoteWrite(dbPath: string, options: RemoteWriteOptions, logger: Logger, hostId: string): Promise<RemoteWrite> {
  return startRemoteWriteResolved(dbPath, resolveRemoteWriteOptions(options), logger, hostId);
}

/** {@link startRemoteWrite} with options already resolved (the hub's path). */
export async function startRemoteWriteResolved(dbPath: string, o: ResolvedRemoteWriteOptions, logger: Logger, hostId: string): Promise<RemoteWrite> {
  const settings = { ...o, hostId: o.hostId ?? hostId };
  const data: RemoteWorkerData = {
    dbPath,
    commits: new SharedArrayBuffer(4),
    stats: new SharedArrayBuffer(kSharedStatsBytes),
    settings: {
      targets: settings.targets, host: settings.host, hostId: settings.hostId, maxRowsPerRequest: o.maxRowsPerRequest, maxSamplesPerRequest: o.maxSamplesPerRequest,
      maxSamplesPerSecond: o.maxSamplesPerSecond, pollMs: o.pollMs, timeoutMs: o.timeoutMs, minBackoffMs: o.minBackoffMs,
      maxBackoffMs: o.maxBackoffMs, maxProcesses: o.maxProcesses, maxAppMetrics: o.maxAppMetrics,
      maxSeriesPerMetric: o.maxSeriesPerMetric, maxLabelsPerMetric: o.maxLabelsPerMetric, staleAfterMs: o.staleAfterMs,
    },
  };
  const worker = new Worker(workerUrl(), { workerData: data, name: 'runbus-remote-write' });
  worker.unref();
  await new Promise<void>((resolve, reject) => {
    const onMsg = (m: FromRemoteWorker): void => {
      if (m.type === 'ready') { cleanup(); resolve(); }
      if (m.type === 'open-failed') { cleanup(); reject(new RemoteWriteError('ERR_REMOTE_WRITE_WORKER', `runbus remote write: cannot open the store: ${m.message}`)); }
    };
    const onErr = (err: Error): void => { cleanup(); reject(new RemoteWriteError('ERR_REMOTE_WRITE_WORKER', `runbus remote write: thread failed: ${err.message}`, { cause: err })); };
    const cleanup = (): void => { worker.off('message', onMsg); worker.off('error', onErr); };
    worker.on('message', onMsg);
    worker.on('error', onErr);
  });
  return new RemoteWriteImpl(worker, data, { ...o, hostId: settings.hostId }, logger);
}
