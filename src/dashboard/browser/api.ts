// The JSON the dashboard serves and the page reads, described once: the
// server's live state and history build these types and the page's script
// consumes them, so tsc checks both ends. Types, and the one list both ends
// walk (the per-component series); no import, so both the Node and the DOM
// program can include it.

/** A series: epoch-ms times and values, same length; null is a gap. */
export interface Series {
  t: number[];
  v: (number | null)[];
}

/** The charted figures of a component. */
export type ComponentField = 'cpu' | 'rss' | 'gpuUtil' | 'gpuMem' | 'lagP99' | 'heapUsed' | 'heapTotal' | 'gcRate';
/** Charted from figures the page derives rather than reads: GC pause ms per second, from the gc_*_ms counters. */
export const kDerivedComponentFields: readonly ComponentField[] = ['gcRate'];
/** Every per-component series: the figure table's dashboard figures (under their kCol keys), then the derived ones. */
export const kComponentFields: readonly ComponentField[] = ['cpu', 'rss', 'gpuUtil', 'gpuMem', 'lagP99', 'heapUsed', 'heapTotal', ...kDerivedComponentFields];

/** One component at one tick. */
export interface ComponentPoint {
  t: number;
  cpu: number | null;
  rss: number | null;
  gpuUtil: number | null;
  gpuMem: number | null;
  lagP99: number | null;
  /** Node runtime: V8 heap used and total, bytes (summed over the tick's processes). */
  heapUsed: number | null;
  heapTotal: number | null;
  /** Node runtime: GC pause, ms per second (every kind; summed over the tick's processes). */
  gcRate: number | null;
}

/** A component's series, one per figure. */
export type ComponentSeries = Record<ComponentField, Series>;

/** One alert as the page shows it. */
export interface AlertView {
  /** rule, component, pid and firing time: stable across FIRING → RESOLVED. */
  key: string;
  rule: string;
  severity: 'info' | 'warning' | 'critical' | 'unspecified';
  state: 'firing' | 'resolved' | 'unspecified';
  component: string;
  pid: number | null;
  message: string;
  value: number | null;
  threshold: number | null;
  firedAtMs: number;
  resolvedAtMs: number | null;
  tsMs: number;
}

/** A row of the `alerts` view, as a stored run's history carries it. */
export interface AlertRowView {
  rule: string;
  severity: AlertView['severity'];
  state: AlertView['state'];
  value: number | null;
  threshold: number | null;
  fired_at_ms: number;
  resolved_at_ms: number | null;
  message: string | null;
  component: string;
  pid: number | null;
  ts_ms: number;
}

export interface HostView {
  host: string;
  tsMs: number;
  cpu: number | null;
  mem: number | null;
  memAvailableBytes: number | null;
  memTotalBytes: number | null;
  load1: number | null;
  cpuCount: number | null;
  disks: { mount: string; usedPercent: number | null; freeBytes: number | null }[];
}

export interface HostPoint {
  t: number;
  cpu: number | null;
  mem: number | null;
  disk: number | null;
}

export interface HostSeries {
  cpu: Series;
  mem: Series;
  disk: Series;
}

export interface GpuView {
  index: number;
  name: string;
  utilPercent: number | null;
  memUsedBytes: number | null;
  memTotalBytes: number | null;
  temperatureC: number | null;
}

export interface HubView {
  tsMs: number;
  uptimeMs: number;
  droppedTotal: number;
  queueDepth: number;
  queues: { name: string; depth: number; capacity: number; dropped: number }[];
  flushP50Ms: number | null;
  flushP99Ms: number | null;
  rowsWritten: number;
  walBytes: number | null;
  connections: number;
}

export interface HubPoint {
  t: number;
  flushP50: number | null;
  flushP99: number | null;
  queueDepth: number;
  dropped: number;
}

export interface HubSeries {
  flushP50: Series;
  flushP99: Series;
  queueDepth: Series;
  dropped: Series;
}

export interface ComponentView {
  name: string;
  pids: number[];
  lastSeenMs: number;
  last: ComponentPoint | null;
  series: ComponentSeries;
}

/** Where a container stands ('unknown': a stored run's container with no exit recorded). */
export type ContainerStatus = 'running' | 'exited' | 'cleaned' | 'unknown';

/** One container: identity, latest figures and state. */
export interface ContainerView {
  id: string;
  name: string;
  image: string;
  status: ContainerStatus;
  /** Found at start, left by an earlier run. */
  orphan: boolean;
  /** Stopped and removed by runbus. */
  cleaned: boolean;
  exitCode: number | null;
  /** Time of the latest figures (null before any). */
  tsMs: number | null;
  cpu: number | null;
  mem: number | null;
  memLimit: number | null;
  pids: number | null;
  /** The latest figures repeated because a fresh read failed. */
  stale: boolean;
}

/** A container's figures at one sample. */
export interface ContainerPoint {
  t: number;
  cpu: number | null;
  mem: number | null;
}

/** Containers' series: per container cpu % and memory, and how many were active. */
export interface ContainerSeries {
  /** Containers sampled in each tick. */
  active: Series;
  byId: { id: string; name: string; cpu: Series; mem: Series }[];
}

/** Changes since the last push: one `tick` frame. */
export interface LiveDelta {
  tsMs: number;
  components: (ComponentPoint & { name: string; pids: number[] })[];
  host: { view: HostView; point: HostPoint } | null;
  gpus: GpuView[] | null;
  alerts: AlertView[];
  hub: { view: HubView; point: HubPoint } | null;
  /** Containers whose row changed, with the points their samples added. */
  containers: { view: ContainerView; points: ContainerPoint[] }[];
  /** How many containers each sampler tick closed since the last push saw. */
  activeContainers: { t: number; n: number }[];
}

/** The dashboard's own counters, in every tick and live answer. */
export interface PageStats {
  clients: number;
  droppedFrames: number;
  droppedClients: number;
  busDropped: number;
}

/** Everything the live state keeps. */
export interface LiveSnapshot {
  components: ComponentView[];
  evictedComponents: number;
  host: (HostView & { series: HostSeries }) | null;
  gpus: GpuView[];
  alerts: AlertView[];
  hub: (HubView & { series: HubSeries }) | null;
  containers: ContainerView[];
  containerSeries: ContainerSeries;
}

/** The answer of `/api/live`, also carried by the stream's `hello` frame. */
export interface LiveAnswer extends LiveSnapshot {
  runId: string | null;
  nowMs: number;
  pushIntervalMs: number;
  maxPoints: number;
  dashboard: PageStats;
}

/** The stream's first frame: the whole live state, so the page paints from it. */
export interface HelloFrame {
  runId: string | null;
  pushIntervalMs: number;
  maxPoints: number;
  live: LiveAnswer;
}

/** A `tick` frame. */
export type TickFrame = LiveDelta & { dashboard: PageStats };

/** A run as the picker lists it. */
export interface RunView {
  runId: string;
  startedAtMs: number | null;
  endedAtMs: number | null;
  firstTsMs: number | null;
  lastTsMs: number | null;
  command: string | null;
  exitCode: number | null;
  signal: string | null;
  host: string | null;
}

/** A machine from the `hosts` view: what each hub records once at start. */
export interface HostInventory {
  hostId: string;
  hostname: string | null;
  cpuModel: string | null;
  cpuCores: number | null;
  memTotalBytes: number | null;
  os: string | null;
  osRelease: string | null;
  kernel: string | null;
  arch: string | null;
  /** GPU controllers, e.g. "NVIDIA A100 (40960 MiB)". */
  gpus: string[];
  lastSeenMs: number | null;
}

/** The answer of `/api/runs`. */
export interface RunsAnswer {
  live: string | null;
  liveHub: boolean;
  store: boolean;
  runs: RunView[];
  /** Machines recorded in the database, most recently seen first. */
  hosts: HostInventory[];
}

/** The answer of `/api/runs/:id`. */
export interface RunHistory {
  run: RunView;
  fromMs: number;
  toMs: number;
  /** Where the series come from. */
  source: 'raw' | 'rollup' | 'none';
  maxPoints: number;
  components: { name: string; series: ComponentSeries }[];
  host: HostSeries | null;
  hub: HubSeries | null;
  alerts: AlertRowView[];
  containers: ContainerView[];
  containerSeries: ContainerSeries;
}
