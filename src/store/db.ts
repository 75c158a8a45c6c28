import { accessSync, closeSync, constants, existsSync, openSync, readSync, statSync } from 'node:fs';
import { endianness } from 'node:os';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { StoreError, toStoreError } from './errors.js';
import { kMigrations, kSchemaVersion } from './schema.js';
import type { ResolvedStoreOptions } from './options.js';

// Opening: the writer connection (in the writer thread) and read-only
// connections (readers, on any thread). Every failure becomes a StoreError
// whose message names the file and the problem.

function fail(code: StoreError['code'], path: string, problem: string, cause?: unknown): StoreError {
  return new StoreError(code, `runbus store ${JSON.stringify(path)} ${problem}`, cause === undefined ? undefined : { cause });
}

/** Size of the WAL file in bytes (0 when there is none). */
export function walBytesOf(path: string): number {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return 0;
  }
}

/**
 * Reads how much of the WAL is live — frames written since it was last reset
 * — from the wal-index header at the start of the -shm file
 * (https://sqlite.org/walformat.html, native byte order):
 *
 *   offset  0 iVersion u32 │ 4 unused │ 8 iChange │ 12 isInit u8, 13 bigEndCksum u8
 *          14 szPage u16 (1 = 65536) │ 16 mxFrame u32 (valid frames in the WAL)
 *          20 nPage │ 24 aFrameCksum[2] │ 32 aSalt[2] (the WAL header's) │ …
 *
 * The WAL file's size cannot tell: after a checkpoint SQLite writes it again
 * from the beginning without shrinking it (down to journal_size_limit at most).
 */
export class WalWatch {
  readonly #path: string;
  #fd: number | undefined;
  readonly #buf = Buffer.alloc(40);
  #salt = -1;

  constructor(path: string) {
    this.#path = `${path}-shm`;
  }

  /** Bytes of live WAL content (32-byte header + frames); undefined if the -shm file cannot be read. */
  liveBytes(): number | undefined {
    try {
      this.#fd ??= openSync(this.#path, 'r');
      if (readSync(this.#fd, this.#buf, 0, 40, 0) < 40) return undefined;
    } catch {
      this.close();
      return undefined;
    }
    const le = kLittleEndian;
    const sz = le ? this.#buf.readUInt16LE(14) : this.#buf.readUInt16BE(14);
    const frames = le ? this.#buf.readUInt32LE(16) : this.#buf.readUInt32BE(16);
    // aSalt[0] at offset 32: a new value each time the WAL restarts from its beginning.
    this.#salt = le ? this.#buf.readUInt32LE(32) : this.#buf.readUInt32BE(32);
    const page = sz === 1 ? 65536 : sz;
    return frames === 0 ? 0 : 32 + frames * (page + 24);
  }

  /**
   * The WAL's first salt as of the last liveBytes() that answered (-1
   * before): it changes whenever the WAL restarts from its beginning, the
   * only time SQLite shrinks the file (to journal_size_limit).
   */
  get salt(): number {
    return this.#salt;
  }

  close(): void {
    if (this.#fd === undefined) return;
    try {
      closeSync(this.#fd);
    } catch {
      // Already gone; nothing to release.
    }
    this.#fd = undefined;
  }
}

const kLittleEndian = endianness() === 'LE';

/** Mode of the database file runbus creates (and so of its -wal and -shm). */
export const kPrivateFileMode = 0o600;

function checkWritablePath(path: string): void {
  const dir = dirname(resolve(path));
  if (!existsSync(dir)) throw fail('ERR_STORE_UNWRITABLE', path, `cannot be created: directory ${JSON.stringify(dir)} does not exist`);
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) throw fail('ERR_STORE_UNWRITABLE', path, 'is a directory, not a database file');
    // The WAL and shared-memory files must be writable too: SQLite would
    // otherwise fall back to read-only WAL access and the writer could stall.
    for (const f of [path, `${path}-wal`, `${path}-shm`]) {
      if (f !== path && !existsSync(f)) continue;
      try {
        accessSync(f, constants.R_OK | constants.W_OK);
      } catch (err) {
        throw fail('ERR_STORE_READONLY', path, `is read-only: ${JSON.stringify(f)} is not writable by this process`, err);
      }
    }
  }
  try {
    // The WAL and shared-memory files are created beside the database.
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch (err) {
    throw fail('ERR_STORE_UNWRITABLE', path, `cannot be written: directory ${JSON.stringify(dir)} is not writable by this process`, err);
  }
}

/**
 * Creates a missing database file empty with mode 0600 (an empty file is a
 * valid SQLite database), so the runs, command lines and metrics in it are
 * not readable by other users under the usual 022 umask. SQLite gives the
 * -wal and -shm files it creates the database file's mode, so they follow.
 * An existing file keeps whatever mode its owner gave it.
 */
function createPrivate(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, kPrivateFileMode);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return; // made meanwhile, or already there
    throw fail('ERR_STORE_UNWRITABLE', path, `cannot be created: ${(err as Error).message}`, err);
  }
  closeSync(fd);
}

function readVersion(db: Db, path: string): number {
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } catch (err) {
    throw toStoreError(err, path, 'reading PRAGMA user_version', 'ERR_STORE_OPEN');
  }
}

function checkNotNewer(version: number, path: string): void {
  if (version > kSchemaVersion) {
    throw fail(
      'ERR_STORE_SCHEMA_NEWER',
      path,
      `has schema version ${version} (PRAGMA user_version), newer than version ${kSchemaVersion} that this runbus knows; upgrade runbus or use another file`,
    );
  }
}

/** Applies the migrations the file lacks, each forward-only, in one transaction. */
function migrate(db: Db, path: string): void {
  if (readVersion(db, path) === kSchemaVersion) return;
  try {
    db.transaction(() => {
      // Re-read inside the write lock: another process may have migrated.
      const version = db.pragma('user_version', { simple: true }) as number;
      checkNotNewer(version, path);
      for (let v = version; v < kSchemaVersion; ++v) db.exec(kMigrations[v]!);
      db.pragma(`user_version = ${kSchemaVersion}`);
    }).immediate();
  } catch (err) {
    throw toStoreError(err, path, 'migrating the schema', 'ERR_STORE_OPEN');
  }
}

/**
 * Opens (creating when missing) the single writer connection: WAL,
 * synchronous NORMAL or FULL (verified), busy_timeout, journal_size_limit,
 * size cap, migrations.
 */
export function openWriterDb(o: ResolvedStoreOptions): Db {
  const path = o.path;
  checkWritablePath(path);
  createPrivate(path);
  let db: Db;
  try {
    db = new Database(path);
  } catch (err) {
    throw toStoreError(err, path, 'opening', 'ERR_STORE_UNWRITABLE');
  }
  try {
    db.pragma(`busy_timeout = ${o.busyTimeoutMs}`);
    const version = readVersion(db, path); // the first read: NOTADB shows here
    checkNotNewer(version, path);
    let mode: unknown;
    try {
      mode = db.pragma('journal_mode = WAL', { simple: true });
    } catch (err) {
      throw toStoreError(err, path, 'switching to WAL mode', 'ERR_STORE_OPEN');
    }
    if (mode !== 'wal') throw fail('ERR_STORE_OPEN', path, `could not be switched to WAL mode (journal_mode is ${String(mode)})`);
    const want = o.durability === 'full' ? 2 : 1;
    db.pragma(`synchronous = ${want}`);
    const got = db.pragma('synchronous', { simple: true });
    if (got !== want) {
      throw fail('ERR_STORE_OPEN', path, `kept synchronous=${String(got)} after setting ${want} (durability "${o.durability}")`);
    }
    db.pragma(`journal_size_limit = ${o.journalSizeLimitBytes}`);
    // Checkpoints are ours (periodic, off the write path), not SQLite's
    // every-1000-pages automatic one inside a commit.
    db.pragma('wal_autocheckpoint = 0');
    db.pragma('temp_store = MEMORY');
    db.pragma('cache_size = -32000');
    migrate(db, path);
    if (o.maxSizeBytes !== undefined) setMaxSize(db, o.maxSizeBytes);
    return db;
  } catch (err) {
    db.close();
    throw toStoreError(err, path, 'opening', 'ERR_STORE_OPEN');
  }
}

/** Caps the file at `bytes` (rounded down to whole pages); null lifts the cap. */
export function setMaxSize(db: Db, bytes: number | null): void {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  // 1073741823 is SQLite's own maximum page count (its default).
  const pages = bytes === null ? 1073741823 : Math.max(1, Math.floor(bytes / pageSize));
  db.pragma(`max_page_count = ${pages}`);
}

/** Opens a read-only connection; the file must exist and carry a runbus schema. */
export function openReaderDb(path: string): Db {
  if (!existsSync(path)) throw fail('ERR_STORE_OPEN', path, 'does not exist');
  let db: Db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw toStoreError(err, path, 'opening for reading', 'ERR_STORE_OPEN');
  }
  try {
    db.pragma('busy_timeout = 5000');
    const version = readVersion(db, path);
    if (version === 0) throw fail('ERR_STORE_OPEN', path, 'has no runbus schema (PRAGMA user_version is 0)');
    // A newer file is refused as the writer refuses it: a newer runbus may
    // have changed what a view's columns mean, and a report read from it
    // would be wrong without saying so.
    checkNotNewer(version, path);
    return db;
  } catch (err) {
    db.close();
    throw toStoreError(err, path, 'opening for reading', 'ERR_STORE_OPEN');
  }
}
