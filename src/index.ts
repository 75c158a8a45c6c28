// The public API of runbus. Named exports only.
export { RunbusError, WireError } from './errors.js';
export type { WireErrorCode } from './errors.js';

// Wire: the protocol and its codec.
export {
  Topic,
  Severity,
  AlertState,
  LifecycleKind,
  kProtocolVersion,
  encodeBatch,
  decodeBatch,
  encodeFrame,
  decodeFrame,
  FrameReader,
} from './wire/index.js';
export type {
  Envelope,
  Frame,
  TopicPayloads,
  ResourceSnapshot,
  HostSnapshot,
  DiskUsage,
  GpuSnapshot,
  GpuDevice,
  MetricSample,
  Alert,
  Heartbeat,
  Lifecycle,
  FigureError,
} from './wire/index.js';

// The bus, in a process and across processes.
export { RunBus, Subscription } from './bus/index.js';
export type { RunBusOptions, SubscribeOptions, BusStats, QueueStats, OverflowPolicy, Handler, Logger } from './bus/index.js';
export { connectBus, serveBus, RemoteBus, BusServer, RemoteBusError, defaultSocketPath } from './bus/remote/index.js';
export type { RemoteBusOptions, RemoteBusStats, BusServerOptions, BusServerStats, ClientInfo } from './bus/remote/index.js';

// Samplers.
export { createSampler, createLoopSampler } from './samplers/index.js';
export type { Sampler, SamplerOptions, SamplerStats, LoopSampler, LoopSamplerOptions, LoopFigures, GpuOptions } from './samplers/index.js';

// The store.
export { openStore, openReader, StoreError } from './store/index.js';
export type { Store, StoreOptions, StoreReader, StoreStats, StoreErrorCode, RunRow, SnapshotRow, RollupRow, AlertRow, MetricRow } from './store/index.js';

// The hub.
export { createHub } from './hub/index.js';
export type { Hub, HubOptions, HubStats, CloseOptions } from './hub/index.js';

// Resource use of one piece of work.
export { track, startTracking, snapshot } from './tracker/index.js';
export type { Tracking, Tracked, TrackOptions, ActiveTracking, SystemSnapshot, SnapshotOptions } from './tracker/index.js';

// Configuration as the command line reads it (flags > RUNBUS_* > file > defaults).
export { loadConfig, ConfigError } from './config/index.js';
export type { RunbusConfig, ResolvedConfig } from './config/index.js';

// Alerts, Prometheus, the final export, the dashboard.
export { createAlertEngine, parseAlertRules, AlertRuleError } from './alerts/index.js';
export type { AlertEngine, AlertEngineOptions, AlertRule } from './alerts/index.js';
export { startPrometheusExporter, createMetricsCollector, writeFinalExport, createJsonLogWriter, promRulesYaml, ExporterError, ExportError } from './export/index.js';
export type { PrometheusExporter, PrometheusExporterOptions, MetricsCollector } from './export/index.js';
export { createDashboard, startDashboardServer, DashboardError } from './dashboard/index.js';
export type { Dashboard, DashboardOptions, DashboardServer, DashboardServerOptions } from './dashboard/index.js';
