import type { runbus } from './gen/telemetry.js';

/**
 * Bus topics; the numbers are the wire enum `runbus.v1.Topic`.
 * (A test checks the two agree.)
 */
export const Topic = {
  RESOURCE: 1,
  HOST: 2,
  GPU: 3,
  METRIC: 4,
  ALERT: 5,
  HEARTBEAT: 6,
  LIFECYCLE: 7,
  CONTAINER: 8,
} as const;
export type Topic = (typeof Topic)[keyof typeof Topic];

export const kTopics: readonly Topic[] = Object.values(Topic);

/** Lower-case topic names, for logs and stats keys. */
export const kTopicNames: Readonly<Record<Topic, string>> = {
  1: 'resource',
  2: 'host',
  3: 'gpu',
  4: 'metric',
  5: 'alert',
  6: 'heartbeat',
  7: 'lifecycle',
  8: 'container',
};

export const Severity = { INFO: 1, WARNING: 2, CRITICAL: 3 } as const;
export type Severity = (typeof Severity)[keyof typeof Severity];

/** A severity's name, as alert rules, views, logs and labels spell it. */
export type SeverityName = 'info' | 'warning' | 'critical';
/** Name of each severity (the one map: rules, the alerts view, logs, Prometheus, dashboard). */
export const kSeverityNames: Readonly<Record<Severity, SeverityName>> = {
  [Severity.INFO]: 'info',
  [Severity.WARNING]: 'warning',
  [Severity.CRITICAL]: 'critical',
};

/** The name of a severity number; 'unspecified' for 0 or anything unknown. */
export function severityName(v: unknown): SeverityName | 'unspecified' {
  return (typeof v === 'number' ? (kSeverityNames as Readonly<Record<number, SeverityName>>)[v] : undefined) ?? 'unspecified';
}

export const AlertState = { FIRING: 1, RESOLVED: 2 } as const;
export type AlertState = (typeof AlertState)[keyof typeof AlertState];

/** An alert state's name, as the alerts view, logs and views spell it; 'unspecified' for anything else. */
export function alertStateName(v: unknown): 'firing' | 'resolved' | 'unspecified' {
  return v === AlertState.FIRING ? 'firing' : v === AlertState.RESOLVED ? 'resolved' : 'unspecified';
}

export const LifecycleKind = {
  RUN_STARTED: 1,
  RUN_ENDED: 2,
  PROCESS_STARTED: 3,
  PROCESS_EXITED: 4,
  CONTAINER_STARTED: 5,
  CONTAINER_EXITED: 6,
  CONTAINER_CLEANED: 7,
  CONTAINER_ORPHANED: 8,
  PROCESS_RENAMED: 9,
} as const;
export type LifecycleKind = (typeof LifecycleKind)[keyof typeof LifecycleKind];

// Payload types: the generated property bags (every field optional, absent
// figures null or undefined) with the identifying fields made required.

export type FigureError = runbus.v1.FigureError.$Properties;
export type ResourceSnapshot = runbus.v1.ResourceSnapshot.$Properties & {
  tsMs: number;
  runId: string;
  component: string;
  pid: number;
};
export type DiskUsage = runbus.v1.DiskUsage.$Properties;
export type HostSnapshot = runbus.v1.HostSnapshot.$Properties & { tsMs: number; runId: string };
export type GpuDevice = runbus.v1.GpuDevice.$Properties;
export type GpuProcess = runbus.v1.GpuProcess.$Properties;
export type GpuSnapshot = runbus.v1.GpuSnapshot.$Properties & { tsMs: number; runId: string };
export type MetricSample = runbus.v1.MetricSample.$Properties & {
  tsMs: number;
  runId: string;
  name: string;
  value: number;
};
export type Alert = Omit<runbus.v1.Alert.$Properties, 'severity' | 'state'> & {
  tsMs: number;
  runId: string;
  rule: string;
  severity?: Severity | null;
  state?: AlertState | null;
};
export type QueueStatsMessage = runbus.v1.QueueStats.$Properties;
export type Heartbeat = runbus.v1.Heartbeat.$Properties & { tsMs: number };
export type ContainerSnapshot = runbus.v1.ContainerSnapshot.$Properties & {
  tsMs: number;
  runId: string;
  containerId: string;
  name: string;
};
export type Lifecycle = Omit<runbus.v1.Lifecycle.$Properties, 'kind'> & { tsMs: number; runId: string; kind: LifecycleKind };

/** What each topic carries. */
export interface TopicPayloads {
  1: ResourceSnapshot;
  2: HostSnapshot;
  3: GpuSnapshot;
  4: MetricSample;
  5: Alert;
  6: Heartbeat;
  7: Lifecycle;
  8: ContainerSnapshot;
}

/** One message on the bus: a topic and its payload. */
export type Envelope = { [T in Topic]: { topic: T; payload: TopicPayloads[T] } }[Topic];

export type Hello = runbus.v1.Hello.$Properties & { protocolVersion: number };
export type Subscribe = Omit<runbus.v1.Subscribe.$Properties, 'topics'> & { topics?: Topic[] | null };
export type ErrorFrame = runbus.v1.ErrorFrame.$Properties & { code: string };
export type Welcome = runbus.v1.Welcome.$Properties & { protocolVersion: number };
/** A client's own event-loop figures (see LoopReport in the .proto). */
export interface LoopReport {
  tsMs: number;
  loopLagP50Ms?: number | null;
  loopLagP99Ms?: number | null;
  loopLagMaxMs?: number | null;
  loopUtilization?: number | null;
  heapUsedBytes?: number | null;
  heapTotalBytes?: number | null;
  externalBytes?: number | null;
  arrayBuffersBytes?: number | null;
  gcMinorMs?: number | null;
  gcMajorMs?: number | null;
  gcIncrementalMs?: number | null;
  gcWeakcbMs?: number | null;
  activeResources?: number | null;
}

/** A socket frame, as the codec hands it over. */
export type Frame =
  | { kind: 'hello'; hello: Hello }
  | { kind: 'publish'; envelopes: Envelope[] }
  | { kind: 'subscribe'; subscribe: Subscribe }
  | { kind: 'error'; error: ErrorFrame }
  | { kind: 'welcome'; welcome: Welcome }
  | { kind: 'loop'; loop: LoopReport };
