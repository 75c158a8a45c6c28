import { LifecycleKind, Topic } from '../wire/index.js';
import type { ContainerSnapshot, MetricSample } from '../wire/index.js';
import type { RunBus } from '../bus/index.js';
import { ContainerError } from './errors.js';
import type { DockerClient, ContainerSummary } from './docker-client.js';
import type { ContainerFilter } from './filter.js';
import type { ContainerTarget } from './container-sampler.js';

// The main-thread half of container watching. It does no file reads: it
// talks to the Engine (discovery, the event stream, cleanup, and the one-shot
// stats fallback) and tells the sampler worker which cgroups to read.
//
//   start ─► ping ─► list(filter) ─► orphans? ─► (clean) stop+remove each
//                         └─► inspect running ─► sampler.setContainers(targets)
//   /events start ─► inspect ─► target added, LIFECYCLE CONTAINER_STARTED
//   /events die   ─► target dropped, LIFECYCLE CONTAINER_EXITED (exit code)
//   worker: cgroup unreadable ─► stats(id) within 2 s ─► CONTAINER (source api)
//                                └ timeout/failure ─► last figures, stale
//   close ─► containers created during the run that still exist ─► cleaned (flag) or reported
//
// Which containers are orphans (docs/containers.md): at start, every
// container matching the filter that was created before this run started,
// unless it carries the label `runbus.run` naming this run. A run's own
// containers are those created after it started (or labelled with its id).

/** Label a user's tooling may set to tie a container to a run (RUNBUS_RUN_ID). */
export const kRunLabel = 'runbus.run';
/** How long a stop waits before Docker kills the container, s. */
export const kDefaultStopTimeoutS = 10;
/** First wait before reconnecting to a lost Engine; doubles to kMaxRetryMs. */
const kRetryMs = 1000;
const kMaxRetryMs = 10_000;
/** Name of the METRIC sample carrying the orphan count (the built-in alert watches it). */
export const kOrphanMetric = 'orphaned_containers';
/** Name of the METRIC sample carrying the cumulative count of failed cleanups. */
export const kCleanupFailuresMetric = 'container_cleanup_failures';

export interface ContainerLogger {
  warn(message: string): void;
  info?(message: string): void;
}

/** The part of the sampler the monitor drives. */
export interface ContainerSamplerLink {
  setContainers(targets: readonly ContainerTarget[]): void;
  onUnreadContainers(fn: (ids: string[]) => void): () => void;
}

export interface ContainerMonitorOptions {
  bus: RunBus;
  runId: string;
  client: DockerClient;
  filter: ContainerFilter;
  sampler: ContainerSamplerLink;
  /** Stop and remove orphans at start and the run's leftovers at the end. */
  clean: boolean;
  /** @default 10 */
  stopTimeoutS?: number;
  /** When the run started, ms (its containers are those created since). @default now */
  runStartedAtMs?: number;
  logger: ContainerLogger;
  /** Component of the METRIC samples and log lines. @default 'runbus/containers' */
  component?: string;
}

/** What the monitor knows about one container of this run. */
export interface ContainerRecord {
  id: string;
  name: string;
  image: string;
  labels: Record<string, string>;
  createdAtMs: number;
  running: boolean;
  exitedAtMs: number | null;
  exitCode: number | null;
  orphan: boolean;
  cleanedUp: boolean;
}

export interface ContainerMonitorStats {
  /** Engine reachable now. */
  connected: boolean;
  /** Containers read each tick. */
  active: number;
  /** Orphans found at start. */
  orphansFound: number;
  /** Orphans (and leftovers at the end) still present: found and not cleaned up. */
  orphaned: number;
  /** Stop/remove failures, cumulative. */
  cleanupFailures: number;
  /** Containers cleaned up, cumulative. */
  cleaned: number;
  /** One-shot stats calls that failed or timed out (figures repeated, stale). */
  statsFallbackFailures: number;
  /** Containers seen in this run (plain data: it goes into metrics_final.json). */
  containers: readonly ContainerRecord[];
}

interface Live {
  target: ContainerTarget;
  last: ContainerSnapshot | null;
  lastApiCpu: { ns: number; atMs: number } | null;
  fetching: boolean;
}

export class ContainerMonitor {
  readonly #o: Required<Omit<ContainerMonitorOptions, 'runStartedAtMs'>> & { runStartedAtMs: number };
  readonly #records = new Map<string, ContainerRecord>();
  readonly #live = new Map<string, Live>();
  #events: { close(): void } | null = null;
  #connected = false;
  #closed = false;
  #retryTimer: NodeJS.Timeout | null = null;
  #retryMs = kRetryMs;
  #loggedDown = false;
  #orphansFound = 0;
  #orphaned = 0;
  #cleanupFailures = 0;
  #cleaned = 0;
  #statsFailures = 0;
  #removeUnread: (() => void) | null = null;
  #connecting: Promise<void> | null = null;

  constructor(options: ContainerMonitorOptions) {
    this.#o = {
      stopTimeoutS: kDefaultStopTimeoutS,
      component: 'runbus/containers',
      ...options,
      runStartedAtMs: options.runStartedAtMs ?? Date.now(),
    };
  }

  /**
   * Connects, handles orphans, and starts following events. Never rejects:
   * an Engine that cannot be reached is one log line, and retried quietly.
   */
  async start(): Promise<void> {
    this.#removeUnread = this.#o.sampler.onUnreadContainers((ids) => { this.#unread(ids); });
    this.#connecting = this.#connect(true);
    await this.#connecting;
  }

  stats(): ContainerMonitorStats {
    return {
      connected: this.#connected,
      active: this.#live.size,
      orphansFound: this.#orphansFound,
      orphaned: this.#orphaned,
      cleanupFailures: this.#cleanupFailures,
      cleaned: this.#cleaned,
      statsFallbackFailures: this.#statsFailures,
      containers: [...this.#records.values()].map((r) => ({ ...r })),
    };
  }

  /**
   * End of run: containers created during it that still exist are cleaned
   * (with the flag) or reported. Then stops following events. Never rejects.
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    await this.#connecting;
    if (this.#connected) {
      try {
        const left = (await this.#o.client.list(this.#o.filter)).filter((c) => this.#ownedByRun(c));
        if (left.length > 0) {
          if (this.#o.clean) {
            this.#info(`runbus containers: ${left.length} container(s) created during the run still exist; cleaning up`);
            for (const c of left) await this.#cleanOne(c, 'left over');
          } else {
            this.#o.logger.warn(`runbus containers: ${left.length} container(s) created during the run still exist (not removed: no --clean-containers): ${left.map((c) => c.id.slice(0, 12)).join(' ')}`);
            this.#orphaned += left.length;
          }
          this.#publishOrphans();
        }
      } catch (err) {
        this.#o.logger.warn(`runbus containers: end-of-run check failed: ${reason(err)}`);
      }
    }
    this.#closed = true;
    if (this.#retryTimer !== null) clearTimeout(this.#retryTimer);
    this.#events?.close();
    this.#events = null;
    this.#removeUnread?.();
    this.#o.sampler.setContainers([]);
    this.#o.client.close();
  }

  #info(msg: string): void {
    if (this.#o.logger.info !== undefined) this.#o.logger.info(msg);
    else this.#o.logger.warn(msg);
  }

  #ownedByRun(c: ContainerSummary): boolean {
    const label = c.labels[kRunLabel];
    if (label !== undefined) return label === this.#o.runId;
    // Docker's Created is in whole seconds.
    return c.createdAtMs >= Math.floor(this.#o.runStartedAtMs / 1000) * 1000;
  }

  async #connect(first: boolean): Promise<void> {
    if (this.#closed) return;
    const c = this.#o.client;
    try {
      await c.ping();
      // Follow events before listing, so a container started in between is not missed.
      this.#events?.close();
      this.#events = c.events(['start', 'die', 'destroy'], (e) => { void this.#onEvent(e); }, (err) => { this.#lost(err); });
      const list = await c.list(this.#o.filter);
      if (first) await this.#orphans(list);
      this.#connected = true;
      this.#retryMs = kRetryMs;
      if (this.#loggedDown) this.#info(`runbus containers: Docker Engine at ${c.endpoint} reachable again`);
      this.#loggedDown = false;
      // After a daemon restart every pid has changed: read them all again.
      this.#live.clear();
      for (const s of list) {
        if (s.state !== 'running' || this.#records.get(s.id)?.cleanedUp === true) continue;
        await this.#track(s.id, !first);
      }
      this.#push();
    } catch (err) {
      this.#lost(err);
    }
  }

  #lost(err: unknown): void {
    if (this.#closed) return;
    const wasConnected = this.#connected;
    this.#connected = false;
    this.#events?.close();
    this.#events = null;
    if (!this.#loggedDown) {
      this.#loggedDown = true;
      this.#o.logger.warn(
        wasConnected
          ? `runbus containers: lost the Docker Engine (${reason(err)}); container figures paused, reconnecting`
          : `${reason(err)}; no container figures (everything else goes on; retrying quietly)`,
      );
    }
    this.#live.clear();
    this.#push();
    if (this.#retryTimer !== null) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      this.#connecting = this.#connect(false);
    }, this.#retryMs);
    this.#retryTimer.unref();
    this.#retryMs = Math.min(kMaxRetryMs, this.#retryMs * 2);
  }

  async #orphans(list: ContainerSummary[]): Promise<void> {
    const orphans = list.filter((c) => !this.#ownedByRun(c));
    this.#orphansFound = orphans.length;
    for (const c of orphans) {
      this.#record(c, true);
      this.#lifecycle(LifecycleKind.CONTAINER_ORPHANED, this.#records.get(c.id)!, Date.now());
    }
    if (orphans.length === 0) {
      this.#publishOrphans();
      return;
    }
    this.#info(`runbus containers: ${orphans.length} orphaned container(s) from earlier runs match "${this.#o.filter.text}"${this.#o.clean ? '; cleaning up' : ' (left alone: no --clean-containers)'}`);
    if (!this.#o.clean) {
      this.#orphaned = orphans.length;
      this.#publishOrphans();
      return;
    }
    for (const c of orphans) await this.#cleanOne(c, 'orphaned');
    this.#publishOrphans();
  }

  async #cleanOne(c: ContainerSummary, what: 'orphaned' | 'left over'): Promise<void> {
    const client = this.#o.client;
    const rec = this.#record(c, what === 'orphaned');
    try {
      if (c.state === 'running' || c.state === 'restarting' || c.state === 'paused') await client.stop(c.id, this.#o.stopTimeoutS);
      await client.remove(c.id);
    } catch (err) {
      if (err instanceof ContainerError && err.code === 'ERR_CONTAINERS_NOT_FOUND') {
        // Gone already (removed by its owner meanwhile): nothing left to clean.
        rec.cleanedUp = false;
        return;
      }
      this.#cleanupFailures++;
      this.#orphaned++;
      this.#o.logger.warn(`runbus containers: failed to clean up ${what} container ${c.id}: ${reason(err)}`);
      return;
    }
    this.#cleaned++;
    rec.cleanedUp = true;
    rec.running = false;
    this.#live.delete(c.id);
    this.#info(what === 'orphaned' ? `Cleaned up orphaned container ${c.id}` : `Cleaned up container ${c.id} left over from the run`);
    this.#lifecycle(LifecycleKind.CONTAINER_CLEANED, rec, Date.now());
  }

  #record(c: ContainerSummary, orphan: boolean): ContainerRecord {
    let r = this.#records.get(c.id);
    if (r === undefined) {
      r = {
        id: c.id, name: c.name, image: c.image, labels: c.labels, createdAtMs: c.createdAtMs,
        running: c.state === 'running', exitedAtMs: null, exitCode: null, orphan, cleanedUp: false,
      };
      this.#records.set(c.id, r);
    }
    return r;
  }

  async #track(id: string, announce: boolean): Promise<void> {
    try {
      const d = await this.#o.client.inspect(id);
      if (!d.running || d.pid <= 0) return;
      const rec = this.#record(d, !this.#ownedByRun(d));
      rec.running = true;
      this.#live.set(id, { target: { id, name: d.name, image: d.image, pid: d.pid }, last: null, lastApiCpu: null, fetching: false });
      if (announce || !rec.orphan) this.#lifecycle(LifecycleKind.CONTAINER_STARTED, rec, d.startedAtMs ?? Date.now(), d.pid);
    } catch (err) {
      // Removed between discovery and inspection: nothing to watch.
      if (!(err instanceof ContainerError && err.code === 'ERR_CONTAINERS_NOT_FOUND')) {
        this.#o.logger.warn(`runbus containers: cannot inspect ${id.slice(0, 12)}: ${reason(err)}`);
      }
    }
  }

  async #onEvent(e: { action: string; id: string; tsMs: number; exitCode: number | null }): Promise<void> {
    if (this.#closed) return;
    if (e.action === 'start') {
      // Does it match the filter? Ask the Engine with the filter plus its id.
      let match: ContainerSummary[];
      try {
        match = await this.#o.client.list({ text: this.#o.filter.text, filters: { ...this.#o.filter.filters, id: [e.id] } });
      } catch {
        return;
      }
      if (match.length === 0) return;
      this.#record(match[0]!, !this.#ownedByRun(match[0]!));
      await this.#track(e.id, true);
      this.#push();
    } else if (e.action === 'die') {
      const rec = this.#records.get(e.id);
      if (rec === undefined) return;
      const pid = this.#live.get(e.id)?.target.pid ?? 0;
      rec.running = false;
      rec.exitedAtMs = e.tsMs;
      rec.exitCode = e.exitCode;
      this.#live.delete(e.id);
      this.#push();
      this.#lifecycle(LifecycleKind.CONTAINER_EXITED, rec, e.tsMs, pid);
    } else if (e.action === 'destroy') {
      this.#live.delete(e.id);
      this.#push();
    }
  }

  #push(): void {
    this.#o.sampler.setContainers([...this.#live.values()].map((l) => l.target));
  }

  // The worker could not read these cgroups: one-shot stats, 2 s timeout; on
  // failure the last figures again, marked stale.
  #unread(ids: string[]): void {
    for (const id of ids) {
      const l = this.#live.get(id);
      if (l === undefined || l.fetching) continue;
      l.fetching = true;
      const tsMs = Date.now();
      this.#o.client.stats(id).then(
        (s) => {
          const snap: ContainerSnapshot = {
            tsMs, runId: this.#o.runId, containerId: id, name: l.target.name, image: l.target.image, pid: l.target.pid, source: 'api', stale: false,
          };
          if (s.cpuTotalNs !== undefined) {
            snap.cpuMs = s.cpuTotalNs / 1e6;
            if (l.lastApiCpu !== null && s.readAtMs > l.lastApiCpu.atMs && s.cpuTotalNs >= l.lastApiCpu.ns) {
              snap.cpuPercent = ((s.cpuTotalNs - l.lastApiCpu.ns) / ((s.readAtMs - l.lastApiCpu.atMs) * 1e6)) * 100;
            }
            l.lastApiCpu = { ns: s.cpuTotalNs, atMs: s.readAtMs };
          }
          if (s.memBytes !== undefined) snap.memBytes = s.memBytes;
          if (s.memLimitBytes !== undefined) snap.memLimitBytes = s.memLimitBytes;
          if (s.pids !== undefined) snap.pids = s.pids;
          if (s.ioReadBytes !== undefined) snap.ioReadBytes = s.ioReadBytes;
          if (s.ioWriteBytes !== undefined) snap.ioWriteBytes = s.ioWriteBytes;
          l.last = snap;
          if (this.#live.get(id) === l) this.#o.bus.publish(Topic.CONTAINER, snap);
        },
        (err: unknown) => {
          if (err instanceof ContainerError && err.code === 'ERR_CONTAINERS_NOT_FOUND') {
            // Removed between discovery and read: stop asking.
            this.#live.delete(id);
            this.#push();
            return;
          }
          this.#statsFailures++;
          if (l.last !== null && this.#live.get(id) === l) {
            this.#o.bus.publish(Topic.CONTAINER, { ...l.last, tsMs, stale: true, errors: [{ figure: 'all', reason: reason(err) }] });
          }
        },
      ).finally(() => { l.fetching = false; });
    }
  }

  #publishOrphans(): void {
    const base = { tsMs: Date.now(), runId: this.#o.runId, component: this.#o.component, pid: process.pid };
    const orphans: MetricSample = { ...base, name: kOrphanMetric, value: this.#orphaned };
    const failures: MetricSample = { ...base, name: kCleanupFailuresMetric, value: this.#cleanupFailures };
    this.#o.bus.publish(Topic.METRIC, orphans);
    this.#o.bus.publish(Topic.METRIC, failures);
  }

  #lifecycle(kind: LifecycleKind, r: ContainerRecord, tsMs: number, pid = 0): void {
    const l = {
      tsMs, runId: this.#o.runId, kind, component: r.name, pid, ppid: 0, command: '', signal: '', host: '',
      containerId: r.id, image: r.image, labels: r.labels, createdAtMs: r.createdAtMs,
      ...(kind === LifecycleKind.CONTAINER_EXITED && r.exitCode !== null ? { exitCode: r.exitCode } : {}),
    };
    this.#o.bus.publish(Topic.LIFECYCLE, l);
  }
}

function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
