import { constants as perfConstants, monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
import type { EventLoopUtilization, IntervalHistogram } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { checkInt, checkKeys, checkObject } from '../options.js';
import type { LoopReport, ResourceSnapshot } from '../wire/index.js';

// Event-loop lag of the process that embeds the bus, measured on its own main
// thread (not in the pool: a worker has its own loop). The probe is
// perf_hooks.monitorEventLoopDelay: a libuv timer in native code that records
// how long each period really took, unref'd, and with no JavaScript callback
// at all. At 100 ms a JavaScript setInterval cost 0.13 % of a core on its
// own and the native timer 0.08 %: no callback, but still ten wake-ups a
// second (docs/PERFORMANCE.md). Resolution 1 costs a core (prom-client issue #523),
// so 20 ms is the finest accepted here.
//
// One gap in the native histogram is closed here: its reset() also forgets
// the previous wake-up, so the first period after a read() is never
// recorded, and a stall that starts just after a read (or one still under
// way at a read) would vanish. read() therefore compares the wall time since
// the last reset with the time the recorded periods account for:
//
//   reset                                                       read
//     |--lost--|--p1--|--p2--| ... |--pn--|--not yet recorded--|
//     <------------------------- span -------------------------->
//
// Normally the two unrecorded ends are each under one period; more than two
// periods unaccounted for is a stall, counted as one late wake-up.

/** ResourceSnapshot fields (wire names) this sampler produces. */
export const kLoopFigures = [
  'loop_lag_p50_ms', 'loop_lag_p99_ms', 'loop_lag_max_ms', 'loop_utilization',
  'heap_used_bytes', 'heap_total_bytes', 'external_bytes', 'array_buffers_bytes',
  'gc_minor_ms', 'gc_major_ms', 'gc_incremental_ms', 'gc_weakcb_ms', 'active_resources',
] as const;

/**
 * Default histogram resolution. The native timer wakes the loop without
 * entering JavaScript, so a finer period costs little; a stall still delays
 * the next period, so stalls longer than the period are always seen.
 */
export const kDefaultLoopResolutionMs = 100;
/** Finest resolution accepted (prom-client issue #523: 1 ms costs a core). */
export const kMinLoopResolutionMs = 20;

export interface LoopSamplerOptions {
  /**
   * Timer period of the delay histogram, in ms; 20 or coarser.
   * @default 100
   */
  resolutionMs?: number;
}

/** Figures since the previous read(), named as in ResourceSnapshot. */
export interface LoopFigures {
  /** Absent when the timer has not fired since the last read. */
  loopLagP50Ms?: number;
  loopLagP99Ms?: number;
  loopLagMaxMs?: number;
  /** Event-loop utilization, 0..1, over the same span. */
  loopUtilization: number;
  /** The runtime figures, read at the same moment (see readRuntimeFigures()). */
  heapUsedBytes?: number;
  heapTotalBytes?: number;
  externalBytes?: number;
  arrayBuffersBytes?: number;
  /** GC pause time by kind, ms, cumulative since the first loop sampler or report loop of the process started. */
  gcMinorMs?: number;
  gcMajorMs?: number;
  gcIncrementalMs?: number;
  gcWeakcbMs?: number;
  /** libuv handles and requests keeping the loop alive (process.getActiveResourcesInfo()). */
  activeResources?: number;
}

// ── runtime figures ─────────────────────────────────────────────────────
// Read on the loop figures' own tick (no timer of their own). GC pauses come
// from one PerformanceObserver('gc') per process, shared by every sampler
// and report loop in it: its callback only adds durations, and it runs only
// when a GC happened, so an idle process pays nothing for it.

const kGcKinds = [
  [perfConstants.NODE_PERFORMANCE_GC_MINOR, 0],
  [perfConstants.NODE_PERFORMANCE_GC_MAJOR, 1],
  [perfConstants.NODE_PERFORMANCE_GC_INCREMENTAL, 2],
  [perfConstants.NODE_PERFORMANCE_GC_WEAKCB, 3],
] as const;
const gcMs = [0, 0, 0, 0];
let gcObserver: PerformanceObserver | undefined;
let gcUsers = 0;

function gcSlot(kind: number): number {
  for (const [k, slot] of kGcKinds) if (k === kind) return slot;
  return -1;
}

function gcRetain(): void {
  if (gcUsers++ > 0) return;
  gcObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const slot = gcSlot((e as { detail?: { kind?: number } | null }).detail?.kind ?? 0);
      if (slot >= 0) gcMs[slot]! += e.duration;
    }
  });
  gcObserver.observe({ entryTypes: ['gc'] });
}

function gcRelease(): void {
  if (gcUsers === 0 || --gcUsers > 0) return;
  gcObserver?.disconnect();
  gcObserver = undefined;
}

/** The LoopFigures keys that are the same in a LoopReport and a ResourceSnapshot. */
const kCarriedKeys = [
  'loopLagP50Ms', 'loopLagP99Ms', 'loopLagMaxMs',
  'heapUsedBytes', 'heapTotalBytes', 'externalBytes', 'arrayBuffersBytes',
  'gcMinorMs', 'gcMajorMs', 'gcIncrementalMs', 'gcWeakcbMs', 'activeResources',
] as const satisfies readonly (keyof LoopFigures & keyof LoopReport & keyof ResourceSnapshot)[];

/** The figures a remote bus sent in a LoopReport frame; absent stays absent. */
export function loopFiguresOfReport(r: LoopReport): LoopFigures {
  const out: LoopFigures = { loopUtilization: r.loopUtilization ?? 0 };
  for (const k of kCarriedKeys) {
    const v = r[k];
    if (v != null) out[k] = v;
  }
  return out;
}

/** Copies a process's loop and runtime figures into its snapshot. */
export function fillLoopFigures(p: ResourceSnapshot, l: LoopFigures): void {
  for (const k of kCarriedKeys) {
    const v = l[k];
    if (v !== undefined) p[k] = v;
  }
  p.loopUtilization = l.loopUtilization;
}

type RuntimeFigures = Required<Pick<LoopFigures, 'heapUsedBytes' | 'heapTotalBytes' | 'externalBytes' | 'arrayBuffersBytes' | 'gcMinorMs' | 'gcMajorMs' | 'gcIncrementalMs' | 'gcWeakcbMs' | 'activeResources'>>;

/** This process's heap, external memory, GC pause totals and active resources, now. */
export function readRuntimeFigures(): RuntimeFigures {
  const out = {} as RuntimeFigures;
  fillRuntimeFigures(out);
  return out;
}

// readRuntimeFigures() into an object of the caller's.
function fillRuntimeFigures(out: RuntimeFigures): void {
  const m = process.memoryUsage();
  out.heapUsedBytes = m.heapUsed;
  out.heapTotalBytes = m.heapTotal;
  out.externalBytes = m.external;
  out.arrayBuffersBytes = m.arrayBuffers;
  fillGcAndResources(out);
}

function fillGcAndResources(out: RuntimeFigures): void {
  out.gcMinorMs = gcMs[0]!;
  out.gcMajorMs = gcMs[1]!;
  out.gcIncrementalMs = gcMs[2]!;
  out.gcWeakcbMs = gcMs[3]!;
  out.activeResources = process.getActiveResourcesInfo().length;
}

/**
 * fillRuntimeFigures() for a report loop, a tick a second for the life of
 * the process. process.memoryUsage() also reads the resident set size from
 * /proc/self/stat (open, read, parse, close: over ten times the cost of the
 * rest) only to have it thrown away; V8's heap statistics carry the same
 * heap and external figures without it. Array buffers, the one figure only
 * memoryUsage() has, are part of external memory and move it by their own
 * size: memoryUsage() is read again whenever external memory has moved
 * since its last reading, and its array-buffer figure kept while it has not.
 */
function runtimeFiguresReader(): (out: RuntimeFigures) => void {
  let external = -1;
  let arrayBuffers = 0;
  return (out) => {
    const h = getHeapStatistics();
    if (h.external_memory !== external) {
      fillRuntimeFigures(out);
      external = out.externalBytes;
      arrayBuffers = out.arrayBuffersBytes;
      return;
    }
    out.heapUsedBytes = h.used_heap_size;
    out.heapTotalBytes = h.total_heap_size;
    out.externalBytes = external;
    out.arrayBuffersBytes = arrayBuffers;
    fillGcAndResources(out);
  };
}

export interface LoopSampler {
  /** Figures since the previous read (or since creation), then resets. */
  read(): LoopFigures;
  /** Stops the native histogram timer. Idempotent. */
  stop(): void;
}

export function createLoopSampler(options: LoopSamplerOptions = {}): LoopSampler {
  checkObject(options, 'options');
  checkKeys(options, ['resolutionMs'], 'createLoopSampler');
  const resolutionMs = checkInt(options.resolutionMs ?? kDefaultLoopResolutionMs, 'options.resolutionMs', kMinLoopResolutionMs, 60_000);
  const h: IntervalHistogram = monitorEventLoopDelay({ resolution: resolutionMs });
  h.enable();
  gcRetain();
  let since = performance.now();
  let elu: EventLoopUtilization = performance.eventLoopUtilization();
  let stopped = false;
  // The histogram holds whole periods in ns; the figures are lateness in ms.
  const late = (ns: number): number => Math.max(0, ns / 1e6 - resolutionMs);

  return {
    read() {
      const t = performance.now();
      const n = stopped ? 0 : h.count;
      const accounted = n > 0 ? (h.mean * n) / 1e6 : 0;
      const gap = stopped ? 0 : t - since - accounted;
      // One stall the histogram could not see (see the diagram above).
      const stall = gap > 2 * resolutionMs ? gap - resolutionMs : undefined;
      const now = performance.eventLoopUtilization();
      const figures: LoopFigures = { loopUtilization: performance.eventLoopUtilization(now, elu).utilization, ...readRuntimeFigures() };
      elu = now;
      if (n > 0 || stall !== undefined) {
        const max = n > 0 ? late(h.max) : 0;
        if (stall === undefined || stall <= max) {
          figures.loopLagP50Ms = late(h.percentile(50));
          figures.loopLagP99Ms = late(h.percentile(99));
          figures.loopLagMaxMs = max;
        } else {
          // The stall is the largest of n + 1 samples: percentile p is the
          // stall when its rank is the last, else the native one at that rank.
          const at = (p: number): number => {
            const rank = Math.ceil((p / 100) * (n + 1));
            return rank > n ? stall : late(h.percentile(Math.min(100, (100 * rank) / n)));
          };
          figures.loopLagP50Ms = at(50);
          figures.loopLagP99Ms = at(99);
          figures.loopLagMaxMs = stall;
        }
      }
      if (!stopped) h.reset();
      since = t;
      return figures;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      h.disable();
      gcRelease();
    },
  };
}

/** The report loop of a process that embeds the bus; see startLoopReports(). */
export interface LoopReports {
  /** Stops the timer. Idempotent. */
  stop(): void;
}

/** One report of a report loop: its figures and when it was taken (Date.now()). */
export type LoopTick = Required<LoopFigures> & { tsMs: number };

/**
 * Calls `report` every `intervalMs` with this process's event-loop figures,
 * from one unref'd timer that is also the probe (createLoopTickReader()): an
 * idle process that embeds the bus pays one wake-up per interval and
 * nothing else.
 */
export function startLoopReports(intervalMs: number, report: (figures: LoopFigures) => void): LoopReports {
  return startLoopTicks(intervalMs, (t) => {
    report({
      loopLagP50Ms: t.loopLagP50Ms, loopLagP99Ms: t.loopLagP99Ms, loopLagMaxMs: t.loopLagMaxMs, loopUtilization: t.loopUtilization,
      heapUsedBytes: t.heapUsedBytes, heapTotalBytes: t.heapTotalBytes, externalBytes: t.externalBytes, arrayBuffersBytes: t.arrayBuffersBytes,
      gcMinorMs: t.gcMinorMs, gcMajorMs: t.gcMajorMs, gcIncrementalMs: t.gcIncrementalMs, gcWeakcbMs: t.gcWeakcbMs,
      activeResources: t.activeResources,
    });
  });
}

/**
 * startLoopReports() for a process that sends each report at once (the
 * remote bus): `report` gets one record, refilled in place every interval
 * (copy it to keep it), and the tick allocates nothing of its own beyond
 * what Node's readings (memory usage, active resources, utilization) do.
 */
export function startLoopTicks(intervalMs: number, report: (tick: LoopTick) => void): LoopReports {
  const reader = createLoopTickReader(intervalMs);
  const timer = setInterval(() => { report(reader.read()); }, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      reader.stop();
    },
  };
}

/** Loop figures read from a timer that already fires every interval; see createLoopTickReader(). */
export interface LoopTickReader {
  /**
   * The figures since the previous read (or creation): call it first thing
   * in the callback of a timer that fires every `intervalMs`. One record,
   * refilled in place (copy it to keep it). `dueMs` (performance.now()
   * time), when given, is when the callback was due, in place of the
   * previous read plus `intervalMs`: the hub's hooks run on a message from
   * the sampler worker, whose timer set the time.
   */
  read(dueMs?: number): LoopTick;
  /** Releases the shared GC observer. Idempotent. */
  stop(): void;
}

/**
 * Loop figures with no timer of their own: the caller's timer, due every
 * `intervalMs`, is the probe. Its lateness is the lag sample (so p50 = p99 =
 * max, one sample a read), and utilization covers the whole interval. The
 * remote bus's report timer reads it (startLoopTicks()), and so does the
 * hub at each sampler tick: a histogram timer, even a native one, wakes the
 * loop every period (about 0.08 % of a core at 100 ms, measured here),
 * more than the whole budget of an embedding process (docs/PERFORMANCE.md).
 * A stall that does not overlap the timer is seen in utilization only;
 * createLoopSampler() has percentiles within the interval, at that price.
 */
export function createLoopTickReader(intervalMs: number): LoopTickReader {
  gcRetain();
  let stopped = false;
  let due = performance.now() + intervalMs;
  // Utilization over the interval, as performance.eventLoopUtilization()
  // works it out (active = now - loopStart - idle, zero before the loop
  // starts), from the clock this tick reads anyway and the loop's idle time:
  // no objects, one native call.
  const timing = performance.nodeTiming;
  let idle = 0;
  let active = 0;
  const readElu = (t: number): void => {
    const start = timing.loopStart;
    idle = start > 0 ? timing.idleTime : 0;
    active = start > 0 ? t - start - idle : 0;
  };
  readElu(performance.now());
  const readRuntime = runtimeFiguresReader();
  const tick: LoopTick = {
    tsMs: 0, loopLagP50Ms: 0, loopLagP99Ms: 0, loopLagMaxMs: 0, loopUtilization: 0,
    heapUsedBytes: 0, heapTotalBytes: 0, externalBytes: 0, arrayBuffersBytes: 0,
    gcMinorMs: 0, gcMajorMs: 0, gcIncrementalMs: 0, gcWeakcbMs: 0, activeResources: 0,
  };
  return {
    read(dueMs?: number) {
      const now = performance.now();
      const lag = Math.max(0, now - (dueMs ?? due));
      // setInterval schedules the next call from this one's start.
      due = now + intervalMs;
      const idle0 = idle;
      const active0 = active;
      readElu(now);
      const busy = active - active0;
      const span = idle - idle0 + busy;
      tick.tsMs = Date.now();
      tick.loopLagP50Ms = lag;
      tick.loopLagP99Ms = lag;
      tick.loopLagMaxMs = lag;
      tick.loopUtilization = span > 0 ? busy / span : 0;
      readRuntime(tick);
      return tick;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      gcRelease();
    },
  };
}
