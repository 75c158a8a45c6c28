import { checkKeys, checkObject, checkOneOf, checkSetting, checkSettingOr, checkString, int } from '../options.js';

/**
 * Every numeric setting of the store: default, range and help, written
 * once. The hub and the config layer (RUNBUS_RETENTION_MS, the config
 * file's retentionMs) take the retention range from here.
 */
export const kDefaults = {
  retentionMs: int(1000, Number.MAX_SAFE_INTEGER, 30 * 60 * 1000, 'raw-row retention in ms'),
  rollupRetentionMs: int(1000, Number.MAX_SAFE_INTEGER, 30 * 24 * 60 * 60 * 1000, 'rollup retention in ms'),
  maxSamplesPerRun: int(1, Number.MAX_SAFE_INTEGER, undefined, 'cap on raw process snapshots per run'),
  maxSizeBytes: int(4096, Number.MAX_SAFE_INTEGER, undefined, 'cap on the database size in bytes'),
  checkpointIntervalMs: int(10, Number.MAX_SAFE_INTEGER, 10_000, 'longest time between WAL checkpoints while writes arrive, ms'),
  busyTimeoutMs: int(0, 2 ** 31 - 1, 5000, 'PRAGMA busy_timeout of the writer, ms'),
  journalSizeLimitBytes: int(0, Number.MAX_SAFE_INTEGER, 64 * 1024 * 1024, 'PRAGMA journal_size_limit, bytes'),
} as const;

/** The database file when none is named (`createHub`, `runbus --db`). */
export const kDefaultDbPath = './runbus.db';

/** Options of {@link openStore}. */
export interface StoreOptions {
  /** Database file path; created (with its schema) when missing. */
  path: string;
  /**
   * `'normal'`: `synchronous=NORMAL` in WAL mode; a committed write survives a
   * crash of the process but the last commits may be lost on a power cut.
   * `'full'`: `synchronous=FULL`; also survives a power cut, at the cost of
   * an fsync per commit. Checked after opening.
   * @default 'normal'
   */
  durability?: 'normal' | 'full';
  /**
   * Raw rows (snapshots, host, GPU, metrics, heartbeats) older than this,
   * measured back from the newest timestamp written to the database, are
   * deleted in small steps. Rollups are kept.
   * @default 1_800_000 (30 minutes)
   */
  retentionMs?: number;
  /**
   * Rollup rows older than this (same clock as retentionMs) are deleted.
   * @default 2_592_000_000 (30 days)
   */
  rollupRetentionMs?: number;
  /**
   * Cap on raw process snapshots kept per run; the oldest go first.
   * @default undefined (no cap)
   */
  maxSamplesPerRun?: number;
  /**
   * Cap on the database size in bytes (`PRAGMA max_page_count`); writes past
   * it fail with ERR_STORE_FULL.
   * @default undefined (no cap)
   */
  maxSizeBytes?: number;
  /**
   * Longest time between WAL checkpoints while writes arrive: the first
   * write after this interval is followed by a `wal_checkpoint(PASSIVE)` in
   * the writer thread. Independently, the writer checkpoints after any batch
   * that leaves more than min(4 MiB, journalSizeLimitBytes) in the WAL, and a
   * RESTART when the WAL passes journalSizeLimitBytes, so it cannot grow
   * without bound while readers are open. No timer runs: an idle store does
   * no work. A checkpoint costs a few ms of the writer thread (most of it
   * the fsync), so at 1 s it was the store's largest cost at a steady
   * sampling load; 10 s bounds what a power loss can take under
   * `durability: 'normal'` to about 10 s of writes.
   * @default 10000
   */
  checkpointIntervalMs?: number;
  /**
   * `PRAGMA busy_timeout` of the writer connection.
   * @default 5000
   */
  busyTimeoutMs?: number;
  /**
   * `PRAGMA journal_size_limit`: the WAL is truncated to this size after a
   * checkpoint resets it; past it the writer forces a RESTART checkpoint. A
   * limit under 4 MiB also lowers the WAL size that triggers a checkpoint.
   * @default 67_108_864 (64 MiB)
   */
  journalSizeLimitBytes?: number;
}

export const kDefaultRetentionMs = kDefaults.retentionMs.default;
export const kDefaultRollupRetentionMs = kDefaults.rollupRetentionMs.default;
export const kDefaultCheckpointIntervalMs = kDefaults.checkpointIntervalMs.default;
export const kDefaultBusyTimeoutMs = kDefaults.busyTimeoutMs.default;
export const kDefaultJournalSizeLimitBytes = kDefaults.journalSizeLimitBytes.default;

/** {@link StoreOptions} with every default filled in. */
export interface ResolvedStoreOptions {
  path: string;
  durability: 'normal' | 'full';
  retentionMs: number;
  rollupRetentionMs: number;
  maxSamplesPerRun: number | undefined;
  maxSizeBytes: number | undefined;
  checkpointIntervalMs: number;
  busyTimeoutMs: number;
  journalSizeLimitBytes: number;
}

const kKeys = [
  'path',
  'durability',
  'retentionMs',
  'rollupRetentionMs',
  'maxSamplesPerRun',
  'maxSizeBytes',
  'checkpointIntervalMs',
  'busyTimeoutMs',
  'journalSizeLimitBytes',
] as const satisfies readonly (keyof StoreOptions)[];

/** Validates options; throws TypeError/RangeError naming the option. */
export function resolveStoreOptions(options: StoreOptions): ResolvedStoreOptions {
  checkObject(options, 'options');
  if (options === undefined) throw new TypeError('options must be an object');
  checkKeys(options, kKeys, 'openStore');
  const path = checkString(options.path, 'options.path');
  if (path.length === 0) throw new TypeError('options.path must not be empty');
  if (path === ':memory:') throw new TypeError('options.path must be a file (":memory:" cannot be shared with readers)');
  const retentionMs = checkSettingOr(options.retentionMs, 'options.retentionMs', kDefaults.retentionMs);
  const rollupRetentionMs = checkSettingOr(options.rollupRetentionMs, 'options.rollupRetentionMs', kDefaults.rollupRetentionMs);
  if (rollupRetentionMs < retentionMs) {
    throw new RangeError(`options.rollupRetentionMs (${rollupRetentionMs}) must be >= options.retentionMs (${retentionMs})`);
  }
  return {
    path,
    durability: options.durability === undefined ? 'normal' : checkOneOf(options.durability, 'options.durability', ['normal', 'full']),
    retentionMs,
    rollupRetentionMs,
    maxSamplesPerRun: checkSetting(options.maxSamplesPerRun, 'options.maxSamplesPerRun', kDefaults.maxSamplesPerRun),
    maxSizeBytes: checkSetting(options.maxSizeBytes, 'options.maxSizeBytes', kDefaults.maxSizeBytes),
    checkpointIntervalMs: checkSettingOr(options.checkpointIntervalMs, 'options.checkpointIntervalMs', kDefaults.checkpointIntervalMs),
    busyTimeoutMs: checkSettingOr(options.busyTimeoutMs, 'options.busyTimeoutMs', kDefaults.busyTimeoutMs),
    journalSizeLimitBytes: checkSettingOr(options.journalSizeLimitBytes, 'options.journalSizeLimitBytes', kDefaults.journalSizeLimitBytes),
  };
}
