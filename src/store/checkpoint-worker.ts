// Entry of the checkpoint thread (compiled to dist/store/checkpoint-worker.js).
// It runs the periodic WAL checkpoints on a connection of its own, so the
// copy of WAL pages into the database and its fsync never stall the writer
// thread: SQLite lets a checkpoint proceed while another connection writes.
// It never writes rows. Messages: the `checkpoint` and `close` subset of
// protocol.ts, answered with ready/open-failed, wal/maintenance-failed, closed.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { serializeError, toStoreError } from './errors.js';
import { walBytesOf } from './db.js';
import { unknownMessage } from './protocol.js';
import type { FromWriter, ToCheckpointer } from './protocol.js';
import type { ResolvedStoreOptions } from './options.js';

if (parentPort === null) throw new Error('checkpoint-worker.js must run in a worker thread');
const port = parentPort;
const o = workerData as ResolvedStoreOptions;

function post(msg: FromWriter): void {
  port.postMessage(msg);
}

let db: Db;
try {
  db = new Database(o.path, { fileMustExist: true });
  // Short: a checkpoint that cannot get its lock now simply waits for the next tick.
  db.pragma('busy_timeout = 100');
  db.pragma('wal_autocheckpoint = 0');
  db.pragma(`journal_size_limit = ${o.journalSizeLimitBytes}`);
} catch (err) {
  post({ type: 'open-failed', error: serializeError(toStoreError(err, o.path, 'opening the checkpoint connection', 'ERR_STORE_OPEN')) });
  port.close();
  process.exit(0);
}
post({ type: 'ready', schemaVersion: 0, walBytes: walBytesOf(o.path) });

port.on('message', (msg: ToCheckpointer) => {
  switch (msg.type) {
    case 'checkpoint':
      try {
        // PASSIVE never waits for readers or the writer. When the WAL has
        // grown past journal_size_limit, RESTART so the writer starts it
        // from the beginning again (and the file is truncated to the limit).
        db.pragma('wal_checkpoint(PASSIVE)');
        if (walBytesOf(o.path) > o.journalSizeLimitBytes) db.pragma('wal_checkpoint(RESTART)');
        post({ type: 'wal', walBytes: walBytesOf(o.path) });
      } catch (err) {
        post({ type: 'maintenance-failed', error: serializeError(toStoreError(err, o.path, 'checkpointing the WAL', 'ERR_STORE_WRITE')) });
      }
      break;
    case 'close':
      db.close();
      post({ type: 'closed', id: msg.id });
      port.close();
      break;
    default:
      unknownMessage('checkpointer', msg);
  }
});
