import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { EventLoopUtilization, IntervalHistogram } from 'node:perf_hooks';
import { checkInt, checkKeys, checkObject } from '../options.js';

// Event-loop lag of the process that embeds the bus, measured on its own main
// thread (not in the pool: a worker has its own loop). monitorEventLoopDelay
// wakes every `resolutionMs` and records how late it woke; resolution 1 costs
// a core (prom-client issue #523), so 20 ms is the floor accepted here.
// The histogram records the whole timer period, so the resolution is taken
// off each figure to leave the lag alone.

/** ResourceSnapshot fields (wire names) this sampler produces. */
export const kLoopFigures = ['loop_lag_p50_ms', 'loop_lag_p99_ms', 'loop_lag_max_ms', 'loop_utilization'] as const;

/** Default and finest histogram resolution. */
export const kDefaultLoopResolutionMs = 20;

export interface LoopSamplerOptions {
  /**
   * Timer period of the delay histogram, in ms; 20 or coarser.
   * @default 20
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
  const resolutionMs = checkInt(options.resolutionMs ?? kDefaultLoopResolutionMs, 'options.resolutionMs', kDefaultLoopResolutionMs, 60_000);
  const h: IntervalHistogram = monitorEventLoopDelay({ resolution: resolutionMs });
  h.enable();
  let elu: EventLoopUtilization = performance.eventLoopUtilization();
  let stopped = false;
  const lag = (ns: number): number => Math.max(0, ns / 1e6 - resolutionMs);

  return {
    read() {
      const now = performance.eventLoopUtilization();
      const figures: LoopFigures = { loopUtilization: performance.eventLoopUtilization(now, elu).utilization };
      elu = now;
      if (h.count > 0) {
        figures.loopLagP50Ms = lag(h.percentile(50));
        figures.loopLagP99Ms = lag(h.percentile(99));
        figures.loopLagMaxMs = lag(h.max);
      }
      h.reset();
      return figures;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      h.disable();
    },
  };
}
