// The store: runbus's SQLite history. One writer connection in a worker
// thread (openStore), read-only connections anywhere (openReader).
export { openStore } from './store.js';
export { openReader, kExportTables } from './reader.js';
export type { ContainerSummaryRow, ContainerSnapshotRow, ContainerRollupRow, HostRow } from './reader.js';
export { StoreError } from './errors.js';
export { kSchemaVersion } from './schema.js';
export { saveRunSummary, kRunSummaryColumns } from './run-summary.js';
export type { RunSummaryRow } from './run-summary.js';
export {
  kDefaults as kStoreDefaults,
  kDefaultDbPath,
  kDefaultRetentionMs,
  kDefaultRollupRetentionMs,
  kDefaultCheckpointIntervalMs,
  kDefaultBusyTimeoutMs,
  kDefaultJournalSizeLimitBytes,
  resolveStoreOptions,
} from './options.js';
export type { Store, StoreStats, WriteResult } from './store.js';
export type { HostRecord } from './protocol.js';
export type { StoreOptions, ResolvedStoreOptions } from './options.js';
export type { StoreErrorCode } from './errors.js';
export type {
  StoreReader,
  RangeQuery,
  SnapshotQuery,
  MetricQuery,
  RollupQuery,
  MetricRollupQuery,
  ExportTable,
  ExportOptions,
} from './reader.js';
export type {
  RunRow,
  SnapshotRow,
  HostSnapshotRow,
  GpuSnapshotRow,
  RollupRow,
  HostRollupRow,
  MetricRollupRow,
  AlertRow,
  MetricRow,
  ProcessRow,
  HeartbeatRow,
} from './rows.js';
