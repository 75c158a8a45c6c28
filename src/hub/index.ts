export { createHub } from './hub.js';
export type { Hub, HubStats, CloseOptions } from './hub.js';
export {
  resolveHubOptions,
  generateRunId,
  kDefaults as kHubDefaults,
  kDefaultDbPath,
  kDefaultBatchSize,
  kDefaultBatchAgeMs,
  kDefaultPendingCapacity,
  kHeartbeatTicks,
  defaultHeartbeatMs,
} from './options.js';
export type { HubOptions, ResolvedHubOptions } from './options.js';
export { Batcher } from './batcher.js';
export type { BatcherOptions, BatcherStats } from './batcher.js';
export { startHubExtras } from './extras.js';
export type { HubExtras, HubExtrasOptions, HubAlertsOptions, HubMetricsOptions } from './extras.js';
