export { RunBus, resolveRunBusOptions, kDefaultCapacity, kDefaultDropLogIntervalMs } from './run-bus.js';
export type {
  RunBusOptions,
  ResolvedRunBusOptions,
  SubscribeOptions,
  BusStats,
  TopicStats,
  RunBusEvents,
  Logger,
} from './run-bus.js';
export { Subscription } from './subscription.js';
export type { Handler, QueueStats } from './subscription.js';
// The bounded queue with a named overflow policy every buffer of the bus is made of.
export { BoundedQueue, DropReporter, kOverflowPolicies } from './bounded-queue.js';
export type { BoundedQueueHooks, OverflowPolicy, PushResult } from './bounded-queue.js';
export { RingBuffer } from './ring-buffer.js';
// The event-loop probe every embedding process runs (the hub and each remote bus).
export { createLoopSampler, createLoopTickReader, kLoopFigures, kDefaultLoopResolutionMs, kMinLoopResolutionMs, fillLoopFigures, loopFiguresOfReport, readRuntimeFigures } from './loop-sampler.js';
export type { LoopSampler, LoopSamplerOptions, LoopFigures } from './loop-sampler.js';
// Orphaned processes from RESOURCE and LIFECYCLE (the alert engine and the exporter both count them).
export { OrphanTracker } from './orphan-tracker.js';
