// The alert engine's public types (the engine itself is in engine.ts).
import type { RunBus } from '../bus/index.js';
import type { Alert } from '../wire/index.js';
import type { AlertRule } from './rules.js';

/** Options of {@link createAlertEngine}. */
export interface AlertEngineOptions {
  /** The bus to watch and publish ALERT envelopes on. */
  bus: RunBus;
  /** Only this run's samples. @default every run */
  runId?: string;
  /** Validated rules ({@link parseAlertRules}). @default [] */
  rules?: readonly AlertRule[];
  /** Run the built-in rules (a rule of the same name replaces one). @default true */
  defaults?: boolean;
  /** Milliseconds since the epoch. @default Date.now */
  clock?: () => number;
  /**
   * How often absence, `for` durations and cooldowns are checked when no
   * sample arrives (each sample checks its own series at once). Each check
   * wakes the process: 1 s matches the default sampling interval.
   * @default 1000
   */
  tickMs?: number;
  /**
   * Drives those checks from a tick that already wakes the process (the
   * hub passes its sampler's) instead of a timer of the engine's own: it
   * is called once with the check and returns its remover. Its period
   * should not exceed `tickMs`. @default a timer every `tickMs`
   */
  ticker?: (check: () => void) => () => void;
  /**
   * A series with no sample for this long is forgotten (a firing alert on
   * it resolves). Absence series are kept until their run ends.
   * @default 300000
   */
  staleAfterMs?: number;
  /** Series per rule at most; more are ignored and counted. @default 10000 */
  maxSeriesPerRule?: number;
  /** The engine's bus queue. @default 10000 */
  capacity?: number;
}

export interface AlertEngineStats {
  readonly rules: number;
  readonly series: number;
  readonly samples: number;
  readonly fired: number;
  readonly resolved: number;
  /** Firings held back by a cooldown. */
  readonly suppressed: number;
  /** New series ignored because a rule had maxSeriesPerRule already. */
  readonly seriesRejected: number;
  /** Samples whose evaluation threw (a bug; the engine goes on). */
  readonly errors: number;
  readonly firing: number;
}

/** A running engine; see {@link createAlertEngine}. */
export interface AlertEngine {
  /** The rules in force (defaults merged, disabled ones removed). */
  readonly rules: readonly AlertRule[];
  /** Alerts firing now. */
  firing(): Alert[];
  stats(): AlertEngineStats;
  /** Handles what is queued, then stops. Firing alerts stay firing. Idempotent. */
  close(): Promise<void>;
}
