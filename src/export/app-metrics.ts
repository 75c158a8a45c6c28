// Custom METRIC samples as `runbus_app_*` families: one family per sanitised
// name, its label names growing as samples bring new ones (the family is
// re-registered then), every map capped so cardinality stays bounded.

import type { Counter, Gauge, Registry } from 'prom-client';
import { figureValue } from '../wire/index.js';
import type { MetricSample } from '../wire/index.js';
import type { Fill, Labels } from './families.js';
import { appMetricName, labelName } from './names.js';

interface AppFamily {
  readonly name: string;
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
  readonly #families = new Map<string, AppFamily>();
  readonly #limits: AppMetricLimits;
  readonly #sink: AppFamilySink;
  readonly #registry: Registry;
  readonly #reject: (reason: string) => void;

  constructor(registry: Registry, sink: AppFamilySink, limits: AppMetricLimits, reject: (reason: string) => void) {
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
    const { name, type, factor } = appMetricName(m.name);
    let fam = this.#families.get(name);
    if (fam === undefined) {
      if (this.#families.size >= this.#limits.maxAppMetrics) { this.#reject('metric_cap'); return; }
      fam = { name, type, factor, help: `Custom metric "${m.name}" (METRIC samples).`, labelNames: ['run_id', 'component'], series: new Map(), metric: undefined };
      this.#families.set(name, fam);
    }
    const labels: Labels = { run_id: m.runId, component: m.component ?? '' };
    let grew = false;
    for (const [rawK, v] of Object.entries(m.labels ?? {})) {
      const k = labelName(rawK);
      if (!fam.labelNames.includes(k)) {
        if (fam.labelNames.length - 2 >= this.#limits.maxLabelsPerMetric) {
          this.#reject('label_cap');
          continue;
        }
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
