import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { StoreError, deserializeError } from './errors.js';
import type { SerializedStoreError, StoreErrorCode } from './errors.js';
import { kDefaults, resolveStoreOptions } from './options.js';
import type { ResolvedStoreOptions, StoreOptions } from './options.js';
import { ackBlockOf, kAckBlockBytes, kAckCommitted, kAckIdle, kAckInFlight, kAckWaiting, unknownMessage } from './protocol.js';
import type { AckBlock } from './protocol.js';
import type { Control, FromWriter, HostRecord, ToWriter } from './protocol.js';

/** What a committed write reports. */
export interface WriteResult {
  /** Envelopes stored by the transaction. */
  rows: number;
  /** Time the writer thread spent on the batch (decode + transaction), ms. */
  durationMs: number;
  /** From the write() call to the commit (whenever the main thread learnt of it), ms. */
  latencyMs: number;
}

export interface WriteOptions {
  /**
   * Commit reported without waking this thread: the promise settles at the
   * next poll() (or sooner, after hurry(), or with any later message from the
   * writer). One quiet write at a time; while one is unsettled, later ones
   * are answered by message as usual. A failure is always a message.
   */
  quiet?: boolean;
}

/** Counters of a {@link Store}; a snapshot, cheap to call. */
export interface StoreStats {
  /** Envelopes committed since open. */
  rowsWritten: number;
  /** Transactions (write() calls) committed since open. */
  batchesWritten: number;
  /** write() calls that rejected. */
  writesFailed: number;
  /** Size of the WAL file after the last write or checkpoint, bytes. */
  walBytes: number;
  /**
   * WAL checkpoints completed since open (the writer runs one after a batch
   * once the WAL passes 4 MiB or `checkpointIntervalMs` has run out).
   */
  checkpoints: number;
  /** write() calls not yet committed or failed. */
  pendingWrites: number;
  /** The most recent failure (write, retention or checkpoint). */
  lastError?: { code: StoreErrorCode; message: string };
}

/** The write side of the database; one per file. */
export interface Store {
  /**
   * Writes one encoded `Publish` batch (as from `encodeBatchTransferable`)
   * in one transaction. The ArrayBuffer is transferred to the writer thread
   * (it is detached here afterwards). Resolves once the transaction has
   * committed; rejects with a {@link StoreError} (ERR_STORE_FULL,
   * ERR_STORE_READONLY, ERR_STORE_BAD_BATCH, …) and the store stays usable.
   */
  write(batch: ArrayBuffer, options?: WriteOptions): Promise<WriteResult>;
  /** Settles a quiet write that has committed; cheap, no message. */
  poll(): void;
  /** Settles a quiet write now if committed, else has the writer post its commit. */
  hurry(): void;
  stats(): StoreStats;
  /** Changes the size cap (see StoreOptions.maxSizeBytes); undefined lifts it. */
  setMaxSizeBytes(bytes: number | undefined): Promise<void>;
  /** Records this hub's host in the `hosts` view; resolves to its host id. */
  recordHost(host: HostRecord): Promise<string>;
  /** Runs every pending retention step now (normally they run between writes). */
  maintain(): Promise<void>;
  /** Waits for in-flight writes, checkpoints (TRUNCATE) and closes. Idempotent. */
  close(): Promise<void>;
  readonly path: string;
  /** `PRAGMA user_version` of the file once open. */
  readonly schemaVersion: number;
}

interface Pending {
  resolve: (v: never) => void;
  reject: (e: Error) => void;
  kind: 'write' | 'control' | 'close';
  /** performance.timeOrigin + performance.now() when posted (writes). */
  postedAtMs?: number;
}

/**
 * The compiled writer entry. Under tsx or vitest this module runs from
 * src/, where only writer-worker.ts exists and a worker thread cannot load
 * TypeScript; the build output in dist/ is used then.
 */
function workerUrl(file: 'writer-worker.js'): URL {
  const beside = new URL(`./${file}`, import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  const built = new URL(`../../dist/store/${file}`, import.meta.url);
  if (existsSync(fileURLToPath(built))) return built;
  throw new StoreError('ERR_STORE_WORKER', `runbus store: writer thread entry not found at ${fileURLToPath(beside)} or ${fileURLToPath(built)} (run npm run build)`);
}

class StoreImpl implements Store {
  readonly path: string;
  #schemaVersion = 0;
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #rows = 0;
  #batches = 0;
  #failed = 0;
  #walBytes = 0;
  #checkpoints = 0;
  #pendingWrites = 0;
  #lastError: { code: StoreErrorCode; message: string } | undefined;
  #dead: StoreError | undefined;
  #closing: Promise<void> | undefined;
  /**
   * When (Date.now()) the last checkpoint was asked for or reported. The
   * interval is timed here, on the main thread where tests can fake it, and
   * travels with the next write: no timer runs, so an idle store costs nothing.
   */
  #lastCheckpointMs = Date.now();
  readonly #ready: Promise<void>;
  readonly #options: ResolvedStoreOptions;
  readonly #ack: AckBlock = ackBlockOf(new SharedArrayBuffer(kAckBlockBytes));
  /** The id of the quiet write not yet settled. */
  #quietId: number | undefined;

  constructor(o: ResolvedStoreOptions) {
    this.path = o.path;
    this.#options = o;
    Atomics.store(this.#ack.i32, 0, kAckIdle);
    this.#worker = new Worker(workerUrl('writer-worker.js'), { workerData: { ...o, ackBlock: this.#ack.i32.buffer }, name: 'runbus-store-writer' });
    this.#ready = new Promise<void>((resolve, reject) => {
      let started = false;
      this.#worker.on('message', (msg: FromWriter) => {
        if (!started) {
          started = true;
          if (msg.type === 'ready') {
            this.#schemaVersion = msg.schemaVersion;
            this.#walBytes = msg.walBytes;
            resolve();
          } else if (msg.type === 'open-failed') {
            this.#dead = deserializeError(msg.error);
            reject(this.#dead);
          } else {
            this.#die(new StoreError('ERR_STORE_WORKER', `runbus store ${JSON.stringify(this.path)}: writer said ${JSON.stringify(msg.type)} before READY`));
            reject(this.#dead!);
          }
          return;
        }
        this.#onMessage(msg);
      });
      this.#worker.on('error', (err) => {
        const e = new StoreError('ERR_STORE_WORKER', `runbus store ${JSON.stringify(this.path)}: writer thread failed: ${err.message}`, { cause: err });
        this.#die(e);
        if (!started) reject(e);
      });
      this.#worker.on('exit', (code) => {
        this.poll();
        if (this.#dead === undefined && this.#closing === undefined) {
          this.#die(new StoreError('ERR_STORE_WORKER', `runbus store ${JSON.stringify(this.path)}: writer thread exited (code ${code})`));
        }
        if (!started) reject(this.#dead ?? new StoreError('ERR_STORE_WORKER', 'writer thread exited before READY'));
        this.#rejectAll(this.#dead ?? new StoreError('ERR_STORE_CLOSED', `runbus store ${JSON.stringify(this.path)} is closed`));
      });
    });
  }

  get schemaVersion(): number {
    return this.#schemaVersion;
  }

  ready(): Promise<void> {
    return this.#ready;
  }

  #post(msg: ToWriter, transfer?: ArrayBuffer[]): void {
    if (this.#dead !== undefined) return;
    this.#worker.postMessage(msg, transfer);
  }

  #settle(id: number): Pending | undefined {
    const p = this.#pending.get(id);
    this.#pending.delete(id);
    if (p?.kind === 'write') this.#pendingWrites--;
    return p;
  }

  #recordError(e: SerializedStoreError): void {
    this.#lastError = { code: e.code, message: e.message };
  }

  #written(id: number, rows: number, durationMs: number, walBytes: number, committedAtMs: number): void {
    this.#rows += rows;
    this.#batches++;
    this.#walBytes = walBytes;
    const p = this.#settle(id);
    const latencyMs = p?.postedAtMs === undefined ? durationMs : Math.max(durationMs, committedAtMs - p.postedAtMs);
    (p?.resolve as ((v: WriteResult) => void) | undefined)?.({ rows, durationMs, latencyMs });
  }

  poll(): void {
    const id = this.#quietId;
    if (id === undefined || Atomics.load(this.#ack.i32, 0) !== kAckCommitted) return;
    const f = this.#ack.f64;
    if (this.#ack.i32[1] !== id) {
      this.#die(new StoreError('ERR_STORE_WORKER', `runbus store ${JSON.stringify(this.path)}: writer acknowledged write ${this.#ack.i32[1]} instead of ${id}`));
      return;
    }
    this.#quietId = undefined;
    Atomics.store(this.#ack.i32, 0, kAckIdle);
    this.#written(id, f[0]!, f[1]!, f[2]!, f[3]!);
  }

  hurry(): void {
    this.poll();
    if (this.#quietId === undefined) return;
    // Committed meanwhile: settle now; else the writer posts `acked` at the commit.
    if (Atomics.compareExchange(this.#ack.i32, 0, kAckInFlight, kAckWaiting) === kAckCommitted) this.poll();
  }

  #onMessage(msg: FromWriter): void {
    // A quiet write's commit precedes every later message.
    this.poll();
    switch (msg.type) {
      case 'written':
        this.#written(msg.id, msg.rows, msg.durationMs, msg.walBytes, performance.timeOrigin + performance.now());
        break;
      case 'acked':
        break;
      case 'write-failed':
      case 'failed': {
        if (msg.id === this.#quietId) {
          this.#quietId = undefined;
          Atomics.store(this.#ack.i32, 0, kAckIdle);
        }
        if (msg.type === 'write-failed') this.#failed++;
        this.#recordError(msg.error);
        this.#settle(msg.id)?.reject(deserializeError(msg.error));
        break;
      }
      case 'done':
        (this.#settle(msg.id)?.resolve as ((v: string | undefined) => void) | undefined)?.(msg.value);
        break;
      case 'closed':
        (this.#settle(msg.id)?.resolve as (() => void) | undefined)?.();
        break;
      case 'wal':
        this.#walBytes = msg.walBytes;
        this.#checkpoints++;
        this.#lastCheckpointMs = Date.now();
        break;
      case 'maintenance-failed':
        this.#recordError(msg.error);
        break;
      case 'ready':
      case 'open-failed':
        this.#die(new StoreError('ERR_STORE_WORKER', `runbus store ${JSON.stringify(this.path)}: writer said ${msg.type} twice`));
        break;
      default:
        this.#die(new StoreError('ERR_STORE_WORKER', `runbus store ${JSON.stringify(this.path)}: ${errorText(() => unknownMessage('main', msg))}`));
    }
  }

  #die(e: StoreError): void {
    if (this.#dead !== undefined) return;
    this.#dead = e;
    this.#lastError = { code: e.code, message: e.message };
    this.#rejectAll(e);
    void this.#worker.terminate();
  }

  #rejectAll(e: StoreError): void {
    this.#quietId = undefined;
    Atomics.store(this.#ack.i32, 0, kAckIdle);
    for (const [id, p] of this.#pending) {
      this.#settle(id);
      p.reject(e);
    }
  }

  #request<T>(kind: Pending['kind'], make: (id: number) => ToWriter, transfer?: ArrayBuffer[], quiet = false): Promise<T> {
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, kind, ...(kind === 'write' ? { postedAtMs: performance.timeOrigin + performance.now() } : {}) });
      if (kind === 'write') this.#pendingWrites++;
      if (quiet) {
        this.#quietId = id;
        Atomics.store(this.#ack.i32, 0, kAckInFlight);
      }
      try {
        this.#post(make(id), transfer);
      } catch (err) {
        // E.g. a detached ArrayBuffer: nothing was sent, so nothing is pending.
        if (quiet) {
          this.#quietId = undefined;
          Atomics.store(this.#ack.i32, 0, kAckIdle);
        }
        this.#settle(id);
        reject(new TypeError(`batch cannot be sent to the writer thread: ${(err as Error).message}`, { cause: err }));
      }
    });
  }

  #unusable(): StoreError | undefined {
    if (this.#closing !== undefined) return new StoreError('ERR_STORE_CLOSED', `runbus store ${JSON.stringify(this.path)} is closed`);
    return this.#dead;
  }

  write(batch: ArrayBuffer, options: WriteOptions = {}): Promise<WriteResult> {
    if (!(batch instanceof ArrayBuffer)) {
      return Promise.reject(new TypeError('batch must be an ArrayBuffer (use encodeBatchTransferable())'));
    }
    const bad = this.#unusable();
    if (bad !== undefined) return Promise.reject(bad);
    const now = Date.now();
    const checkpoint = now - this.#lastCheckpointMs >= this.#options.checkpointIntervalMs;
    if (checkpoint) this.#lastCheckpointMs = now;
    const quiet = options.quiet === true && this.#quietId === undefined;
    return this.#request<WriteResult>('write', (id) => (quiet ? { type: 'write', id, batch, checkpoint, quiet } : { type: 'write', id, batch, checkpoint }), [batch], quiet);
  }

  #control(control: Control): Promise<void> {
    const bad = this.#unusable();
    if (bad !== undefined) return Promise.reject(bad);
    return this.#request<undefined>('control', (id) => ({ type: 'control', id, control })).then(() => undefined);
  }

  setMaxSizeBytes(bytes: number | undefined): Promise<void> {
    const { min } = kDefaults.maxSizeBytes;
    if (bytes !== undefined && !(Number.isInteger(bytes) && bytes >= min)) {
      return Promise.reject(new RangeError(`bytes must be an integer >= ${min} or undefined (got ${String(bytes)})`));
    }
    return this.#control({ op: 'set-max-size', bytes: bytes ?? null });
  }

  maintain(): Promise<void> {
    return this.#control({ op: 'maintain' });
  }

  recordHost(host: HostRecord): Promise<string> {
    const bad = this.#unusable();
    if (bad !== undefined) return Promise.reject(bad);
    return this.#request<string>('control', (id) => ({ type: 'control', id, control: { op: 'record-host', host } }));
  }

  /**
   * Test hook, not part of the public interface: 'readonly'/'none' see
   * Control 'fault'; 'crash' sends a control op the writer does not know,
   * which must kill it loudly.
   */
  injectFault(fault: 'readonly' | 'none' | 'crash'): Promise<void> {
    if (fault === 'crash') return this.#control({ op: 'no-such-op' } as unknown as Control);
    return this.#control({ op: 'fault', fault });
  }

  stats(): StoreStats {
    const s: StoreStats = {
      rowsWritten: this.#rows,
      batchesWritten: this.#batches,
      writesFailed: this.#failed,
      walBytes: this.#walBytes,
      checkpoints: this.#checkpoints,
      pendingWrites: this.#pendingWrites,
    };
    if (this.#lastError !== undefined) s.lastError = { ...this.#lastError };
    return s;
  }

  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  async #close(): Promise<void> {
    if (this.#dead !== undefined) {
      await this.#worker.terminate();
      return;
    }
    // Messages are handled in order: every write posted before this close
    // is committed (or failed) before the writer checkpoints and closes.
    const exited = new Promise<void>((resolve) => this.#worker.once('exit', () => { resolve(); }));
    await this.#request<undefined>('close', (id) => ({ type: 'close', id }));
    await exited;
  }
}

function errorText(fn: () => never): string {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
}

/**
 * Opens (creating and migrating when needed) the database at `options.path`
 * with its writer thread. Resolves once the writer is READY; rejects with a
 * TypeError/RangeError for bad options and a {@link StoreError} for a file
 * that cannot be used (ERR_STORE_UNWRITABLE, ERR_STORE_READONLY,
 * ERR_STORE_NOT_SQLITE, ERR_STORE_SCHEMA_NEWER, ERR_STORE_OPEN).
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  const o = resolveStoreOptions(options);
  const store = new StoreImpl(o);
  await store.ready();
  return store;
}

/** Test hook: makes the writer connection refuse writes like a read-only file ('none' clears it). */
export function injectStoreFault(store: Store, fault: 'readonly' | 'none' | 'crash'): Promise<void> {
  if (!(store instanceof StoreImpl)) return Promise.reject(new TypeError('store was not made by openStore()'));
  return store.injectFault(fault);
}
