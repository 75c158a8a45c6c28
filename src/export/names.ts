// Prometheus names: the fixed families the exporter produces, and the
// sanitiser that turns a custom METRIC name into a `runbus_app_*` family that
// passes `promtool check metrics` (snake_case, base units, no type words, no
// reserved suffixes, `_total` only on counters).

import { createHash } from 'node:crypto';
import { familyNames, kGpuFigures, kHeartbeatFigures, kHostFigures, kResourceFigures } from '../wire/index.js';

export const kNamePrefix = 'runbus_';
export const kAppPrefix = 'runbus_app_';

/**
 * Unit tokens promtool rejects (abbreviations, non-base plurals), with the
 * base unit and the factor to it. Singular words (`per_second`) pass as-is.
 */
const kUnitTokens: Readonly<Record<string, readonly [base: string, factor: number]>> = {
  ms: ['seconds', 1e-3], msec: ['seconds', 1e-3], millis: ['seconds', 1e-3], milliseconds: ['seconds', 1e-3],
  us: ['seconds', 1e-6], usec: ['seconds', 1e-6], microseconds: ['seconds', 1e-6],
  ns: ['seconds', 1e-9], nsec: ['seconds', 1e-9], nanoseconds: ['seconds', 1e-9],
  s: ['seconds', 1], sec: ['seconds', 1], secs: ['seconds', 1],
  min: ['seconds', 60], mins: ['seconds', 60], minutes: ['seconds', 60],
  h: ['seconds', 3600], hours: ['seconds', 3600],
  d: ['seconds', 86_400], days: ['seconds', 86_400],
  b: ['bytes', 1],
  kb: ['bytes', 1e3], kilobytes: ['bytes', 1e3],
  mb: ['bytes', 1e6], megabytes: ['bytes', 1e6],
  gb: ['bytes', 1e9], gigabytes: ['bytes', 1e9],
  tb: ['bytes', 1e12], terabytes: ['bytes', 1e12],
};
/** Abbreviations promtool rejects that have no safe conversion. */
const kAmbiguous = new Set(['m', 'pb']);
const kTypeWords = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
const kReservedSuffixes = new Set(['count', 'sum', 'bucket']);

/** How a METRIC name is exposed. */
export interface AppMetricName {
  /** The Prometheus family name, `runbus_app_…`. */
  readonly name: string;
  /** Counter when the name ends in `_total`, else gauge. */
  readonly type: 'gauge' | 'counter';
  /** Multiply sample values by this (unit conversion to a base unit). */
  readonly factor: number;
}

/**
 * The family a custom METRIC named `raw` is exported as. A leading
 * `runbus_` is dropped (so `runbus_orphans` becomes `runbus_app_orphans`).
 */
export function appMetricName(raw: string): AppMetricName {
  let s = raw
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_');
  s = s.replace(/^runbus_/, '');
  const tokens = s.split('_').filter((t) => t !== '');
  let counter = false;
  if (tokens.at(-1) === 'total') {
    counter = true;
    tokens.pop();
  }
  let factor = 1;
  let converted = false;
  const out: string[] = [];
  for (const t of tokens) {
    if (kTypeWords.has(t)) continue;
    const unit = kUnitTokens[t];
    if (unit !== undefined) {
      if (!converted && unit[0] !== t) {
        converted = true;
        // `x_per_ms` is a rate: per second is 1000 times more.
        const per = out.at(-1) === 'per';
        factor = per ? 1 / unit[1] : unit[1];
        out.push(per ? unit[0].slice(0, -1) : unit[0]);
        continue;
      }
      // A second unit token: glue it to its neighbour so it is no longer one.
      if (unit[0] !== t) {
        if (out.length > 0) out[out.length - 1] = `${out.at(-1)!}${t}`;
        else out.push(`${t}x`);
        continue;
      }
    }
    if (kAmbiguous.has(t)) {
      if (out.length > 0) out[out.length - 1] = `${out.at(-1)!}${t}`;
      else out.push(`${t}x`);
      continue;
    }
    out.push(t);
  }
  if (out.length === 0) out.push('value');
  if (kReservedSuffixes.has(out.at(-1)!)) out.push('value');
  if (counter) out.push('total');
  return { name: kAppPrefix + out.join('_'), type: counter ? 'counter' : 'gauge', factor };
}

/**
 * `name` (a family or label name) with a short suffix derived from the raw
 * name that had to give way: `runbus_app_x_y` → `runbus_app_x_y_h3fa2c1`, put
 * before a trailing `_total` so a counter stays a counter. The same raw
 * name always gets the same suffix (six hex digits of its SHA-256).
 */
export function disambiguatedName(name: string, raw: string): string {
  const tag = `h${createHash('sha256').update(raw, 'utf8').digest('hex').slice(0, 6)}`;
  return name.endsWith('_total') ? `${name.slice(0, -'_total'.length)}_${tag}_total` : `${name}_${tag}`;
}

const kReservedLabels = new Set(['run_id', 'component', 'pid', 'le', 'quantile', 'job', 'instance']);

/** A label name Prometheus accepts, not clashing with the exporter's own. */
export function labelName(raw: string): string {
  let s = raw.replace(/[^a-zA-Z0-9_]/g, '_');
  if (s === '' || /^[0-9]/.test(s)) s = `_${s}`;
  s = s.replace(/^__+/, '_');
  if (s === '_') s = 'label';
  return kReservedLabels.has(s) ? `exported_${s}` : s;
}

/**
 * Every fixed family the exporter can produce (custom ones are `runbus_app_*`);
 * the figures' families come from the figure tables (src/wire/figures.ts).
 */
export const kMetricNames = {
  process: { ...familyNames(kResourceFigures), count: 'runbus_processes' },
  host: familyNames(kHostFigures),
  gpu: familyNames(kGpuFigures),
  hub: {
    ...familyNames(kHeartbeatFigures),
    flushDuration: 'runbus_hub_flush_duration_seconds',
    queueDepth: 'runbus_hub_queue_depth',
    queueCapacity: 'runbus_hub_queue_capacity',
    queueHighWater: 'runbus_hub_queue_high_water',
    queuePublished: 'runbus_hub_queue_published_total',
    queueDelivered: 'runbus_hub_queue_delivered_total',
    queueDropped: 'runbus_hub_queue_dropped_total',
    busPublished: 'runbus_bus_published_total',
    storeFailures: 'runbus_hub_store_write_failures_total',
  },
  alerts: {
    firing: 'runbus_alerts_firing',
    fired: 'runbus_alerts_fired_total',
  },
  orphans: 'runbus_orphan_processes',
  lastSample: 'runbus_last_sample_timestamp_seconds',
  rejected: 'runbus_exporter_series_rejected_total',
} as const;

type FigureFamilies = Readonly<Record<string, readonly [name: string, factor: number]>>;

function figureFamilies(table: readonly { readonly field: string; readonly alert?: true; readonly prom?: { readonly name: string; readonly factor: number } }[], all: boolean): FigureFamilies {
  return Object.fromEntries(table.flatMap((f) => (f.prom !== undefined && (all || f.alert === true) ? [[f.field, [f.prom.name, f.prom.factor] as const]] : [])));
}

/**
 * The exported family (and the factor from the rule's unit to it) of each
 * figure an alert rule can watch; used by the Prometheus rule export.
 */
export const kFigureFamilies: Readonly<Record<string, FigureFamilies>> = {
  resource: figureFamilies(kResourceFigures, false),
  host: figureFamilies(kHostFigures, true),
  gpu: figureFamilies(kGpuFigures, true),
  heartbeat: figureFamilies(kHeartbeatFigures, true),
};
