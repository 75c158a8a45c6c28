import { createHistogram, performance } from 'node:perf_hooks';
import type { EventLoopUtilization, RecordableHistogram } from 'node:perf_hooks';
import { checkInt, checkKeys, checkObject } from '../options.js';

// Event-loop lag of the process that embeds the bus, measured on its own main
// thread (not in the pool: a worker has its own loop). A timer wakes every
// `resolutionMs` and records how late it woke; resolution 1 costs a core
// (prom-client issue #523), so 20 ms is the finest accepted here.
//
// This is what perf_hooks.monitorEventLoopDelay does, with one difference
// that matters for a sampler read once per tick: its reset() also forgets the
// last wake-up time, so the first late wake-up after a read() is not
// recorded, and a stall that starts just after a read (or that a read ends)
// can vanish from the figures. Here the wake-up time survives reset(), and
// read() itself counts a stall still under way. The timer is unref'd.

/** ResourceSnapshot fields (wire names) this sampler produces. */
export const kLoopFigures = ['loop_lag_p50_ms', 'loop_lag_p99_ms', 'loop_lag_max_ms', 'loop_utilization'] as const;

/**
 * Default histogram resolution. Each tick wakes the event loop: measured
 * here, a 20 ms timer costs about 0.7 % of a core, 100 ms about 0.15 %
 * (docs/PERFORMANCE.md). A stall still delays the next tick, so stalls
 * longer than the period are always seen.
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
}

export interface LoopSampler {
  /** Figures since the previous read (or since creation), then resets. */
  read(): LoopFigures;
  /** Stops the histogram timer. Idempotent. */
  stop(): void;
}

export function createLoopSampler(options: LoopSamplerOptions = {}): LoopSampler {
  checkObject(options, 'options');
  checkKeys(options, ['resolutionMs'], 'createLoopSampler');
  const resolutionMs = checkInt(options.resolutionMs ?? kDefaultLoopResolutionMs, 'options.resolutionMs', kMinLoopResolutionMs, 60_000);
  const h: RecordableHistogram = createHistogram();
  const resolutionNs = resolutionMs * 1e6;
  let last = performance.now();
  const record = (now: number): void => {
    // Lateness of this wake-up in ns; the histogram takes integers >= 1.
    h.record(Math.max(1, Math.round((now - last) * 1e6 - resolutionNs)));
    last = now;
  };
  const timer = setInterval(() => {
    record(performance.now());
  }, resolutionMs);
  timer.unref();
  let elu: EventLoopUtilization = performance.eventLoopUtilization();
  let stopped = false;
  const ms = (ns: number): number => ns / 1e6;

  return {
    read() {
      const t = performance.now();
      // A wake-up overdue by more than a period means the loop was stalled
      // until this read: count that stall now rather than after the reset.
      if (!stopped && t - last > 2 * resolutionMs) record(t);
      const now = performance.eventLoopUtilization();
      const figures: LoopFigures = { loopUtilization: performance.eventLoopUtilization(now, elu).utilization };
      elu = now;
      if (h.count > 0) {
        figures.loopLagP50Ms = ms(h.percentile(50));
        figures.loopLagP99Ms = ms(h.percentile(99));
        figures.loopLagMaxMs = ms(h.max);
      }
      h.reset();
      return figures;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
    },
  };
}
