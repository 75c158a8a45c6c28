// JSON log lines: one line per ALERT (and optionally LIFECYCLE) envelope, to
// a file (appended) or a stream. Alerts are rare, so a slow disk only grows
// the bus queue, which is bounded (drop-oldest, counted).

import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { RunBus, Subscription } from '../bus/index.js';
import { checkInt, checkKeys, checkObject, checkString } from '../options.js';
import { alertStateName, AlertState, figureValue, LifecycleKind, Severity, severityName, Topic } from '../wire/index.js';
import type { Alert, Lifecycle } from '../wire/index.js';

/** Options of {@link createJsonLogWriter}; give `path` or `stream`. */
export interface JsonLogWriterOptions {
  bus: RunBus;
  /** A file to append to (created if missing). */
  path?: string;
  /** A stream to write to (not ended by close()), e.g. process.stderr. */
  stream?: Writable;
  /** Which envelopes become lines. @default ['alert'] */
  topics?: readonly ('alert' | 'lifecycle')[];
  /** Only this run. @default every run */
  runId?: string;
  /** The writer's bus queue. @default 10000 */
  capacity?: number;
}

export interface JsonLogWriter {
  stats(): { readonly lines: number; readonly errors: number };
  /** Writes what is queued, then stops (ends the file it opened). Idempotent; never rejects. */
  close(): Promise<void>;
}

const kKeys = ['bus', 'path', 'stream', 'topics', 'runId', 'capacity'] as const;
const kLevel: Readonly<Record<number, string>> = { [Severity.INFO]: 'info', [Severity.WARNING]: 'warn', [Severity.CRITICAL]: 'error' };
const kLifecycle: Readonly<Record<number, string>> = {
  [LifecycleKind.RUN_STARTED]: 'run_started', [LifecycleKind.RUN_ENDED]: 'run_ended',
  [LifecycleKind.PROCESS_STARTED]: 'process_started', [LifecycleKind.PROCESS_EXITED]: 'process_exited',
  [LifecycleKind.CONTAINER_STARTED]: 'container_started', [LifecycleKind.CONTAINER_EXITED]: 'container_exited',
  [LifecycleKind.CONTAINER_CLEANED]: 'container_cleaned', [LifecycleKind.CONTAINER_ORPHANED]: 'container_orphaned',
  [LifecycleKind.PROCESS_RENAMED]: 'process_renamed',
};

function num(v: unknown): number | null {
  return figureValue(v) ?? null;
}

/** The log line (without newline) for an alert. */
export function alertLogLine(a: Alert): string {
  const sev = (a.severity as number | null | undefined) ?? 0;
  const tsMs = num(a.tsMs) ?? 0;
  return JSON.stringify({
    ts: new Date(tsMs).toISOString(),
    level: (a.state as number | null | undefined) === AlertState.RESOLVED ? 'info' : kLevel[sev] ?? 'warn',
    event: 'alert',
    state: alertStateName(a.state),
    rule: a.rule,
    severity: severityName(sev),
    message: a.message ?? '',
    value: num(a.value),
    threshold: num(a.threshold),
    runId: a.runId,
    component: a.component ?? '',
    pid: num(a.pid) ?? 0,
    labels: a.labels ?? {},
    firedAtMs: num(a.firedAtMs),
    resolvedAtMs: num(a.resolvedAtMs),
    tsMs,
  });
}

/** The log line (without newline) for a lifecycle event. */
export function lifecycleLogLine(e: Lifecycle): string {
  const tsMs = num(e.tsMs) ?? 0;
  return JSON.stringify({
    ts: new Date(tsMs).toISOString(), level: 'info', event: kLifecycle[e.kind] ?? 'lifecycle', runId: e.runId, component: e.component ?? '',
    pid: num(e.pid) ?? 0, ppid: num(e.ppid) ?? 0, command: e.command ?? '', exitCode: num(e.exitCode), signal: e.signal ?? '', host: e.host ?? '', tsMs,
  });
}

/** Writes ALERT (and optionally LIFECYCLE) envelopes as JSON lines. */
export function createJsonLogWriter(options: JsonLogWriterOptions): JsonLogWriter {
  checkObject(options, 'options');
  checkKeys(options, kKeys, 'createJsonLogWriter');
  const { bus } = options;
  if (bus === undefined || typeof (bus as Partial<RunBus>).subscribe !== 'function') throw new TypeError('options.bus must be a RunBus');
  if ((options.path === undefined) === (options.stream === undefined)) throw new TypeError('createJsonLogWriter needs options.path or options.stream (one of them)');
  const names = options.topics ?? ['alert'];
  if (!Array.isArray(names) || names.length === 0 || names.some((t) => t !== 'alert' && t !== 'lifecycle')) {
    throw new TypeError('options.topics must be a non-empty array of "alert", "lifecycle"');
  }
  const topics = [...new Set(names)].map((t) => (t === 'alert' ? Topic.ALERT : Topic.LIFECYCLE));
  const runId = options.runId === undefined ? undefined : checkString(options.runId, 'options.runId');
  const capacity = checkInt(options.capacity ?? 10_000, 'options.capacity', 1);
  const owned = options.path !== undefined;
  const out: Writable = options.stream ?? createWriteStream(checkString(options.path, 'options.path'), { flags: 'a' });
  let lines = 0;
  let errors = 0;
  let broken = false;
  const onError = (): void => {
    errors++;
    broken = true;
  };
  out.on('error', onError);
  const sub: Subscription<typeof Topic.ALERT | typeof Topic.LIFECYCLE> = bus.subscribe(topics, (payload, topic) => {
    if (broken) {
      errors++;
      return;
    }
    const line = topic === Topic.ALERT ? alertLogLine(payload as Alert) : lifecycleLogLine(payload as Lifecycle);
    out.write(`${line}\n`);
    lines++;
  }, { name: 'json-log', capacity, overflow: 'drop-oldest', ...(runId === undefined ? {} : { runId }) });
  let closing: Promise<void> | undefined;
  return {
    stats: () => ({ lines, errors }),
    close: () => {
      closing ??= (async () => {
        await sub.idle();
        sub.unsubscribe();
        if (owned && !broken) {
          await new Promise<void>((resolve) => {
            out.end(() => { resolve(); });
            out.once('error', () => { resolve(); });
          });
        }
        // A file we opened keeps its listener: a late error must not crash.
        if (!owned) out.off('error', onError);
      })();
      return closing;
    },
  };
}
