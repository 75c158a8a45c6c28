// Custom METRIC samples as `runbus_app_*` families: one family per METRIC
// name, its label names growing as samples bring new ones (the family is
// re-registered then), every map capped so cardinality stays bounded. Names
// that sanitise alike (`x-y`, `x_y`, `x.y`; label keys `a.b`, `a_b`) are
// never merged: the first keeps the plain name, each later one gets a stable
// suffixed one (disambiguatedName) and one warning names both.

import type { Counter, Gauge, Registry } from 'prom-client';
import type { Logger } from '../bus/index.js';
import { figureValue } from '../wire/index.js';
import type { MetricSample } from '../wire/index.js';
import type { Fill, Labels } from './families.js';
import { appMetricName, disambiguatedName, labelName } from './names.js';

interface AppFamily {
  readonly name: string;
  /** The METRIC name that made this family. */
  readonly raw: string;
  /** Label name of each raw label key seen. */
  readonly labelOf: Map<string, string>;
  /** The raw label key that owns each label name. */
  readonly labelOwner: Map<string, string>;
  readonly type: 'gauge' | 'counter';
  readonly factor: number;
  readonly help: string;
  labelNames: string[];
  readonly series: Map<string, { labels: Labels; value: number; lastMs: number }>;
  metric: Gauge | Counter | undefined;
}

export interface AppMetricLimits {
  readonly maxAppMetrics: number;
  readonly maxSeriesPerMetric: number;
  readonly maxLabelsPerMetric: number;
}

/** A family registrar that hands back what it registered (to remove it later). */
export interface AppFamilySink {
  gauge(name: string, help: string, labelNames: string[], fill: Fill): Gauge;
  counter(name: string, help: string, labelNames: string[], fill: Fill): Counter;
}

export function labelKey(labels: Labels): string {
  return Object.keys(labels).sort().map((k) => `${k}=${labels[k]!}`).join('\u0001');
}

export class AppMetrics {
  /** Families by exported name. */
  readonly #families = new Map<string, AppFamily>();
  /** The same families by the METRIC name that made them. */
  readonly #byRaw = new Map<string, AppFamily>();
  readonly #logger: Logger;
  readonly #limits: AppMetricLimits;
  readonly #sink: AppFamilySink;
  readonly #registry: Registry;
  readonly #reject: (reason: string) => void;

  constructor(registry: Registry, sink: AppFamilySink, limits: AppMetricLimits, reject: (reason: string) => void, logger: Logger) {
    this.#logger = logger;
    this.#registry = registry;
    this.#sink = sink;
    this.#limits = limits;
    this.#reject = reject;
  }

  get size(): number {
    return this.#families.size;
  }

  get series(): number {
    let n = 0;
    for (const f of this.#families.values()) n += f.series.size;
    return n;
  }

  take(m: MetricSample, now: number): void {
    const value = figureValue(m.value);
    if (value === undefined || typeof m.name !== 'string' || m.name === '') { this.#reject('bad_sample'); return; }
    const fam = this.#byRaw.get(m.name) ?? this.#newFamily(m.name);
    if (fam === undefined) return;
    const { type, factor } = fam;
    const labels: Labels = { run_id: m.runId, component: m.component ?? '' };
    let grew = false;
    for (const [rawK, v] of Object.entries(m.labels ?? {})) {
      let k = fam.labelOf.get(rawK);
      if (k === undefined) {
        if (fam.labelNames.length - 2 >= this.#limits.maxLabelsPerMetric) {
          this.#reject('label_cap');
          continue;
        }
        k = this.#newLabel(fam, rawK);
        if (k === undefined) continue;
        fam.labelNames.push(k);
        grew = true;
      }
      labels[k] = v;
    }
    if (grew) this.#unregister(fam);
    const lk = labelKey(labels);
    if (!fam.series.has(lk) && fam.series.size >= this.#limits.maxSeriesPerMetric) { this.#reject('series_cap'); return; }
    const scaled = value * factor;
    if (type === 'counter' && scaled < 0) { this.#reject('negative_counter'); return; }
    fam.series.set(lk, { labels, value: scaled, lastMs: now });
    if (fam.metric === undefined) this.#register(fam);
  }

  /** The family for a METRIC name not seen before; see the file comment. */
  #newFamily(raw: string): AppFamily | undefined {
    const { name: plain, type, factor } = appMetricName(raw);
    const owner = this.#families.get(plain);
    const name = owner === undefined ? plain : disambiguatedName(plain, raw);
    if (owner !== undefined && this.#families.has(name)) { this.#reject('name_collision'); return undefined; }
    if (this.#families.size >= this.#limits.maxAppMetrics) { this.#reject('metric_cap'); return undefined; }
    const fam: AppFamily = {
      name, raw, type, factor, help: `Custom metric "${raw}" (METRIC samples).`, labelNames: ['run_id', 'component'],
      labelOf: new Map(), labelOwner: new Map([['run_id', 'run_id'], ['component', 'component']]), series: new Map(), metric: undefined,
    };
    this.#families.set(name, fam);
    this.#byRaw.set(raw, fam);
    if (owner !== undefined) {
      this.#logger.warn(`runbus: METRIC names ${JSON.stringify(owner.raw)} and ${JSON.stringify(raw)} both map to ${plain}; ${JSON.stringify(raw)} is exported as ${name}`);
    }
    return fam;
  }

  /** The label name of a raw label key new to `fam`, kept apart from any key that sanitises alike. */
  #newLabel(fam: AppFamily, rawK: string): string | undefined {
    const plain = labelName(rawK);
    const owner = fam.labelOwner.get(plain);
    const k = owner === undefined ? plain : disambiguatedName(plain, rawK);
    if (owner !== undefined && fam.labelOwner.has(k)) { this.#reject('name_collision'); return undefined; }
    fam.labelOf.set(rawK, k);
    fam.labelOwner.set(k, rawK);
    if (owner !== undefined) {
      this.#logger.warn(`runbus: labels ${JSON.stringify(owner)} and ${JSON.stringify(rawK)} of ${fam.name} both map to ${plain}; ${JSON.stringify(rawK)} is exported as ${k}`);
    }
    return k;
  }

  /** Removes series for which `old(lastMs)` holds. */
  sweep(old: (lastMs: number) => boolean): void {
    for (const fam of this.#families.values()) {
      for (const [k, s] of fam.series) if (old(s.lastMs)) fam.series.delete(k);
    }
  }

  #register(fam: AppFamily): void {
    const fill: Fill = (emit) => { for (const s of fam.series.values()) emit(s.labels, s.value); };
    fam.metric = fam.type === 'counter' ? this.#sink.counter(fam.name, fam.help, fam.labelNames, fill) : this.#sink.gauge(fam.name, fam.help, fam.labelNames, fill);
  }

  #unregister(fam: AppFamily): void {
    if (fam.metric === undefined) return;
    this.#registry.removeSingleMetric(fam.name);
    fam.metric = undefined;
  }
}
