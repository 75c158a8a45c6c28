// The samples one rule keeps for one series, and the figures computed over
// them. Memory is bounded: at most kMaxWindowSamples samples per series.
//
//   ts/v arrays:  [ dropped … | head ─────────────── end )
//                   compacted once head passes half the array

import { kMaxWindowSamples } from './rules.js';
import type { AlertAggregate, AlertRule, ResolvedWindow } from './rules.js';

export interface Evaluated {
  /** The compared value; undefined while there are too few samples. */
  readonly value: number | undefined;
  /** For `slope`: the fit's R². */
  readonly r2?: number;
}

export class SeriesWindow {
  readonly #rule: AlertRule;
  #ts: number[] = [];
  #v: number[] = [];
  #head = 0;
  // `first` baseline: frozen once complete.
  #baseTs: number[] = [];
  #baseV: number[] = [];
  #baseDone = false;
  // `unchanged`: samples since the value last changed.
  #streak = 0;
  #last: number | undefined;

  constructor(rule: AlertRule) {
    this.#rule = rule;
  }

  get length(): number {
    return this.#ts.length - this.#head;
  }

  add(tsMs: number, value: number): void {
    const r = this.#rule;
    if (this.#last !== undefined && value === this.#last) this.#streak++;
    else this.#streak = 0;
    this.#last = value;
    if (r.baseline?.mode === 'first' && !this.#baseDone) {
      const b = r.baseline;
      const full = b.samples !== undefined
        ? this.#baseV.length >= b.samples
        : this.#baseTs.length > 0 && tsMs - this.#baseTs[0]! > b.durationMs!;
      if (full) this.#baseDone = true;
      else {
        this.#baseTs.push(tsMs);
        this.#baseV.push(value);
        if (this.#baseV.length >= kMaxWindowSamples) this.#baseDone = true;
        // The baseline's samples are not part of the current window.
        return;
      }
    }
    this.#ts.push(tsMs);
    this.#v.push(value);
    this.#trim(tsMs);
  }

  #trim(now: number): void {
    const r = this.#rule;
    const w = r.window;
    const pre = r.baseline?.mode === 'preceding' ? r.baseline : undefined;
    const keepCount = Math.min(kMaxWindowSamples, Math.max(1, (w?.samples ?? (w === undefined ? 1 : 0)) + (pre?.samples ?? 0)));
    const keepMs = (w?.durationMs ?? 0) + (pre?.durationMs ?? 0);
    const byTime = (w?.durationMs ?? pre?.durationMs) !== undefined;
    while (this.length > 0) {
      const n = this.length;
      const tooMany = n > kMaxWindowSamples || (!byTime && n > keepCount);
      const tooOld = byTime && n > 1 && now - this.#ts[this.#head]! > keepMs;
      if (!tooMany && !tooOld) break;
      this.#head++;
    }
    if (this.#head > 64 && this.#head * 2 > this.#ts.length) {
      this.#ts = this.#ts.slice(this.#head);
      this.#v = this.#v.slice(this.#head);
      this.#head = 0;
    }
  }

  /** [start, end) of the samples in `w` ending at `end`. */
  #span(w: ResolvedWindow | undefined, end: number): [number, number] {
    if (w === undefined) return [Math.max(this.#head, end - 1), end];
    if (w.samples !== undefined) return [Math.max(this.#head, end - w.samples), end];
    const last = this.#ts[end - 1];
    if (last === undefined) return [end, end];
    let start = end;
    while (start > this.#head && last - this.#ts[start - 1]! <= w.durationMs!) start--;
    return [start, end];
  }

  evaluate(): Evaluated {
    const r = this.#rule;
    if (r.aggregate === 'unchanged') return { value: this.#last === undefined ? undefined : this.#streak };
    const end = this.#ts.length;
    const [s, e] = this.#span(r.window, end);
    const minCur = r.window?.minSamples ?? 1;
    if (e - s < minCur) return { value: undefined };
    if (r.window !== undefined && r.window.minDurationMs > 0 && this.#ts[e - 1]! - this.#ts[s]! < r.window.minDurationMs) return { value: undefined };
    const cur = aggregate(r.aggregate, this.#ts, this.#v, s, e);
    if (r.baseline === undefined || cur.value === undefined) return cur;
    let base: Evaluated;
    const b = r.baseline;
    if (b.mode === 'first') {
      if (!this.#baseDone || this.#baseV.length < b.minSamples) return { value: undefined };
      base = aggregate(r.aggregate, this.#baseTs, this.#baseV, 0, this.#baseV.length);
    } else {
      const [bs, be] = this.#span(b, s);
      if (be - bs < b.minSamples) return { value: undefined };
      base = aggregate(r.aggregate, this.#ts, this.#v, bs, be);
    }
    if (base.value === undefined || base.value === 0) return { value: undefined };
    return { value: ((cur.value - base.value) / Math.abs(base.value)) * 100 };
  }
}

function increase(v: readonly number[], s: number, e: number): number {
  let inc = 0;
  for (let i = s + 1; i < e; ++i) {
    const d = v[i]! - v[i - 1]!;
    // A drop is a counter reset (a restarted process): count from zero.
    inc += d >= 0 ? d : v[i]!;
  }
  return inc;
}

/** Least-squares slope (per second) and R² of v over ts. */
export function linearFit(ts: readonly number[], v: readonly number[], s: number, e: number): { slope: number; r2: number } | undefined {
  const n = e - s;
  if (n < 2) return undefined;
  const t0 = ts[s]!;
  let sx = 0;
  let sy = 0;
  for (let i = s; i < e; ++i) {
    sx += (ts[i]! - t0) / 1000;
    sy += v[i]!;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = s; i < e; ++i) {
    const dx = (ts[i]! - t0) / 1000 - mx;
    const dy = v[i]! - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) return undefined;
  const slope = sxy / sxx;
  const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
  return { slope, r2 };
}

export function aggregate(kind: AlertAggregate, ts: readonly number[], v: readonly number[], s: number, e: number): Evaluated {
  if (e <= s) return { value: undefined };
  switch (kind) {
    case 'last':
    case 'unchanged':
      return { value: v[e - 1]! };
    case 'avg': {
      let sum = 0;
      for (let i = s; i < e; ++i) sum += v[i]!;
      return { value: sum / (e - s) };
    }
    case 'min': {
      let m = Infinity;
      for (let i = s; i < e; ++i) m = Math.min(m, v[i]!);
      return { value: m };
    }
    case 'max': {
      let m = -Infinity;
      for (let i = s; i < e; ++i) m = Math.max(m, v[i]!);
      return { value: m };
    }
    case 'increase':
      return e - s < 2 ? { value: undefined } : { value: increase(v, s, e) };
    case 'rate': {
      const dt = (ts[e - 1]! - ts[s]!) / 1000;
      return e - s < 2 || dt <= 0 ? { value: undefined } : { value: increase(v, s, e) / dt };
    }
    case 'slope': {
      const fit = linearFit(ts, v, s, e);
      return fit === undefined ? { value: undefined } : { value: fit.slope, r2: fit.r2 };
    }
  }
}
