// Entry of the writer thread (compiled to dist/store/writer-worker.js).
// Owns the single write connection; see protocol.ts for the messages.
import { parentPort, workerData } from 'node:worker_threads';
import { StoreError, serializeError, toStoreError } from './errors.js';
import { ackBlockOf, kAckCommitted, kAckWaiting, unknownMessage } from './protocol.js';
import type { FromWriter, ToWriter } from './protocol.js';
import type { ResolvedStoreOptions } from './options.js';
import { Writer } from './writer.js';
import { kSchemaVersion } from './schema.js';

if (parentPort === null) throw new Error('writer-worker.js must run in a worker thread');
const port = parentPort;
const options = workerData as ResolvedStoreOptions;
const ackSab = (workerData as { ackBlock?: unknown }).ackBlock;
const ack = ackSab instanceof SharedArrayBuffer ? ackBlockOf(ackSab) : undefined;

/** How long retention may run between two messages, in ms. */
const kMaintenanceSliceMs = 5;

function post(msg: FromWriter): void {
  port.postMessage(msg);
}

function asStoreError(err: unknown, doing: string): StoreError {
  return err instanceof StoreError ? err : toStoreError(err, options.path, doing, 'ERR_STORE_WRITE');
}

let writer: Writer;
try {
  writer = new Writer(options);
} catch (err) {
  post({ type: 'open-failed', error: serializeError(asStoreError(err, 'opening')) });
  port.close();
  process.exit(0);
}
post({ type: 'ready', schemaVersion: kSchemaVersion, walBytes: writer.walBytes() });

let maintenanceScheduled = false;
let closing = false;

// Retention runs in slices between messages: setImmediate yields to the
// event loop, so a write that arrives waits at most one slice.
function maintain(): void {
  maintenanceScheduled = false;
  if (closing) return;
  const end = performance.now() + kMaintenanceSliceMs;
  try {
    while (writer.maintainStep()) {
      if (performance.now() >= end) {
        scheduleMaintenance();
        return;
      }
    }
  } catch (err) {
    post({ type: 'maintenance-failed', error: serializeError(asStoreError(err, 'deleting old rows')) });
  }
}

function scheduleMaintenance(): void {
  if (maintenanceScheduled || closing) return;
  maintenanceScheduled = true;
  setImmediate(maintain);
}

function afterWrite(rows: number, intervalUp: boolean): void {
  let more = false;
  try {
    more = writer.keepPace(rows);
  } catch (err) {
    post({ type: 'maintenance-failed', error: serializeError(asStoreError(err, 'deleting old rows')) });
  }
  if (intervalUp || writer.walNeedsCheckpoint()) {
    try {
      writer.checkpoint();
      post({ type: 'wal', walBytes: writer.walBytes() });
    } catch (err) {
      post({ type: 'maintenance-failed', error: serializeError(asStoreError(err, 'checkpointing the WAL')) });
    }
  }
  if (more) scheduleMaintenance();
}

port.on('message', (msg: ToWriter) => {
  switch (msg.type) {
    case 'write': {
      const t0 = performance.now();
      let rows = 0;
      try {
        rows = writer.write(msg.batch);
        const durationMs = performance.now() - t0;
        if (msg.quiet === true && ack !== undefined) {
          // No message: the main thread reads the commit at its next tick,
          // unless it said it is waiting for it.
          ack.f64[0] = rows;
          ack.f64[1] = durationMs;
          ack.f64[2] = writer.walBytes();
          ack.f64[3] = performance.timeOrigin + performance.now();
          ack.i32[1] = msg.id;
          if (Atomics.exchange(ack.i32, 0, kAckCommitted) === kAckWaiting) post({ type: 'acked' });
        } else {
          post({ type: 'written', id: msg.id, rows, durationMs, walBytes: writer.walBytes() });
        }
      } catch (err) {
        post({ type: 'write-failed', id: msg.id, error: serializeError(asStoreError(err, 'writing a batch')) });
        break;
      }
      // The caller has its answer; what follows is the writer's own upkeep,
      // done before the next message: retention as many rows as were just
      // written, then a checkpoint when the WAL is large or the main thread's
      // clock says the interval is up. Nothing runs on a timer, so an idle
      // store costs nothing.
      afterWrite(rows, msg.checkpoint);
      break;
    }
    case 'control': {
      try {
        const c = msg.control;
        let value: string | undefined;
        switch (c.op) {
          case 'record-host':
            value = writer.recordHost(c.host);
            break;
          case 'set-max-size':
            writer.setMaxSize(c.bytes);
            break;
          case 'fault':
            writer.setFault(c.fault);
            break;
          case 'maintain':
            while (writer.maintainStep()) {
              // Every step is its own short transaction.
            }
            break;
          default:
            unknownMessage('writer', c, 'op');
        }
        post(value === undefined ? { type: 'done', id: msg.id } : { type: 'done', id: msg.id, value });
      } catch (err) {
        if (err instanceof TypeError) throw err;
        post({ type: 'failed', id: msg.id, error: serializeError(asStoreError(err, 'control')) });
      }
      break;
    }
    case 'close':
      closing = true;
      writer.close();
      post({ type: 'closed', id: msg.id });
      port.close();
      break;
    default:
      unknownMessage('writer', msg);
  }
});
