import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { runIdFromEnv } from '../config/index.js';
import { checkInt, checkKeys, checkObject, checkString } from '../options.js';
import { Topic } from '../wire/index.js';
import type { MetricSample } from '../wire/index.js';
import { gpuMemByPid } from './gpu-mem.js';

// Resource use of one piece of work in this process.
//
//   start: resourceUsage() (cpu, maxRSS), rss, [GPU memory of this pid]
//     │   an unref'd interval samples rss while the work runs
//     ▼
//   stop:  resourceUsage() again, rss, [GPU memory] ─► Tracking
//
// Peak rss: the kernel's maxRSS is a high-water mark over the whole life of
// the process, so it only describes the work when it grew during the work.
// When it did, it is exact (it sees spikes between samples); when it did
// not, the process had been bigger before, and the peak is the largest rss
// sampled during the work (start, every sample, end). Synchronous work
// blocks the interval, so for it only start, end and a grown maxRSS count.
//
// CPU time is the process's (every thread's) user and system time: Node has
// no per-thread figure. Worker threads busy during the work count too.

/** What a tracker measured. */
export interface Tracking {
  /** User CPU time of the process during the work, ms. */
  cpuUserMs: number;
  /** System CPU time of the process during the work, ms. */
  cpuSystemMs: number;
  /** Wall time of the work, ms. */
  wallMs: number;
  /** Largest resident set size during the work, bytes (see the module note). */
  peakRssBytes: number;
  /** Resident set size when the work started, bytes. */
  startRssBytes: number;
  /** Resident set size when the work ended, bytes. */
  endRssBytes: number;
  /** Rss readings taken while the work ran (start and end included). */
  samples: number;
  /** Virtual memory size of the process when the work ended, bytes; absent where /proc cannot be read. */
  endVmsBytes?: number;
  /** This process's GPU memory (all devices) when the work ended, bytes; only when a GPU was read. */
  gpuMemBytes?: number;
  /** Change in this process's GPU memory (all devices), bytes; only when a GPU was read. */
  gpuMemDeltaBytes?: number;
}

/** A {@link Tracking} with the work's value. */
export type Tracked<T> = Tracking & { value: T };

/** Anything METRIC samples can be published on: a RunBus or a RemoteBus. */
export interface MetricPublisher {
  publish(topic: typeof Topic.METRIC, payload: MetricSample): boolean;
}

export interface TrackOptions {
  /** Label of this piece of work, in published metrics. @default 'work' */
  name?: string;
  /**
   * Rss sampling period while the work runs, ms.
   * @default 20
   */
  sampleIntervalMs?: number;
  /** Publish the result as METRIC samples (`track_cpu_user_ms`, …) on this bus. @default none */
  bus?: MetricPublisher;
  /** Run id of published metrics. @default RUNBUS_RUN_ID, else '' */
  runId?: string;
  /** Component of published metrics. @default 'app' */
  component?: string;
  /**
   * Called with the measurement when the work ends, and the error if it threw.
   * An exception thrown by the callback is not caught.
   */
  onResult?: (tracking: Tracking, error?: unknown) => void;
  /**
   * Read this process's GPU memory (nvidia-smi) at start and end; track()
   * only, since it waits for nvidia-smi. 'auto' reads it when nvidia-smi
   * answers and leaves gpuMemDeltaBytes out otherwise.
   * @default 'auto'
   */
  gpu?: boolean | 'auto';
  /** nvidia-smi command. @default 'nvidia-smi' */
  gpuCommand?: string;
}

interface ResolvedTrackOptions {
  name: string;
  sampleIntervalMs: number;
  bus: MetricPublisher | undefined;
  runId: string;
  component: string;
  onResult: ((tracking: Tracking, error?: unknown) => void) | undefined;
  gpu: boolean | 'auto';
  gpuCommand: string;
}

const kKeys = ['name', 'sampleIntervalMs', 'bus', 'runId', 'component', 'onResult', 'gpu', 'gpuCommand'] as const;

/** Default rss sampling period of a tracker, ms. */
export const kDefaultTrackSampleIntervalMs = 20;

function resolveTrackOptions(options: TrackOptions | undefined, where: string): ResolvedTrackOptions {
  checkObject(options, 'options');
  const o = options ?? {};
  checkKeys(o, kKeys, where);
  if (o.bus !== undefined && typeof (o.bus as Partial<MetricPublisher> | null)?.publish !== 'function') {
    throw new TypeError('options.bus must have a publish(topic, payload) method (a RunBus or RemoteBus)');
  }
  if (o.onResult !== undefined && typeof o.onResult !== 'function') throw new TypeError('options.onResult must be a function');
  const gpu = o.gpu ?? 'auto';
  if (gpu !== 'auto' && typeof gpu !== 'boolean') throw new TypeError(`options.gpu must be true, false or "auto"`);
  return {
    name: checkString(o.name ?? 'work', 'options.name'),
    sampleIntervalMs: checkInt(o.sampleIntervalMs ?? kDefaultTrackSampleIntervalMs, 'options.sampleIntervalMs', 1, 60_000),
    bus: o.bus,
    runId: checkString(o.runId ?? runIdFromEnv() ?? '', 'options.runId'),
    component: checkString(o.component ?? 'app', 'options.component'),
    onResult: o.onResult,
    gpu,
    gpuCommand: checkString(o.gpuCommand ?? 'nvidia-smi', 'options.gpuCommand'),
  };
}

/** A tracker started by {@link startTracking}; `using t = startTracking()` stops it at scope end. */
export interface ActiveTracking extends Disposable {
  /** Stops (first call) and returns the measurement; later calls return the same. */
  stop(): Tracking;
  /** True once stopped. */
  readonly stopped: boolean;
  /** The measurement, once stopped. */
  readonly result: Tracking | undefined;
}

class Tracker implements ActiveTracking {
  readonly #o: ResolvedTrackOptions;
  readonly #t0 = performance.now();
  readonly #usage0 = process.resourceUsage();
  readonly #rss0 = process.memoryUsage.rss();
  #peak: number;
  #samples = 1;
  #timer: NodeJS.Timeout | null;
  #result: Tracking | undefined;
  gpuMem0: number | undefined;

  constructor(o: ResolvedTrackOptions) {
    this.#o = o;
    this.#peak = this.#rss0;
    this.#timer = setInterval(() => {
      this.#sample();
    }, o.sampleIntervalMs);
    this.#timer.unref();
  }

  #sample(): void {
    const rss = process.memoryUsage.rss();
    this.#samples++;
    if (rss > this.#peak) this.#peak = rss;
  }

  get stopped(): boolean {
    return this.#result !== undefined;
  }

  get result(): Tracking | undefined {
    return this.#result;
  }

  stop(): Tracking {
    if (this.#result !== undefined) return this.#result;
    const usage = process.resourceUsage();
    const wallMs = performance.now() - this.#t0;
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    this.#sample();
    const end = process.memoryUsage.rss();
    const vms = vmsOfSelf();
    // maxRSS is in KiB. If it grew, the new high-water mark was reached
    // during the work: exact. Otherwise the samples are all we know.
    const maxRss0 = this.#usage0.maxRSS * 1024;
    const maxRss1 = usage.maxRSS * 1024;
    const peak = maxRss1 > maxRss0 ? Math.max(maxRss1, this.#peak) : this.#peak;
    this.#result = {
      cpuUserMs: (usage.userCPUTime - this.#usage0.userCPUTime) / 1000,
      cpuSystemMs: (usage.systemCPUTime - this.#usage0.systemCPUTime) / 1000,
      wallMs,
      peakRssBytes: peak,
      startRssBytes: this.#rss0,
      endRssBytes: end,
      samples: this.#samples,
      ...(vms === undefined ? {} : { endVmsBytes: vms }),
    };
    return this.#result;
  }

  /** Stops and reports: onResult, then the bus. */
  finish(error?: unknown, gpuMem1?: number): Tracking {
    const r = this.stop();
    if (gpuMem1 !== undefined) r.gpuMemBytes = gpuMem1;
    if (this.gpuMem0 !== undefined && gpuMem1 !== undefined) r.gpuMemDeltaBytes = gpuMem1 - this.gpuMem0;
    if (this.#o.bus !== undefined) publishTracking(r, this.#o);
    if (this.#o.onResult !== undefined) {
      if (error === undefined) this.#o.onResult(r);
      else this.#o.onResult(r, error);
    }
    return r;
  }

  [Symbol.dispose](): void {
    if (this.#result === undefined) this.finish();
  }
}

/** The METRIC names a published tracking uses, with the field each one carries. */
export const kTrackingMetrics = {
  track_cpu_user_ms: 'cpuUserMs',
  track_cpu_system_ms: 'cpuSystemMs',
  track_wall_ms: 'wallMs',
  track_peak_rss_bytes: 'peakRssBytes',
  track_end_vms_bytes: 'endVmsBytes',
  track_gpu_mem_bytes: 'gpuMemBytes',
  track_gpu_mem_delta_bytes: 'gpuMemDeltaBytes',
} as const satisfies Record<string, keyof Tracking>;

function publishTracking(r: Tracking, o: ResolvedTrackOptions): void {
  const tsMs = Date.now();
  for (const [name, field] of Object.entries(kTrackingMetrics)) {
    const value = r[field];
    if (value === undefined) continue;
    o.bus?.publish(Topic.METRIC, { tsMs, runId: o.runId, component: o.component, pid: process.pid, name, value, labels: { work: o.name } });
  }
}

/**
 * Starts measuring now. Stop it with `.stop()`, or let `using t = startTracking()`
 * stop it at the end of the scope (then read `t.result`). Trackers are
 * independent: nest them freely. No GPU figure (that needs an async read;
 * use {@link track}).
 */
export function startTracking(options?: TrackOptions): ActiveTracking {
  const o = resolveTrackOptions(options, 'startTracking');
  return new Tracker(o);
}

/** VmSize of this process from /proc/self/status, bytes; undefined where it cannot be read. */
function vmsOfSelf(): number | undefined {
  try {
    const m = /^VmSize:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'latin1'));
    return m === null ? undefined : Number(m[1]) * 1024;
  } catch {
    return undefined;
  }
}

// ── GPU memory of this process, through nvidia-smi ───────────────────────

let gpuAvailable: boolean | undefined;

async function gpuMemOfSelf(command: string): Promise<number | undefined> {
  const byPid = await gpuMemByPid(command);
  return byPid === undefined ? undefined : (byPid.get(process.pid) ?? 0);
}

async function readGpu(o: ResolvedTrackOptions): Promise<number | undefined> {
  if (o.gpu === false || (o.gpu === 'auto' && gpuAvailable === false)) return undefined;
  const v = await gpuMemOfSelf(o.gpuCommand);
  if (o.gpu === 'auto' && o.gpuCommand === 'nvidia-smi') gpuAvailable = v !== undefined;
  return v;
}

/**
 * Runs `work` (sync or async) and measures it: cpu user/system ms, wall ms,
 * peak rss (maxRSS plus samples taken while it runs) and, where a GPU is
 * present, the change in this process's GPU memory. Resolves to the
 * measurement with the work's `value`. If the work throws, the measurement
 * is recorded first (onResult, the bus, and `error.runbusTracking` when the
 * error is an object), then the error is rethrown.
 */
export async function track<T>(work: () => T | PromiseLike<T>, options?: TrackOptions): Promise<Tracked<Awaited<T>>> {
  if (typeof work !== 'function') throw new TypeError('track(work): work must be a function');
  const o = resolveTrackOptions(options, 'track');
  const gpu0 = await readGpu(o);
  const t = new Tracker(o);
  t.gpuMem0 = gpu0;
  let value: Awaited<T>;
  try {
    value = await work();
  } catch (err) {
    t.stop();
    const gpu1 = gpu0 === undefined ? undefined : await readGpu(o);
    const r = t.finish(err, gpu1);
    if (typeof err === 'object' && err !== null && Object.isExtensible(err)) {
      Object.defineProperty(err, 'runbusTracking', { value: r, enumerable: false, configurable: true, writable: true });
    }
    throw err;
  }
  t.stop();
  const gpu1 = gpu0 === undefined ? undefined : await readGpu(o);
  return { ...t.finish(undefined, gpu1), value };
}
