import { hostname } from 'node:os';
import { createLoopTickReader, loopFiguresOfReport, RunBus } from '../bus/index.js';
import type { BusStats, LoopFigures, QueueStats, Subscription } from '../bus/index.js';
import { serveBus } from '../bus/remote/index.js';
import type { BusServer, BusServerStats } from '../bus/remote/index.js';
import { createLoopSampler, createSampler } from '../samplers/index.js';
import type { Sampler, SamplerStats } from '../samplers/index.js';
import { startHubExtras } from './extras.js';
import type { HubExtras } from './extras.js';
import { openStore } from '../store/index.js';
import type { Store, StoreStats } from '../store/index.js';
import { kTopics, LifecycleKind, Topic } from '../wire/index.js';
import type { Envelope, Heartbeat } from '../wire/index.js';
import { collectHostRecord, machineHostId, startRemoteWriteResolved } from '../remote-write/index.js';
import type { RemoteWrite, RemoteWriteStats } from '../remote-write/index.js';
import { ContainerMonitor, DockerClient } from '../containers/index.js';
import type { ContainerMonitorStats } from '../containers/index.js';
import { Batcher } from './batcher.js';
import { HubAlerts } from './hub-alerts.js';
import type { BatcherStats } from './batcher.js';
import { resolveHubOptions } from './options.js';
import type { HubOptions, ResolvedHubOptions } from './options.js';

export interface HubStats {
  readonly runId: string;
  readonly uptimeMs: number;
  readonly bus: BusStats;
  readonly batcher: BatcherStats;
  readonly store: StoreStats | null;
  readonly sampler: SamplerStats;
  readonly server: BusServerStats | null;
  /**
   * The hub's own bus queue in front of the store (also listed in
   * `bus.subscribers` while the bus is open; kept here after close, when
   * its final `dropped` is what published = stored + dropped needs).
   * Null before start.
   */
  readonly storeQueue: QueueStats | null;
  /** Remote write's counters (as of the last heartbeat), when it is on. */
  readonly remoteWrite?: RemoteWriteStats;
  /** This machine's stable host id (see docs/remote-write.md). */
  readonly hostId?: string;
  /** The host inventory (the `hosts` view's columns), once read. */
  readonly host?: Readonly<Record<string, string | number | null>>;
  /** Containers: the monitor's figures; null when not watching containers. */
  readonly containers?: ContainerMonitorStats | null;
}

export interface CloseOptions {
  /** Exit code of the monitored command, recorded in `runs`. */
  exitCode?: number;
  /** Signal that ended the monitored command, recorded with the run. */
  signal?: string;
}

/**
 * A hub: samplers → bus → store, plus the socket for remote buses. Made by
 * {@link createHub}; `close()` (and SIGINT/SIGTERM) drain every queue and
 * flush the store.
 */
export interface Hub {
  readonly bus: RunBus;
  readonly runId: string;
  /** The socket remote buses connect to, when serving one. */
  readonly socketPath: string | undefined;
  /** The SQLite file, when keeping history. */
  readonly dbPath: string | undefined;
  /** The Prometheus endpoint, when serving one. */
  readonly metricsUrl: string | undefined;
  /** The live dashboard, when serving one. */
  readonly dashboardUrl: string | undefined;
  /** Samples `pid` and its descendants under `component`. */
  track(pid: number, component: string): void;
  untrack(pid: number): void;
  /** Records how a tracked process ended (for LIFECYCLE and reports). */
  noteExit(pid: number, exit: { code: number | null; signal: string | null }): void;
  stats(): HubStats;
  /** Runs a sampler tick now (or joins the one running); never rejects. */
  sampleNow(): Promise<void>;
  /**
   * Runs `fn` on this thread at each sampler tick, so work done once per
   * interval needs no timer (and no wake-up) of its own. Returns its remover.
   */
  onTick(fn: () => void): () => void;
  /** Publishes a HEARTBEAT now (it also goes out every heartbeat interval). */
  heartbeat(): void;
  /** Changes the database size cap (undefined lifts it). */
  setMaxDbBytes(bytes: number | undefined): Promise<void>;
  /** Waits until everything published so far is committed to the store. */
  flush(): Promise<void>;
  close(options?: CloseOptions): Promise<void>;
}

/** The host inventory once read (one per process: one machine). */
const hostInventory: { current: Readonly<Record<string, string | number | null>> | undefined } = { current: undefined };

class HubImpl implements Hub {
  readonly bus: RunBus;
  readonly runId: string;
  readonly socketPath: string | undefined;
  readonly dbPath: string | undefined;
  readonly metricsUrl: string | undefined;
  readonly dashboardUrl: string | undefined;
  readonly #o: ResolvedHubOptions;
  readonly #extras: HubExtras;
  readonly #store: Store | null;
  readonly #sampler: Sampler;
  #storeSub: Subscription | null = null;
  readonly #server: BusServer | null;
  readonly #batcher: Batcher;
  readonly #startedAt = Date.now();
  readonly #host = hostname();
  #heartbeatTimer: NodeJS.Timeout | null = null;
  #dropsAtHeartbeat = 0; // #dropCount() when the last tick's heartbeat was decided
  #loop: { stop(): void } | null = null;
  #closing: Promise<void> | null = null;
  readonly #alerts: HubAlerts;
  // Who asked to sample a pid: track() calls (the app, `runbus run`) and
  // verified remote clients, counted per pid, so a client leaving stops the
  // sampling only when nothing else still wants it.
  readonly #explicit = new Set<number>();
  readonly #clientRefs = new Map<number, number>();
  #signalHandlers: [NodeJS.Signals, () => void][] = [];
  // ─── remote write and host identity ───
  readonly #remote: RemoteWrite | null;
  readonly #hostId: string | undefined;
  readonly #inventory: Promise<void>;
  readonly #containers: ContainerMonitor | null;

  constructor(
    o: ResolvedHubOptions, bus: RunBus, store: Store | null, sampler: Sampler, server: BusServer | null, extras: HubExtras,
    containers: ContainerMonitor | null = null, remote: RemoteWrite | null = null, hostId?: string, inventory: Promise<void> = Promise.resolve(),
  ) {
    this.#containers = containers;
    this.#inventory = inventory;
    this.#remote = remote;
    this.#hostId = hostId;
    this.#o = o;
    this.#extras = extras;
    this.metricsUrl = extras.url;
    this.dashboardUrl = extras.dashboardUrl;
    this.bus = bus;
    this.runId = o.runId;
    this.#store = store;
    this.#sampler = sampler;
    this.#server = server;
    this.dbPath = store?.path;
    this.socketPath = server?.address;
    this.#alerts = new HubAlerts({ bus, runId: o.runId, logger: o.logger, pendingCapacity: o.pendingCapacity, retryMs: o.retryMs });
    this.#batcher = new Batcher({
      batchSize: o.batchSize,
      batchAgeMs: o.batchAgeMs,
      capacity: o.pendingCapacity,
      retryMs: o.retryMs,
      // Quiet: the commit is read at the next tick (poll) instead of waking this thread.
      write: store === null ? () => Promise.resolve() : (ab) => store.write(ab, { quiet: true }).then((r) => { remote?.kick(); return r; }),
      hurry: () => { store?.hurry(); },
      onWriteError: (err) => { this.#alerts.storeFailed(err); },
      onRecovered: () => { this.#alerts.storeRecovered(); },
      onFlush: (ms) => { extras.observeFlush(ms); },
    });
  }

  start(): void {
    // The batcher sees every topic. While it is full (the store is slow or
    // failing) the handler waits, so this subscription's queue absorbs the
    // rest and applies its policy: drop-oldest by default, or 'block', which
    // makes publishAsync() wait for the store.
    const batcher = this.#batcher;
    this.#storeSub = this.bus.subscribe(kTopics, (payload, topic) => {
      batcher.add({ topic, payload } as Envelope);
      return batcher.full ? batcher.waitForRoom() : undefined;
    }, {
      name: 'hub-store',
      capacity: this.#o.pendingCapacity,
      overflow: this.#o.storeOverflow,
    });
    // A tick's batch goes to the store as soon as it is published, in the
    // same wake-up, rather than when the batch age runs out.
    this.#sampler.onPublished(() => { batcher.flushSoon(); });
    // What the tick's hooks publish (the heartbeat, alert checks) goes with that flush: no age
    // timer. The last tick's write committed by now, usually: read its commit first.
    this.#sampler.onTick(() => { this.#store?.poll(); batcher.expectFlush(); });
    const o = this.#o;
    this.bus.publish(Topic.LIFECYCLE, {
      tsMs: this.#startedAt, runId: this.runId, kind: LifecycleKind.RUN_STARTED, command: o.command, host: this.#host,
      pid: process.pid, component: o.self === false ? '' : o.self,
    });
    if (o.self !== false) {
      this.#sampler.track(process.pid, o.self);
      // The hub's own event loop, read at each sampler tick rather than on a
      // timer of its own: by default how late this thread takes the tick's
      // batch is the lag sample (as a remote bus's report timer's lateness
      // is); a histogram only when asked for, since its timer wakes this
      // thread every period (it ignores the due time).
      const loop: { read(dueMs?: number): LoopFigures; stop(): void } = o.loopResolutionMs === undefined ? createLoopTickReader(o.intervalMs) : createLoopSampler({ resolutionMs: o.loopResolutionMs });
      this.#loop = loop;
      this.#sampler.onTick((due) => { this.#sampler.noteLoop(process.pid, loop.read(due)); });
    }
    // Only a pid the client proved to be its own is sampled (see
    // ClientInfo.pidVerified); it stops being sampled when the client
    // leaves, unless something else still tracks it.
    this.#server?.on('client', (info) => {
      if (!info.pidVerified || info.pid <= 0 || info.pid === process.pid) return;
      this.#clientRefs.set(info.pid, (this.#clientRefs.get(info.pid) ?? 0) + 1);
      if (!this.#explicit.has(info.pid)) this.#sampler.track(info.pid, info.component || 'client');
    });
    this.#server?.on('client-closed', (info) => {
      const n = this.#clientRefs.get(info.pid);
      if (!info.pidVerified || n === undefined) return;
      if (n > 1) {
        this.#clientRefs.set(info.pid, n - 1);
        return;
      }
      this.#clientRefs.delete(info.pid);
      if (!this.#explicit.has(info.pid)) this.#sampler.untrack(info.pid);
    });
    // Remote buses measure their own event loops and send the figures.
    this.#server?.on('loop', (info, report) => {
      if (info.pid > 0) this.#sampler.noteLoop(info.pid, loopFiguresOfReport(report));
    });
    // A deleted socket file leaves the hub unreachable: look once per tick
    // (one lstat) and listen anew.
    const server = this.#server;
    if (server !== null) {
      this.#sampler.onTick(() => {
        void server.checkSocket().then((r) => { if (this.#closing === null) this.#alerts.socketChecked(r, server.address); });
      });
    }
    this.#sampler.start();
    const every = o.heartbeatIntervalMs / o.intervalMs;
    if (Number.isInteger(every)) {
      // Ride the sampler's ticks: the first, every `every`-th after it, and
      // the next after a drop (so the samples_dropped alert is not late).
      let ticks = every - 1;
      this.#sampler.onTick(() => {
        const drops = this.#dropCount(); // (this tick's own drops come after its hooks)
        if (++ticks < every && drops === this.#dropsAtHeartbeat) return;
        ticks = 0;
        this.#dropsAtHeartbeat = drops;
        this.#heartbeatAfterPoll();
      });
    } else {
      this.#heartbeatTimer = setInterval(() => { this.#heartbeatAfterPoll(); }, o.heartbeatIntervalMs);
      this.#heartbeatTimer.unref();
    }
    if (o.handleSignals) {
      for (const sig of ['SIGINT', 'SIGTERM'] as const) {
        const h = () => { this.#onSignal(sig); };
        process.on(sig, h);
        this.#signalHandlers.push([sig, h]);
      }
    }
  }

  #onSignal(sig: NodeJS.Signals): void {
    void this.close({ signal: sig }).then(() => {
      // Exit the way the signal would have, unless the app handles it too.
      if (process.listenerCount(sig) === 0) process.exit(128 + (sig === 'SIGINT' ? 2 : 15));
    });
  }

  track(pid: number, component: string): void {
    this.#sampler.track(pid, component);
    this.#explicit.add(pid);
  }

  untrack(pid: number): void {
    this.#explicit.delete(pid);
    // A connected client that proved this pid still wants it sampled.
    if (!this.#clientRefs.has(pid)) this.#sampler.untrack(pid);
  }

  noteExit(pid: number, exit: { code: number | null; signal: string | null }): void {
    this.#sampler.noteExit(pid, exit);
  }

  onTick(fn: () => void): () => void {
    return this.#sampler.onTick(fn);
  }

  sampleNow(): Promise<void> {
    return this.#sampler.tickNow();
  }

  stats(): HubStats {
    return {
      runId: this.runId,
      uptimeMs: Date.now() - this.#startedAt,
      bus: this.bus.stats(),
      batcher: this.#batcher.stats(),
      store: this.#store?.stats() ?? null,
      sampler: this.#sampler.stats(),
      server: this.#server?.stats() ?? null,
      storeQueue: this.#storeSub?.stats() ?? null,
      ...(this.#remote === null ? {} : { remoteWrite: this.#remote.stats() }),
      ...(this.#hostId === undefined ? {} : { hostId: this.#hostId }),
      ...(hostInventory.current === undefined ? {} : { host: hostInventory.current }),
      containers: this.#containers?.stats() ?? null,
    };
  }

  heartbeat(): void {
    void this.#publishHeartbeat();
  }

  /**
   * The heartbeat of a tick: the store's commits read first, and published
   * at the end of this turn, once the batcher has counted what they settled
   * (promise reactions), so its figures are those a reply message gave.
   */
  #heartbeatAfterPoll(): void {
    this.#store?.poll();
    setImmediate(() => { this.heartbeat(); });
  }

  #dropCount = (): number => this.bus.droppedCount + this.#batcher.dropped; // cheap: read at every tick

  #publishHeartbeat(): Promise<boolean> {
    if (this.bus.closed) return Promise.resolve(false);
    if (this.#remote !== null) this.#alerts.remoteChecked(this.#remote, Date.now());
    const rw = this.#remote?.stats();
    const bus = this.bus.stats();
    const b = this.#batcher.stats();
    const store = this.#store?.stats();
    const sampler = this.#sampler.stats();
    const hb: Heartbeat = {
      tsMs: Date.now(),
      runId: this.runId,
      component: 'hub',
      pid: process.pid,
      uptimeMs: Date.now() - this.#startedAt,
      queues: [
        ...bus.subscribers.map((q) => ({ name: q.name, capacity: q.capacity, depth: q.queued, published: q.published, delivered: q.delivered, dropped: q.dropped, highWater: q.highWater })),
        { name: 'store-pending', capacity: b.capacity, depth: b.pending + b.held, published: b.added, delivered: b.written, dropped: b.dropped, highWater: 0 },
        // Remote write's queue is the store itself: depth = rows not yet sent.
        ...(rw === undefined ? [] : [{ name: 'remote-write', capacity: 0, depth: rw.rowsBehind, published: 0, delivered: rw.samplesSent, dropped: rw.dropped + rw.refusedSamples, highWater: 0 }]),
      ],
      // Envelopes clients had sent that close() could not read in time count too.
      droppedTotal: bus.dropped + b.dropped + (this.#server?.stats().abandoned ?? 0),
      rowsWritten: store?.rowsWritten ?? b.written,
      flushP50Ms: b.flushP50Ms ?? null,
      flushP99Ms: b.flushP99Ms ?? null,
      walBytes: store?.walBytes ?? null,
      lastBatchSize: b.lastBatchSize,
      ticksSkipped: sampler.skipped,
      connections: this.#server?.connections ?? 0,
    };
    return this.bus.publishAsync(Topic.HEARTBEAT, hb);
  }

  async setMaxDbBytes(bytes: number | undefined): Promise<void> {
    await this.#store?.setMaxSizeBytes(bytes);
  }

  async flush(): Promise<void> {
    // Let bus deliveries into the batcher run, then write what is pending.
    await new Promise((r) => setImmediate(r));
    const lost = await this.#batcher.drain(Date.now() + this.#o.closeTimeoutMs);
    if (lost > 0) this.#o.logger.warn(`runbus hub: ${lost} envelopes could not be stored and were dropped`);
  }

  close(options: CloseOptions = {}): Promise<void> {
    this.#closing ??= this.#close(options);
    return this.#closing;
  }

  async #close(options: CloseOptions): Promise<void> {
    for (const [sig, h] of this.#signalHandlers) process.off(sig, h);
    this.#signalHandlers = [];
    if (this.#heartbeatTimer !== null) clearInterval(this.#heartbeatTimer);
    this.#loop?.stop();
    // Containers: the end-of-run check (and cleanup) publishes while the bus is open.
    await this.#containers?.close();
    // Stop the sources first: no new sample, no new remote publish.
    await this.#sampler.close();
    // Reads what clients had already sent (bounded by drainTimeoutMs).
    await this.#server?.close();
    // Commit everything published so far (an embedding app may still be
    // publishing: not until empty), so the closing heartbeat's rowsWritten
    // counts every row sent before it.
    await new Promise((r) => setImmediate(r));
    await this.#batcher.flushAdded(Date.now() + this.#o.closeTimeoutMs);
    await this.#publishHeartbeat();
    await this.bus.publishAsync(Topic.LIFECYCLE, {
      tsMs: Date.now(), runId: this.runId, kind: LifecycleKind.RUN_ENDED, host: this.#host, pid: process.pid,
      component: this.#o.self === false ? '' : this.#o.self,
      ...(options.exitCode === undefined ? {} : { exitCode: options.exitCode }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    // One turn for synchronous subscribers (the alert engine) to see the
    // last samples while alerts can still be published.
    await new Promise((r) => setImmediate(r));
    // Drain: every bus queue into the batcher, then the batcher into the store.
    await this.bus.close();
    const lost = await this.#batcher.drain(Date.now() + this.#o.closeTimeoutMs);
    if (lost > 0) this.#o.logger.warn(`runbus hub: closing with the store failing; ${lost} envelopes were not stored`);
    await this.#extras.finish({
      ...(options.exitCode === undefined ? {} : { exitCode: options.exitCode }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    // The run's last samples go out (bounded wait; the rest stays behind the cursor).
    await this.#remote?.close();
    await this.#inventory;
    await this.#store?.close();
  }
}

/**
 * Starts a hub: opens the store (failing fast with a StoreError that names
 * the file), starts the sampler pool, optionally listens for remote buses,
 * and records the run. Rejects on bad options or an unusable database.
 */
export async function createHub(options?: HubOptions): Promise<Hub> {
  const o = resolveHubOptions(options);
  const store = o.db === false ? null : await openStore({
    path: o.db,
    durability: o.durability,
    ...(o.retentionMs === undefined ? {} : { retentionMs: o.retentionMs }),
    ...(o.rollupRetentionMs === undefined ? {} : { rollupRetentionMs: o.rollupRetentionMs }),
    ...(o.maxSamplesPerRun === undefined ? {} : { maxSamplesPerRun: o.maxSamplesPerRun }),
    ...(o.maxDbBytes === undefined ? {} : { maxSizeBytes: o.maxDbBytes }),
  });
  const bus = new RunBus({ logger: o.logger, ...o.bus });
  let server: BusServer | null = null;
  let sampler: Sampler | null = null;
  let extras: HubExtras | null = null;
  let hub: HubImpl | null = null;
  let containers: ContainerMonitor | null = null;
  try {
    const s = createSampler({
      bus, runId: o.runId, intervalMs: o.intervalMs, host: o.host, gpu: o.gpu, logger: o.logger,
      ...(o.disks === undefined ? {} : { disks: o.disks }),
    });
    sampler = s;
    extras = await startHubExtras({
      bus, runId: o.runId, alerts: o.alerts, metrics: o.metrics, logger: o.logger,
      ...(o.db === false ? {} : { dbPath: o.db }),
      hubStats: () => hub?.stats() ?? { runId: o.runId, bus: bus.stats() },
      ...(o.exportDir === undefined ? {} : { exportDir: o.exportDir }),
      ...(o.alertLog === undefined ? {} : { alertLog: o.alertLog }),
      ticker: { periodMs: o.intervalMs, onTick: (fn) => s.onTick(fn) },
    });
    // Containers: discovery, orphans and events on this thread; cgroup reads in the sampler worker.
    if (o.containers !== false) {
      const c = o.containers;
      containers = new ContainerMonitor({
        bus, runId: o.runId, client: new DockerClient({ endpoint: c.endpoint }), filter: c.filter, sampler, clean: c.clean,
        stopTimeoutS: c.stopTimeoutS, logger: o.logger,
      });
    }
    if (o.socket !== false) {
      server = await serveBus(bus, {
        // true: the bus's own default path (serveBus decides it).
        ...(o.socket === true ? {} : { socketPath: o.socket }),
        logger: o.logger,
        ...(o.token === undefined ? {} : { token: o.token }),
      });
    }
  } catch (err) {
    await sampler?.close();
    await extras?.finish();
    await store?.close();
    throw err;
  }
  // ─── remote write and host identity ───
  let remote: RemoteWrite | null = null;
  let hostId = machineHostId() ?? undefined;
  let inventory: Promise<void> = Promise.resolve();
  if (store !== null) {
    try {
      hostId = await store.recordHost({
        hostId: hostId ?? null, hostname: hostname(), cpuModel: null, cpuCores: null, cpuPhysicalCores: null, memTotalBytes: null,
        os: null, osRelease: null, kernel: null, arch: null, gpus: null, seenAtMs: Date.now(),
      });
      // The full inventory takes most of a second to read: it follows, off the start path.
      const id = hostId;
      inventory = collectHostRecord(id).then((h) => {
        hostInventory.current = {
          hostname: h.hostname, cpu_model: h.cpuModel, cpu_cores: h.cpuCores, mem_total_bytes: h.memTotalBytes,
          os: h.os, os_release: h.osRelease, kernel: h.kernel, arch: h.arch,
        };
        return store.recordHost(h);
      }).then(() => undefined, (err: unknown) => {
        o.logger.warn(`runbus hub: host inventory not recorded: ${(err as Error).message}`);
      });
      if (o.remoteWrite !== false) remote = await startRemoteWriteResolved(store.path, o.remoteWrite, o.logger, hostId);
    } catch (err) {
      await sampler.close();
      await server?.close();
      await extras.finish();
      await store.close();
      throw err;
    }
  }
  hub = new HubImpl(o, bus, store, sampler, server, extras, containers, remote, hostId, inventory);
  hub.start();
  await containers?.start();
  return hub;
}
