import { RunbusError } from '../errors.js';

/** Codes of {@link StoreError}; stable, branch on these. */
export type StoreErrorCode =
  /** The path cannot be created or opened for writing (missing directory, permissions). */
  | 'ERR_STORE_UNWRITABLE'
  /** The disk (or the configured size cap) is full: SQLITE_FULL. */
  | 'ERR_STORE_FULL'
  /** The database is read-only: SQLITE_READONLY. */
  | 'ERR_STORE_READONLY'
  /** The file was written by a newer runbus (higher `PRAGMA user_version`). */
  | 'ERR_STORE_SCHEMA_NEWER'
  /** The file exists but is not an SQLite database. */
  | 'ERR_STORE_NOT_SQLITE'
  /** The file is an SQLite database but damaged: SQLITE_CORRUPT. */
  | 'ERR_STORE_CORRUPT'
  /** Another connection holds the lock longer than busyTimeoutMs. */
  | 'ERR_STORE_BUSY'
  /** An I/O error from the operating system: SQLITE_IOERR. */
  | 'ERR_STORE_IO'
  /** Any other failure while opening or configuring the database. */
  | 'ERR_STORE_OPEN'
  /** A batch that does not decode as a runbus `Publish` message. */
  | 'ERR_STORE_BAD_BATCH'
  /** The store was closed. */
  | 'ERR_STORE_CLOSED'
  /** The writer thread died or failed unexpectedly. */
  | 'ERR_STORE_WORKER'
  /** Any other SQLite failure during a write. */
  | 'ERR_STORE_WRITE';

/** A runtime failure of the store; `message` names the file and the problem. */
export class StoreError extends RunbusError {
  declare readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'StoreError';
  }
}

/** A StoreError as it crosses the thread boundary (structured clone drops the class). */
export interface SerializedStoreError {
  code: StoreErrorCode;
  message: string;
  /** The SQLite extended code (e.g. "SQLITE_FULL"), when there is one. */
  sqliteCode?: string;
}

export function serializeError(err: StoreError): SerializedStoreError {
  const cause = err.cause as { code?: unknown } | undefined;
  const sqliteCode = typeof cause?.code === 'string' ? cause.code : undefined;
  return sqliteCode === undefined ? { code: err.code, message: err.message } : { code: err.code, message: err.message, sqliteCode };
}

export function deserializeError(e: SerializedStoreError): StoreError {
  const cause = e.sqliteCode === undefined ? undefined : Object.assign(new Error(e.sqliteCode), { code: e.sqliteCode });
  return new StoreError(e.code, e.message, cause === undefined ? undefined : { cause });
}

/** Maps an SQLite (or file system) error code to a store code. */
export function codeOf(err: unknown, fallback: StoreErrorCode): StoreErrorCode {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return fallback;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'ERR_STORE_FULL';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'ERR_STORE_READONLY';
  if (code === 'SQLITE_NOTADB') return 'ERR_STORE_NOT_SQLITE';
  if (code.startsWith('SQLITE_CORRUPT')) return 'ERR_STORE_CORRUPT';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'ERR_STORE_BUSY';
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM') || code === 'EACCES' || code === 'EPERM' || code === 'ENOENT') {
    return 'ERR_STORE_UNWRITABLE';
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'ERR_STORE_IO';
  return fallback;
}

const kWhat: Record<StoreErrorCode, string> = {
  ERR_STORE_UNWRITABLE: 'cannot be opened for writing',
  ERR_STORE_FULL: 'is full (no space left on the disk, or the size cap is reached)',
  ERR_STORE_READONLY: 'is read-only',
  ERR_STORE_SCHEMA_NEWER: 'has a newer schema',
  ERR_STORE_NOT_SQLITE: 'is not an SQLite database',
  ERR_STORE_CORRUPT: 'is damaged (SQLite reports corruption)',
  ERR_STORE_BUSY: 'is locked by another connection',
  ERR_STORE_IO: 'had an I/O error',
  ERR_STORE_OPEN: 'could not be opened',
  ERR_STORE_BAD_BATCH: 'was sent a batch that does not decode',
  ERR_STORE_CLOSED: 'is closed',
  ERR_STORE_WORKER: 'lost its writer thread',
  ERR_STORE_WRITE: 'could not be written',
};

/** Wraps any error into a StoreError whose message names the file and the problem. */
export function toStoreError(err: unknown, path: string, doing: string, fallback: StoreErrorCode): StoreError {
  if (err instanceof StoreError) return err;
  const code = codeOf(err, fallback);
  const detail = err instanceof Error ? err.message : String(err);
  return new StoreError(code, `runbus store ${JSON.stringify(path)} ${kWhat[code]} (${doing}: ${detail})`, { cause: err });
}
