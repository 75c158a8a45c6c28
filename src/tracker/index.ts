// track(): the resource use of one piece of work in this process.
export { track, startTracking, kTrackingMetrics, kDefaultTrackSampleIntervalMs } from './tracker.js';
export type { Tracking, Tracked, TrackOptions, ActiveTracking, MetricPublisher } from './tracker.js';
export { snapshot } from './snapshot.js';
export type { SystemSnapshot, SnapshotOptions } from './snapshot.js';
