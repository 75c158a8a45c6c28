// Entry of the remote-write thread (compiled to dist/remote-write/worker.js):
// its own SQLite connection reads committed rows and keeps the cursors; the
// HTTP requests, protobuf encoding and compression all happen here, off the
// hub's main thread.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { unknownRemoteMessage } from './protocol.js';
import type { FromRemoteWorker, RemoteWorkerData, ToRemoteWorker } from './protocol.js';
import { SharedStatsWriter } from './shared-stats.js';
import { RemoteWriter } from './writer.js';
import type { WriterEnv } from './writer.js';

if (parentPort === null) throw new Error('remote-write worker.js must run in a worker thread');
const port = parentPort;
const data = workerData as RemoteWorkerData;

function post(msg: FromRemoteWorker): void {
  port.postMessage(msg);
}

const sleepers = new Set<() => void>();
const shared = new SharedStatsWriter(data.stats);
let tooBig = false;
const commits = new Int32Array(data.commits);
// In Node since 16; the ES2023 lib does not declare it.
type WaitAsync = (a: Int32Array, i: number, v: number) => { async: false; value: string } | { async: true; value: Promise<string> };
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;
const env: WriterEnv = {
  now: Date.now,
  sleep: (ms) => new Promise<void>((resolve) => {
    const done = (): void => { clearTimeout(t); sleepers.delete(done); resolve(); };
    const t = setTimeout(done, ms);
    sleepers.add(done);
  }),
  delay: (ms) => new Promise<void>((resolve) => { setTimeout(resolve, ms).unref(); }),
  wake: () => { for (const s of [...sleepers]) s(); },
  commits: () => Atomics.load(commits, 0),
  waitCommit: (seen) => new Promise<void>((resolve) => {
    const done = (): void => { sleepers.delete(done); resolve(); };
    sleepers.add(done);
    // A waiter left behind by wake() settles, harmlessly, at the next commit.
    const w = waitAsync(commits, 0, seen);
    if (w.async) void w.value.then(done);
    else done();
  }),
  random: Math.random,
  log: (message) => { post({ type: 'log', message }); },
  changed: () => {
    if (shared.write(writer.stats()) || tooBig) return;
    tooBig = true;
    post({ type: 'log', message: 'runbus remote write: too many targets for the shared counters; /metrics shows them as of the last drain' });
  },
};

let db: Database.Database;
let writer: RemoteWriter;
try {
  db = new Database(data.dbPath, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  // Checkpoints belong to the store's writer thread.
  db.pragma('wal_autocheckpoint = 0');
  // A cursor update lost to a power cut only means a resend, which the
  // in-flight replay makes harmless: no fsync per request.
  db.pragma('synchronous = NORMAL');
  writer = new RemoteWriter(db, data.settings, env);
} catch (err) {
  post({ type: 'open-failed', message: (err as Error).message });
  port.close();
  process.exit(0);
}
const running = writer.run();
post({ type: 'ready' });

port.on('message', (msg: ToRemoteWorker) => {
  switch (msg.type) {
    case 'drain':
      void writer.drain(msg.timeoutMs).then((ok) => { post({ type: 'drained', id: msg.id, ok, stats: writer.stats() }); });
      break;
    case 'stop':
      writer.stop();
      void running.then(() => {
        const stats = writer.stats();
        db.close();
        post({ type: 'stopped', id: msg.id, stats });
        port.close();
      });
      break;
    default:
      unknownRemoteMessage(msg);
  }
});
