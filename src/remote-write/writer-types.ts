// The writer's contract with its surroundings: targets, resolved settings,
// the environment it runs in (real timers and shared memory in the worker,
// fakes in tests) and the counters it keeps per target.
import type { LabelPair } from './request.js';
import type { FetchLike, RemoteAuth } from './send.js';

export interface RemoteTarget {
  /** The receiver's URL (no credentials in it). */
  readonly url: string;
  readonly auth: RemoteAuth;
}

/** Resolved writer settings (see options.ts for defaults and ranges). */
export interface RemoteWriterSettings {
  readonly targets: readonly RemoteTarget[];
  readonly host: string;
  readonly hostId: string;
  readonly maxRowsPerRequest: number;
  readonly maxSamplesPerRequest: number;
  readonly maxSamplesPerSecond: number;
  readonly pollMs: number;
  readonly timeoutMs: number;
  readonly minBackoffMs: number;
  readonly maxBackoffMs: number;
  readonly maxProcesses: number;
  readonly maxAppMetrics: number;
  readonly maxSeriesPerMetric: number;
  readonly maxLabelsPerMetric: number;
  readonly staleAfterMs: number;
}

/** What the writer needs from its surroundings (real ones in the worker, fakes in tests). */
export interface WriterEnv {
  now(): number;
  /** Resolves after `ms`, or early when `wake` is called. */
  sleep(ms: number): Promise<void>;
  /** Resolves after `ms` (wake does not shorten it). */
  delay(ms: number): Promise<void>;
  /** Ends every pending sleep and waitCommit now. */
  wake(): void;
  /**
   * Store commits announced so far (the hub bumps a shared counter after
   * each write). Without it the writer polls every pollMs.
   */
  commits?(): number;
  /** Resolves once commits() differs from `seen`, or at wake(). */
  waitCommit?(seen: number): Promise<void>;
  /** The counters moved (after each attempt and each pass). */
  changed?(): void;
  random(): number;
  fetch?: FetchLike;
  log(message: string): void;
}

export interface TargetStats {
  readonly url: string;
  /** Rows of followed tables not yet sent. */
  readonly rowsBehind: number;
  readonly samplesSent: number;
  readonly requestsSent: number;
  readonly retries: number;
  /** Requests the receiver refused for good (4xx other than 429), skipped. */
  readonly refusedRequests: number;
  readonly refusedSamples: number;
  /** Resent after a restart and found already delivered. */
  readonly replayedRequests: number;
  /** Samples not sent, by reason (caps, out of order, bad rows). */
  readonly dropped: Readonly<Record<string, number>>;
  /** Since when every attempt has failed (ms since the epoch), or null. */
  readonly failingSinceMs: number | null;
  readonly lastError: string | null;
  readonly lastSuccessMs: number | null;
}

/** A series known to the writer: its identity and labels (with __name__), made once and kept while it is sent. */
export interface Known { readonly key: string; readonly labels: readonly LabelPair[] }

/** A series being built in a pass: its samples as they come. */
export interface Building { readonly known: Known; samples: { value: number; timestampMs: number }[]; sorted: boolean }
