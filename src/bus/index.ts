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
export { Subscription, kOverflowPolicies } from './subscription.js';
export type { Handler, OverflowPolicy, QueueStats } from './subscription.js';
export { RingBuffer } from './ring-buffer.js';
