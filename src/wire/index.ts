export { WireError } from '../errors.js';
export type { WireErrorCode } from '../errors.js';
export {
  kProtocolVersion,
  kDefaultMaxFrameBytes,
  encodeBatch,
  encodeBatchReference,
  encodeBatchTransferable,
  decodeBatch,
  decodeBatchReference,
  encodePayload,
  encodeFrame,
  encodePublishFrame,
  decodeFrame,
  decodeFrameReference,
} from './codec.js';
export { BatchScanner, publishOf } from './resource-decoder.js';
export { kCol, kSnapshotColumns, kResourceFigures, kHostFigures, kGpuFigures, kHeartbeatFigures, familyNames, figureValue } from './figures.js';
export type { ResourceFigure, HostFigure, GpuFigure, HeartbeatFigure, PromFamily, ProcessFamily, FamilyNames, WireType } from './figures.js';
export type { ResourceRow } from './resource-decoder.js';
export { FrameReader, splitFrames } from './frame-reader.js';
export type { FrameReaderOptions } from './frame-reader.js';
export { kMinTsMs, kMaxFutureMs, kMaxNameLength } from './validate.js';
export { Topic, kTopics, kTopicNames, Severity, kSeverityNames, severityName, alertStateName, AlertState, LifecycleKind } from './types.js';
export type { SeverityName } from './types.js';
export type {
  Envelope,
  Frame,
  TopicPayloads,
  ResourceSnapshot,
  HostSnapshot,
  DiskUsage,
  GpuSnapshot,
  GpuDevice,
  GpuProcess,
  MetricSample,
  Alert,
  Heartbeat,
  QueueStatsMessage,
  Lifecycle,
  FigureError,
  Hello,
  Subscribe,
  ErrorFrame,
  LoopReport,
  Welcome,
} from './types.js';
export { runbus as proto } from './gen/telemetry.js';
