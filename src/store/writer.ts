import type { Database as Db } from 'better-sqlite3';
import { WireError } from '../errors.js';
import { StoreError, toStoreError } from './errors.js';
import { randomBytes } from 'node:crypto';
import type { HostRecord } from './protocol.js';
import { WalWatch, openWriterDb, setMaxSize, walBytesOf } from './db.js';
import { Ingestor } from './ingest.js';
import type { ResolvedStoreOptions } from './options.js';

// The writer engine, run inside the writer thread: it owns the only write
// connection, and runs the WAL checkpoints on it too. Plain synchronous
// methods, no timers (timing lives on the main thread, where tests can fake it).

/**
 * WAL size past which the writer checkpoints after a batch, whatever the
 * interval says (capped by journal_size_limit). SQLite's own automatic
 * checkpoint uses 1000 pages (4 MiB with 4 KiB pages): a WAL this small stays
 * in the page cache and one checkpoint copies it in a few milliseconds.
 */
export const kCheckpointWalBytes = 4 * 1024 * 1024;

/** Retention steps the writer runs after a batch at most (each one ≤ 500 rows). */
const kPaceSteps = 8;

/** Errors after which the connection is reopened before the next write. */
const kReopenAfter = new Set<StoreError['code']>(['ERR_STORE_READONLY', 'ERR_STORE_IO', 'ERR_STORE_UNWRITABLE', 'ERR_STORE_CORRUPT']);

export class Writer {
  readonly #o: ResolvedStoreOptions;
  #db: Db | undefined;
  #ingestor: Ingestor | undefined;
  #maxSize: number | null;
  #fault: 'readonly' | 'none' = 'none';
  readonly #wal: WalWatch;
  /** The WAL file's size at its last stat (-1: stat at the next walBytes()), and the salt then. */
  #walFile = -1;
  #walSalt = -1;
  #walStats = 0;

  /** Opens the database; throws StoreError. */
  constructor(options: ResolvedStoreOptions) {
    this.#o = options;
    this.#maxSize = options.maxSizeBytes ?? null;
    this.#wal = new WalWatch(options.path);
    this.#open();
  }

  #open(): void {
    const db = openWriterDb({ ...this.#o, maxSizeBytes: this.#maxSize ?? undefined });
    try {
      if (this.#fault === 'readonly') db.pragma('query_only = 1');
      this.#ingestor = new Ingestor(db, this.#o);
    } catch (err) {
      db.close();
      throw toStoreError(err, this.#o.path, 'preparing statements', 'ERR_STORE_OPEN');
    }
    this.#db = db;
  }

  #ensureOpen(): Ingestor {
    if (this.#db === undefined || this.#ingestor === undefined) this.#open();
    return this.#ingestor!;
  }

  #dropConnection(): void {
    try {
      this.#db?.close();
    } catch {
      // Closing a broken connection may fail too; the next write reopens.
    }
    this.#db = undefined;
    this.#ingestor = undefined;
    this.#wal.close();
    this.#walFile = -1;
  }

  #failed(err: unknown, doing: string): StoreError {
    const e = toStoreError(err, this.#o.path, doing, 'ERR_STORE_WRITE');
    if (kReopenAfter.has(e.code)) this.#dropConnection();
    return e;
  }

  /** Decodes and writes one batch in one transaction; returns rows written. Throws StoreError. */
  write(batch: ArrayBuffer): number {
    let ingestor: Ingestor;
    try {
      ingestor = this.#ensureOpen();
    } catch (err) {
      throw this.#failed(err, 'reopening after an error');
    }
    try {
      return ingestor.write(new Uint8Array(batch));
    } catch (err) {
      if (err instanceof WireError) {
        throw new StoreError('ERR_STORE_BAD_BATCH', `runbus store ${JSON.stringify(this.#o.path)} was sent a batch that does not decode: ${err.message}`, { cause: err });
      }
      throw this.#failed(err, 'writing a batch');
    }
  }

  /** Whether retention has work left. */
  needsMaintenance(): boolean {
    return this.#ingestor?.needsMaintenance() ?? false;
  }

  /**
   * After a batch of `rows`: retention steps until as many rows are deleted
   * (at most kPaceSteps), so retention keeps pace with a sustained load.
   * Returns whether more may remain. Throws StoreError.
   */
  keepPace(rows: number): boolean {
    if (this.#ingestor === undefined) return false;
    try {
      return this.#ingestor.keepPace(rows, kPaceSteps);
    } catch (err) {
      throw this.#failed(err, 'deleting old rows');
    }
  }

  /**
   * Whether the live part of the WAL has grown past the size that calls for a
   * checkpoint now. When the wal-index cannot be read, the WAL file's size
   * stands in: it only overstates, so checkpoints come early, never late.
   */
  walNeedsCheckpoint(): boolean {
    const live = this.#wal.liveBytes() ?? this.walBytes();
    return live >= Math.min(kCheckpointWalBytes, this.#o.journalSizeLimitBytes);
  }

  /** One small retention step; returns whether more may remain. Throws StoreError. */
  maintainStep(): boolean {
    if (this.#ingestor === undefined) return false;
    try {
      return this.#ingestor.maintainStep();
    } catch (err) {
      throw this.#failed(err, 'deleting old rows');
    }
  }

  /**
   * PASSIVE checkpoint (never waits for readers); when the WAL has grown past
   * journal_size_limit (a reader kept PASSIVE from finishing), a RESTART with
   * a short busy timeout so the next write starts the WAL from its beginning
   * and the file is truncated.
   */
  checkpoint(): void {
    const db = this.#db;
    if (db === undefined) return;
    this.#walFile = -1;
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
      if (this.walBytes() > this.#o.journalSizeLimitBytes) {
        db.pragma('busy_timeout = 100');
        try {
          db.pragma('wal_checkpoint(RESTART)');
        } finally {
          db.pragma(`busy_timeout = ${this.#o.busyTimeoutMs}`);
        }
      }
    } catch (err) {
      throw this.#failed(err, 'checkpointing the WAL');
    }
  }

  /**
   * The WAL file's size, without a stat() per batch: between two restarts of
   * the WAL (a new salt in the wal-index) SQLite only appends frames, so the
   * file is the larger of its size when last stat'ed and the live frames'
   * end. A restart (the one time the file may shrink), a checkpoint, or an
   * unreadable wal-index means a stat.
   */
  walBytes(): number {
    const live = this.#wal.liveBytes();
    if (live === undefined || this.#walFile < 0 || this.#wal.salt !== this.#walSalt) {
      this.#walFile = walBytesOf(this.#o.path);
      this.#walSalt = this.#wal.salt;
      this.#walStats++;
    }
    return Math.max(this.#walFile, live ?? 0);
  }

  /** stat() calls walBytes() has made (for tests). */
  get walStats(): number {
    return this.#walStats;
  }

  setMaxSize(bytes: number | null): void {
    this.#maxSize = bytes;
    if (this.#db !== undefined) setMaxSize(this.#db, bytes);
  }

  /** Upserts the host into t_host; returns its id (generated once per file when not given). */
  recordHost(h: HostRecord): string {
    this.#ensureOpen();
    const db = this.#db!;
    return db.transaction(() => {
      let id = h.hostId;
      if (id === null) {
        id = db.prepare("SELECT value FROM t_meta WHERE key = 'host_id'").pluck().get() as string | undefined ?? null;
        if (id === null) {
          id = randomBytes(8).toString('hex');
          db.prepare("INSERT INTO t_meta (key, value) VALUES ('host_id', ?)").run(id);
        }
      }
      db.prepare(`INSERT INTO t_host (host_id, hostname, cpu_model, cpu_cores, cpu_physical_cores, mem_total_bytes, os, os_release, kernel, arch, gpus, first_seen_ms, last_seen_ms)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (host_id) DO UPDATE SET hostname = excluded.hostname, cpu_model = excluded.cpu_model, cpu_cores = excluded.cpu_cores,
          cpu_physical_cores = excluded.cpu_physical_cores, mem_total_bytes = excluded.mem_total_bytes, os = excluded.os,
          os_release = excluded.os_release, kernel = excluded.kernel, arch = excluded.arch, gpus = excluded.gpus, last_seen_ms = excluded.last_seen_ms`)
        .run(id, h.hostname, h.cpuModel, h.cpuCores, h.cpuPhysicalCores, h.memTotalBytes, h.os, h.osRelease, h.kernel, h.arch, h.gpus, h.seenAtMs, h.seenAtMs);
      return id;
    }).immediate();
  }

  setFault(fault: 'readonly' | 'none'): void {
    this.#fault = fault;
    this.#db?.pragma(`query_only = ${fault === 'readonly' ? 1 : 0}`);
  }

  /** Final TRUNCATE checkpoint, then close. */
  close(): void {
    const db = this.#db;
    if (db === undefined) return;
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // Readers still open keep the WAL; closing is still safe (and SQLite
      // checkpoints on the last connection's close).
    }
    this.#dropConnection();
  }
}
