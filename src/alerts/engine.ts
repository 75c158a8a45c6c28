// The alert engine: a bus subscriber that evaluates every rule on each
// sample, synchronously, and publishes ALERT envelopes. A timer (unref'd)
// handles what no sample triggers: absence, `for` durations, cooldowns
// ending, and forgetting series that went quiet.
//
//   sample ─► rule(s) for its source ─► series window ─► value ─► op/threshold
//                                                    breach ─► pending ─► FIRING ─► RESOLVED
//                                                                 (for, forSamples)  (cooldown)

import type { RunBus, Subscription } from '../bus/index.js';
import type { AlertEngine, AlertEngineOptions, AlertEngineStats } from './engine-types.js';
import { checkKeys, checkObject, checkSettingOr, checkString, int } from '../options.js';
import { AlertState, LifecycleKind, Topic, figureValue } from '../wire/index.js';
import type { Alert, Lifecycle, TopicPayloads } from '../wire/index.js';
import { effectiveAlertRules } from './defaults.js';
import { orphanReading, readGpu, readHeartbeat, readHost, readMetric, readResource, resourceValue } from './figures.js';
import type { AlertSource, FigureReading } from './figures.js';
import { OrphanTracker } from '../bus/index.js';
import { formatValue, renderTemplate } from './template.js';
import { compare, figureName } from './rules.js';
import type { AlertRule } from './rules.js';
import { SeriesWindow } from './series-window.js';

export type { AlertEngine, AlertEngineOptions, AlertEngineStats } from './engine-types.js';

/** The engine's numeric settings: default, range and help, written once. */
export const kDefaults = {
  tickMs: int(10, 60_000, 1000, "period of the engine's own timer (windowed and stale checks), ms"),
  staleAfterMs: int(0, Number.MAX_SAFE_INTEGER, 300_000, 'a series not seen for this long is forgotten, ms'),
  // As many processes as the Prometheus collector keeps (its maxProcesses): a
  // rule on a process figure watches every process a hub can be asked to. A
  // series of the built-in rss_leak rule holds at most 5 minutes of samples
  // (~5 KiB at 1 s), so 10 000 cost ~50 MiB only on a host with that many.
  maxSeriesPerRule: int(1, Number.MAX_SAFE_INTEGER, 10_000, 'series one rule keeps'),
  capacity: int(1, Number.MAX_SAFE_INTEGER, 10_000, "the engine's bus queue"),
} as const;

/** Default period of the engine's own timer, in ms. */
export const kDefaultTickMs = kDefaults.tickMs.default;
const kEngineKeys = ['bus', 'runId', 'rules', 'defaults', 'clock', 'tickMs', 'ticker', 'staleAfterMs', 'maxSeriesPerRule', 'capacity'] as const;
const kWatched = [Topic.RESOURCE, Topic.HOST, Topic.GPU, Topic.METRIC, Topic.HEARTBEAT, Topic.LIFECYCLE] as const;

interface SeriesState {
  reading: FigureReading;
  window: SeriesWindow | undefined;
  breaches: number;
  pendingSinceMs: number | undefined;
  lastValue: number | undefined;
  lastBreach: boolean;
  firing: Alert | undefined;
  resolvedAtMs: number | undefined;
  lastSeenMs: number;
}

interface RuleState {
  rule: AlertRule;
  series: Map<string, SeriesState>;
  /** RESOURCE rules without absence: the series last seen for each pid (a series of `series`; #drop removes it with it). */
  byPid: Map<number, SeriesState>;
  startMs: number;
  everSeen: boolean;
}

const kNoSeries = '\u0000absent';
const kMaxEndedRuns = 1000;

class AlertEngineImpl implements AlertEngine {
  readonly rules: readonly AlertRule[];
  readonly #bus: RunBus;
  readonly #runId: string | undefined;
  readonly #clock: () => number;
  readonly #staleAfterMs: number;
  readonly #maxSeries: number;
  readonly #bySource = new Map<AlertSource, RuleState[]>();
  readonly #byMetric = new Map<string, RuleState[]>();
  readonly #all: RuleState[] = [];
  readonly #orphans = new OrphanTracker();
  readonly #endedRuns = new Set<string>();
  readonly #sub: Subscription<(typeof kWatched)[number]>;
  /** Stops the periodic check: a timer of its own, or a ride on someone else's tick. */
  readonly #stopTicks: () => void;
  #closing: Promise<void> | undefined;
  #samples = 0;
  #fired = 0;
  #resolved = 0;
  #suppressed = 0;
  #rejected = 0;
  #errors = 0;

  constructor(o: {
    bus: RunBus; runId: string | undefined; rules: AlertRule[]; clock: () => number; tickMs: number;
    ticker: ((check: () => void) => () => void) | undefined; staleAfterMs: number; maxSeries: number; capacity: number;
  }) {
    this.#bus = o.bus;
    this.#runId = o.runId;
    this.#clock = o.clock;
    this.#staleAfterMs = o.staleAfterMs;
    this.#maxSeries = o.maxSeries;
    this.rules = o.rules;
    const now = this.#clock();
    for (const rule of o.rules) {
      const rs: RuleState = { rule, series: new Map(), byPid: new Map(), startMs: now, everSeen: false };
      this.#all.push(rs);
      if (rule.source === 'metric') {
        const list = this.#byMetric.get(rule.metric!) ?? [];
        list.push(rs);
        this.#byMetric.set(rule.metric!, list);
      } else {
        const list = this.#bySource.get(rule.source) ?? [];
        list.push(rs);
        this.#bySource.set(rule.source, list);
      }
    }
    this.#sub = o.bus.subscribe(kWatched, this.#onSample, {
      name: 'alert-engine', capacity: o.capacity, overflow: 'drop-oldest', ...(o.runId === undefined ? {} : { runId: o.runId }),
    });
    if (o.ticker === undefined) {
      const timer = setInterval(this.#tick, o.tickMs);
      timer.unref();
      this.#stopTicks = () => { clearInterval(timer); };
    } else {
      this.#stopTicks = o.ticker(this.#tick);
    }
  }

  // Synchronous on every sample: an alert goes out in the same turn as the
  // sample that breached.
  readonly #onSample = (payload: TopicPayloads[(typeof kWatched)[number]], topic: (typeof kWatched)[number]): void => {
    try {
      this.#samples++;
      const now = this.#clock();
      switch (topic) {
        case Topic.RESOURCE: {
          const p = payload as TopicPayloads[typeof Topic.RESOURCE];
          for (const rs of this.#bySource.get('resource') ?? []) {
            if (rs.rule.component !== undefined && rs.rule.component !== p.component) continue;
            // The pid's series as last seen (#drop keeps byPid in step with
            // series): no key string, no reading object.
            const st = rs.byPid.get(p.pid);
            if (st !== undefined && st.reading.runId === p.runId && st.reading.component === p.component) {
              const v = resourceValue(p, rs.rule.field!);
              if (v !== undefined) this.#apply(rs, st, figureValue(p.tsMs) ?? 0, v, now);
              continue;
            }
            const r = readResource(p, rs.rule.field!);
            if (r === undefined) continue;
            const seen = this.#observe(rs, r, now);
            if (seen !== undefined && rs.rule.absentForMs === undefined) rs.byPid.set(p.pid, seen);
          }
          const orphans = this.#orphans.resource(p, now);
          if (orphans !== undefined) this.#orphanCount(p.runId, orphans, now);
          break;
        }
        case Topic.HOST:
          this.#multi('host', now, (rs, out) => { readHost(payload as TopicPayloads[typeof Topic.HOST], rs.rule.field!, out); });
          break;
        case Topic.GPU:
          this.#multi('gpu', now, (rs, out) => { readGpu(payload as TopicPayloads[typeof Topic.GPU], rs.rule.field!, out); });
          break;
        case Topic.HEARTBEAT: {
          const p = payload as TopicPayloads[typeof Topic.HEARTBEAT];
          for (const rs of this.#bySource.get('heartbeat') ?? []) {
            if (rs.rule.component !== undefined && rs.rule.component !== p.component) continue;
            const r = readHeartbeat(p, rs.rule.field!);
            if (r !== undefined) this.#observe(rs, r, now);
          }
          break;
        }
        case Topic.METRIC: {
          const p = payload as TopicPayloads[typeof Topic.METRIC];
          for (const rs of this.#byMetric.get(p.name) ?? []) {
            if (rs.rule.component !== undefined && rs.rule.component !== p.component) continue;
            const r = readMetric(p, rs.rule.metric!, rs.rule.labels);
            if (r !== undefined) this.#observe(rs, r, now);
          }
          break;
        }
        case Topic.LIFECYCLE:
          this.#lifecycle(payload as Lifecycle, now);
          break;
      }
    } catch {
      // Never let a bad sample stop the engine; the count shows it.
      this.#errors++;
    }
  };

  #multi(source: AlertSource, now: number, read: (rs: RuleState, out: FigureReading[]) => void): void {
    const out: FigureReading[] = [];
    for (const rs of this.#bySource.get(source) ?? []) {
      out.length = 0;
      read(rs, out);
      for (const r of out) if (this.#labelsMatch(rs.rule, r)) this.#observe(rs, r, now);
    }
  }

  #labelsMatch(rule: AlertRule, r: FigureReading): boolean {
    for (const [k, v] of Object.entries(rule.labels)) if (r.labels[k] !== v) return false;
    return true;
  }

  #orphanCount(runId: string, count: number, now: number): void {
    for (const rs of this.#bySource.get('orphans') ?? []) this.#observe(rs, orphanReading(runId, count, now), now);
  }

  #lifecycle(e: Lifecycle, now: number): void {
    const orphans = this.#orphans.lifecycle(e);
    if (orphans !== undefined && e.kind !== LifecycleKind.RUN_ENDED) this.#orphanCount(e.runId, orphans, now);
    if (e.kind === LifecycleKind.PROCESS_EXITED && e.pid) {
      // The process is gone: its series end (a firing alert resolves).
      for (const rs of this.#bySource.get('resource') ?? []) {
        if (rs.rule.absentForMs !== undefined) continue;
        for (const [key, st] of rs.series) {
          if (st.reading.pid === e.pid && st.reading.runId === e.runId) this.#forget(rs, key, st, now);
        }
      }
    } else if (e.kind === LifecycleKind.RUN_ENDED) {
      // The run is over: its series stop being watched (no absence alert
      // for a run that ended). A firing alert stays firing — the condition
      // never recovered — and is not resolved.
      for (const rs of this.#all) {
        for (const [key, st] of rs.series) if (st.reading.runId === e.runId && st.firing === undefined) this.#drop(rs, key, st);
      }
      this.#endedRuns.add(e.runId);
      if (this.#endedRuns.size > kMaxEndedRuns) this.#endedRuns.delete(this.#endedRuns.values().next().value!);
    }
  }

  #forget(rs: RuleState, key: string, st: SeriesState, now: number): void {
    if (st.firing !== undefined) this.#resolve(rs, st, now);
    this.#drop(rs, key, st);
  }

  #drop(rs: RuleState, key: string, st: SeriesState): void {
    rs.series.delete(key);
    if (rs.byPid.get(st.reading.pid) === st) rs.byPid.delete(st.reading.pid);
  }

  #series(rs: RuleState, r: FigureReading, now: number): SeriesState | undefined {
    // Absence is watched per component, not per pid: a restarted process
    // with a new pid is not "absent".
    const key = rs.rule.absentForMs === undefined ? r.key : `${r.runId}\u0000${r.component}\u0000${Object.keys(r.labels).sort().map((k) => `${k}=${r.labels[k]!}`).join(',')}`;
    let st = rs.series.get(key);
    if (st === undefined) {
      if (rs.series.size >= this.#maxSeries) {
        this.#rejected++;
        return undefined;
      }
      st = {
        reading: rs.rule.absentForMs === undefined ? r : { ...r, pid: 0 },
        window: rs.rule.absentForMs === undefined ? new SeriesWindow(rs.rule) : undefined,
        breaches: 0, pendingSinceMs: undefined, lastValue: undefined, lastBreach: false, firing: undefined, resolvedAtMs: undefined, lastSeenMs: now,
      };
      rs.series.set(key, st);
    }
    return st;
  }

  /** Returns the reading's series, or undefined when there is no room for it. */
  #observe(rs: RuleState, r: FigureReading, now: number): SeriesState | undefined {
    const rule = rs.rule;
    const st = this.#series(rs, r, now);
    if (st === undefined) return undefined;
    if (rule.absentForMs !== undefined) {
      st.lastSeenMs = now;
      rs.everSeen = true;
      // A sample arrived: the series (and "nothing at all") is not absent.
      if (st.firing !== undefined) this.#resolve(rs, st, now, 0);
      const none = rs.series.get(kNoSeries);
      if (none !== undefined) this.#forget(rs, kNoSeries, none, now);
      return st;
    }
    st.reading = r;
    this.#apply(rs, st, r.tsMs, r.value, now);
    return st;
  }

  /** A value of a known series (not an absence rule). */
  #apply(rs: RuleState, st: SeriesState, tsMs: number, value: number, now: number): void {
    const rule = rs.rule;
    st.lastSeenMs = now;
    rs.everSeen = true;
    st.window!.add(tsMs, value);
    const ev = st.window!.evaluate();
    const breach = ev.value !== undefined && compare(ev.value, rule.op, rule.threshold)
      && (rule.aggregate !== 'slope' || (ev.r2 ?? 0) >= rule.minR2);
    st.lastValue = ev.value;
    st.lastBreach = breach;
    if (breach) {
      st.breaches++;
      st.pendingSinceMs ??= now;
      this.#tryFire(rs, st, now);
    } else {
      st.breaches = 0;
      st.pendingSinceMs = undefined;
      if (st.firing !== undefined) this.#resolve(rs, st, now);
    }
  }

  /** `fromSample`: a sample (not the timer) asks, so a held-back firing counts as suppressed. */
  #tryFire(rs: RuleState, st: SeriesState, now: number, fromSample = true): void {
    const rule = rs.rule;
    if (st.firing !== undefined || !st.lastBreach) return;
    if (st.breaches < rule.forSamples || now - st.pendingSinceMs! < rule.forMs) return;
    if (st.resolvedAtMs !== undefined && now - st.resolvedAtMs < rule.cooldownMs) {
      if (fromSample) this.#suppressed++;
      return;
    }
    this.#fire(rs, st, now, st.lastValue!);
  }

  #message(rule: AlertRule, st: SeriesState, value: number): string {
    const r = st.reading;
    const vars: Record<string, string> = {
      rule: rule.name, value: formatValue(value), threshold: formatValue(rule.threshold), op: rule.op, component: r.component,
      pid: String(r.pid), severity: rule.severityName, field: figureName(rule), run_id: r.runId,
    };
    if (rule.message !== undefined) return renderTemplate(rule.message, vars, r.labels);
    const who = r.component === '' ? '' : ` (${r.component}${r.pid ? ` pid ${r.pid}` : ''})`;
    if (rule.absentForMs !== undefined) {
      return `${rule.name}: no ${figureName(rule)} samples${who} for ${formatValue(value)} s (limit ${formatValue(rule.threshold)} s)`;
    }
    const what = rule.baseline !== undefined ? `${figureName(rule)} change vs baseline %` : rule.aggregate === 'last' ? figureName(rule) : `${rule.aggregate}(${figureName(rule)})`;
    return `${rule.name}: ${what}${who} = ${formatValue(value)} ${rule.op} ${formatValue(rule.threshold)}`;
  }

  #fire(rs: RuleState, st: SeriesState, now: number, value: number): void {
    const rule = rs.rule;
    const r = st.reading;
    const alert: Alert = {
      tsMs: now, runId: r.runId, rule: rule.name, severity: rule.severity, state: AlertState.FIRING, value, threshold: rule.threshold,
      message: this.#message(rule, st, value), component: r.component, pid: r.pid, firedAtMs: now, labels: { ...r.labels },
    };
    st.firing = alert;
    this.#fired++;
    this.#bus.publish(Topic.ALERT, alert);
  }

  #resolve(rs: RuleState, st: SeriesState, now: number, value?: number): void {
    const firing = st.firing!;
    const v = value ?? st.lastValue ?? firing.value ?? undefined;
    const alert: Alert = { ...firing, tsMs: now, state: AlertState.RESOLVED, resolvedAtMs: now, value: v ?? null, message: `${firing.message ?? rs.rule.name} (resolved)` };
    st.firing = undefined;
    st.resolvedAtMs = now;
    st.breaches = 0;
    st.pendingSinceMs = undefined;
    this.#resolved++;
    this.#bus.publish(Topic.ALERT, alert);
  }

  readonly #tick = (): void => {
    try {
      const now = this.#clock();
      for (const rs of this.#all) {
        const rule = rs.rule;
        if (rule.absentForMs !== undefined) {
          this.#checkAbsence(rs, now);
          continue;
        }
        for (const [key, st] of rs.series) {
          if (this.#staleAfterMs > 0 && now - st.lastSeenMs > this.#staleAfterMs) {
            this.#forget(rs, key, st, now);
            continue;
          }
          // `for` durations and cooldowns end without a new sample.
          if (st.lastBreach && st.firing === undefined) this.#tryFire(rs, st, now, false);
        }
      }
      if (this.#staleAfterMs > 0) {
        for (const [runId, n] of this.#orphans.expire(now - this.#staleAfterMs)) this.#orphanCount(runId, n, now);
      }
    } catch {
      this.#errors++;
    }
  };

  #checkAbsence(rs: RuleState, now: number): void {
    const limit = rs.rule.absentForMs!;
    for (const st of rs.series.values()) {
      if (this.#endedRuns.has(st.reading.runId)) continue;
      if (st.firing === undefined && now - st.lastSeenMs >= limit && (st.resolvedAtMs === undefined || now - st.resolvedAtMs >= rs.rule.cooldownMs)) {
        this.#fire(rs, st, now, (now - st.lastSeenMs) / 1000);
      }
    }
    if (!rs.everSeen && now - rs.startMs >= limit && !rs.series.has(kNoSeries) && !this.#endedRuns.has(this.#runId ?? '')) {
      const st: SeriesState = {
        reading: { key: kNoSeries, runId: this.#runId ?? '', component: rs.rule.component ?? '', pid: 0, labels: { ...rs.rule.labels }, value: 0, tsMs: now },
        window: undefined, breaches: 0, pendingSinceMs: undefined, lastValue: undefined, lastBreach: true, firing: undefined, resolvedAtMs: undefined, lastSeenMs: rs.startMs,
      };
      rs.series.set(kNoSeries, st);
      this.#fire(rs, st, now, (now - rs.startMs) / 1000);
    }
  }

  firing(): Alert[] {
    const out: Alert[] = [];
    for (const rs of this.#all) for (const st of rs.series.values()) if (st.firing !== undefined) out.push({ ...st.firing });
    return out;
  }

  stats(): AlertEngineStats {
    let series = 0;
    let firing = 0;
    for (const rs of this.#all) {
      series += rs.series.size;
      for (const st of rs.series.values()) if (st.firing !== undefined) firing++;
    }
    return {
      rules: this.rules.length, series, samples: this.#samples, fired: this.#fired, resolved: this.#resolved,
      suppressed: this.#suppressed, seriesRejected: this.#rejected, errors: this.#errors, firing,
    };
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#stopTicks();
      await this.#sub.idle();
      this.#sub.unsubscribe();
    })();
    return this.#closing;
  }
}

/**
 * Starts evaluating alert rules on `bus`: every RESOURCE, HOST, GPU, METRIC
 * and HEARTBEAT sample is checked synchronously against the rules watching
 * it; ALERT envelopes (FIRING, then RESOLVED) are published on the same bus.
 * Throws TypeError/RangeError on bad options.
 */
export function createAlertEngine(options: AlertEngineOptions): AlertEngine {
  checkObject(options, 'options');
  checkKeys(options, kEngineKeys, 'createAlertEngine');
  const bus = options.bus as RunBus | undefined;
  if (bus === undefined || typeof bus.subscribe !== 'function' || typeof bus.publish !== 'function') throw new TypeError('options.bus must be a RunBus');
  const runId = options.runId === undefined ? undefined : checkString(options.runId, 'options.runId');
  if (options.rules !== undefined && !Array.isArray(options.rules)) throw new TypeError('options.rules must be an array of rules from parseAlertRules()');
  if (options.defaults !== undefined && typeof options.defaults !== 'boolean') throw new TypeError('options.defaults must be a boolean');
  if (options.clock !== undefined && typeof options.clock !== 'function') throw new TypeError('options.clock must be a function returning milliseconds');
  if (options.ticker !== undefined && typeof options.ticker !== 'function') throw new TypeError('options.ticker must be a function taking the check and returning its remover');
  return new AlertEngineImpl({
    bus,
    runId,
    rules: effectiveAlertRules(options.rules ?? [], options.defaults ?? true),
    clock: options.clock ?? Date.now,
    tickMs: checkSettingOr(options.tickMs, 'options.tickMs', kDefaults.tickMs),
    ticker: options.ticker,
    staleAfterMs: checkSettingOr(options.staleAfterMs, 'options.staleAfterMs', kDefaults.staleAfterMs),
    maxSeries: checkSettingOr(options.maxSeriesPerRule, 'options.maxSeriesPerRule', kDefaults.maxSeriesPerRule),
    capacity: checkSettingOr(options.capacity, 'options.capacity', kDefaults.capacity),
  });
}
