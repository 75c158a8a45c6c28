import { LifecycleKind } from '../wire/index.js';
import type { ContainerSnapshot, Lifecycle, MetricSample } from '../wire/index.js';

// Containers in /metrics. Fed from the bus like everything else the exporter
// shows: CONTAINER snapshots, container LIFECYCLE events, and the two METRIC
// samples the container monitor publishes (component `runbus/containers`).

export const kContainerMetricNames = {
  active: 'runbus_containers_active',
  cpuPercent: 'runbus_container_cpu_percent',
  memory: 'runbus_container_memory_bytes',
  memoryLimit: 'runbus_container_memory_limit_bytes',
  pids: 'runbus_container_pids',
  ioRead: 'runbus_container_io_read_bytes_total',
  ioWrite: 'runbus_container_io_write_bytes_total',
  orphaned: 'runbus_orphaned_containers',
  cleanupFailures: 'runbus_container_cleanup_failures_total',
} as const;

/** The monitor's METRIC sample names, and the component it publishes them under. */
export const kContainerMonitorComponent = 'runbus/containers';
export const kOrphanedContainersSample = 'orphaned_containers';
export const kCleanupFailuresSample = 'container_cleanup_failures';

type Labels = Record<string, string>;
type Emit = (labels: Labels, value: number | null | undefined) => void;
type Register = (name: string, help: string, labelNames: string[], fill: (emit: Emit) => void) => unknown;

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export class ContainerFamilies {
  readonly #live = new Map<string, { snap: ContainerSnapshot; lastMs: number }>();
  readonly #perRun = new Map<string, { orphaned?: number; failures?: number; lastMs: number }>();

  /** Registers the families through the collector's gauge/counter helpers. */
  register(gauge: Register, counter: Register): void {
    const labels = ['run_id', 'container_id', 'name'];
    const each = (read: (s: ContainerSnapshot) => number | undefined) => (emit: Emit): void => {
      for (const { snap } of this.#live.values()) emit({ run_id: snap.runId, container_id: snap.containerId.slice(0, 12), name: snap.name }, read(snap));
    };
    gauge(kContainerMetricNames.active, 'Containers watched (running, matching the filter) per run.', ['run_id'], (emit) => {
      const n = new Map<string, number>();
      for (const { snap } of this.#live.values()) n.set(snap.runId, (n.get(snap.runId) ?? 0) + 1);
      for (const [run, c] of n) emit({ run_id: run }, c);
      for (const run of this.#perRun.keys()) if (!n.has(run)) emit({ run_id: run }, 0);
    });
    gauge(kContainerMetricNames.cpuPercent, 'Container CPU use; 100 = one core busy.', labels, each((s) => num(s.cpuPercent)));
    gauge(kContainerMetricNames.memory, 'Container memory in use as docker stats counts it (usage minus inactive file cache).', labels, each((s) => num(s.memBytes)));
    gauge(kContainerMetricNames.memoryLimit, 'Container memory limit (the host memory when it has none).', labels, each((s) => num(s.memLimitBytes)));
    gauge(kContainerMetricNames.pids, 'Processes in the container.', labels, each((s) => num(s.pids)));
    counter(kContainerMetricNames.ioRead, 'Bytes the container read from block devices.', labels, each((s) => num(s.ioReadBytes)));
    counter(kContainerMetricNames.ioWrite, 'Bytes the container wrote to block devices.', labels, each((s) => num(s.ioWriteBytes)));
    gauge(kContainerMetricNames.orphaned, 'Orphaned containers: left by earlier runs (not cleaned) or whose cleanup failed.', ['run_id'], (emit) => {
      for (const [run, r] of this.#perRun) emit({ run_id: run }, r.orphaned);
    });
    counter(kContainerMetricNames.cleanupFailures, 'Container stop/remove attempts that failed.', ['run_id'], (emit) => {
      for (const [run, r] of this.#perRun) emit({ run_id: run }, r.failures ?? 0);
    });
  }

  snapshot(s: ContainerSnapshot, now: number): void {
    this.#live.set(`${s.runId}\u0000${s.containerId}`, { snap: s, lastMs: now });
    if (!this.#perRun.has(s.runId)) this.#perRun.set(s.runId, { lastMs: now });
  }

  lifecycle(l: Lifecycle, now: number): void {
    const kind = l.kind as number;
    if (kind === LifecycleKind.CONTAINER_EXITED || kind === LifecycleKind.CONTAINER_CLEANED) {
      this.#live.delete(`${l.runId}\u0000${(l as { containerId?: string | null }).containerId ?? ''}`);
    }
    if (kind === LifecycleKind.CONTAINER_STARTED && !this.#perRun.has(l.runId)) this.#perRun.set(l.runId, { lastMs: now });
  }

  /** True when the sample was the monitor's (and is shown here, not as an app metric). */
  metric(m: MetricSample, now: number): boolean {
    if (m.component !== kContainerMonitorComponent) return false;
    const r = this.#perRun.get(m.runId) ?? { lastMs: now };
    if (m.name === kOrphanedContainersSample) r.orphaned = m.value;
    else if (m.name === kCleanupFailuresSample) r.failures = m.value;
    else return false;
    r.lastMs = now;
    this.#perRun.set(m.runId, r);
    return true;
  }

  sweep(old: (lastMs: number) => boolean): void {
    for (const [k, v] of this.#live) if (old(v.lastMs)) this.#live.delete(k);
    for (const [k, v] of this.#perRun) if (old(v.lastMs) && ![...this.#live.values()].some((x) => x.snap.runId === k)) this.#perRun.delete(k);
  }
}
