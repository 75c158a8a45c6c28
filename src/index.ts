// The public API of runbus. Named exports only.
export { RunbusError, WireError } from './errors.js';
export type { WireErrorCode } from './errors.js';
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
  GpuSnapshot,
  MetricSample,
  Alert,
  Heartbeat,
  Lifecycle,
} from './wire/index.js';
export { RunBus, Subscription } from './bus/index.js';
export type { RunBusOptions, SubscribeOptions, BusStats, QueueStats, OverflowPolicy, Handler } from './bus/index.js';
