// The live dashboard: a page with uPlot charts, fed by Server-Sent Events
// from the bus and by the store for past runs (docs/dashboard.md).
export { createDashboard, startDashboardServer, kSecurityHeaders } from './dashboard.js';
export type { Dashboard, DashboardStats, DashboardServer, DashboardServerOptions } from './dashboard.js';
export {
  resolveDashboardOptions,
  kDefaults as kDashboardDefaults,
  kDefaultMaxPoints,
  kDefaultPushIntervalMs,
  kDefaultClientQueue,
  kDefaultStallMs,
  kDefaultMaxClients,
  kDefaultMaxComponents,
  kDefaultRawRangeMs,
} from './options.js';
export type { DashboardOptions, ResolvedDashboardOptions } from './options.js';
export { DashboardError } from './errors.js';
export type { DashboardErrorCode } from './errors.js';
export { downsampleMinMax } from './downsample.js';
export type { Series } from './downsample.js';
export { SseClient, sseFrame } from './sse-client.js';
export type { SseSink, SseClientStats, SseClientOptions } from './sse-client.js';
export { bearerOf, tokenChecker } from '../http-auth.js';
export type { RunView, RunHistory } from './history.js';
export type { AlertView, HostView, HubView, GpuView, ComponentView, LiveDelta } from './live-state.js';
