// The samples one rule keeps for one series, and the figures computed over
// them. Memory is bounded: at most kMaxWindowSamples samples per series.
//
//   ts/v arrays:  [ dropped … | head ─────────────── end )
//                   compacted once head passes half the array
//
// Evaluated at every sample, so a window of W samples must not cost O(W) a
// sample: the built-in rss_leak rule fits a line through 5 minutes of each
// process's rss, and at 1000 processes the two-pass fit and the backward
// scan for the window's start cost ~3 µs a sample (0.3 % of a core). While
// timestamps only grow, the window's start is carried forward from the last
// evaluation, and a `slope` without a baseline keeps running co-moments
// (Welford's updates, added and removed as the window moves), recomputed
// exactly every max(32, W) updates so rounding cannot build up, and at once
// when a removal cancels most of a co-moment (a jump leaving the window); a window
// whose values are all equal has slope 0 and R² 1 exactly. Samples out of
// time order fall back to the exact scans for good.

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
  /** Every timestamp added is ≥ the one before it. */
  #monotone = true;
  /** Start of the current window at the last evaluation (monotone duration windows). */
  #curStart = 0;
  readonly #fit = new RunningFit();

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
    if (this.#ts.length > this.#head && tsMs < this.#ts[this.#ts.length - 1]!) this.#monotone = false;
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
      const h = this.#head;
      this.#ts = this.#ts.slice(h);
      this.#v = this.#v.slice(h);
      this.#head = 0;
      this.#curStart = Math.max(0, this.#curStart - h);
      this.#fit.shift(h);
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

  /** [start, end) of the current window: carried forward while timestamps only grow. */
  #current(end: number): [number, number] {
    const w = this.#rule.window;
    if (w === undefined || w.samples !== undefined || !this.#monotone) return this.#span(w, end);
    const last = this.#ts[end - 1];
    if (last === undefined) return [end, end];
    let start = Math.max(this.#head, this.#curStart);
    while (start < end - 1 && last - this.#ts[start]! > w.durationMs!) start++;
    this.#curStart = start;
    return [start, end];
  }

  /** `slope` over [s, e) without a baseline: from the running co-moments. */
  #slope(s: number, e: number): Evaluated {
    const ts = this.#ts;
    if (!this.#monotone) return aggregate('slope', ts, this.#v, s, e);
    if (ts[s] === ts[e - 1]) return { value: undefined }; // one instant: no line
    if (this.#streak >= e - s - 1) return { value: 0, r2: 1 }; // all equal
    const fit = this.#fit.over(ts, this.#v, s, e);
    return fit === undefined ? aggregate('slope', ts, this.#v, s, e) : { value: fit.slope, r2: fit.r2 };
  }

  evaluate(): Evaluated {
    const r = this.#rule;
    if (r.aggregate === 'unchanged') return { value: this.#last === undefined ? undefined : this.#streak };
    const end = this.#ts.length;
    const [s, e] = this.#current(end);
    const minCur = r.window?.minSamples ?? 1;
    if (e - s < minCur) return { value: undefined };
    if (r.window !== undefined && r.window.minDurationMs > 0 && this.#ts[e - 1]! - this.#ts[s]! < r.window.minDurationMs) return { value: undefined };
    if (r.aggregate === 'slope' && r.baseline === undefined) return this.#slope(s, e);
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

/**
 * Least-squares sums over [start, end) of a window's arrays, as co-moments
 * about the running means (Welford): x is seconds from `t0`.
 */
export class RunningFit {
  #start = 0;
  #end = 0;
  #n = 0;
  #t0 = 0;
  #mx = 0;
  #my = 0;
  #cxx = 0;
  #cxy = 0;
  #cyy = 0;
  /** Updates since the last exact computation; -1: none valid. */
  #updates = -1;
  /** Largest co-moments since then: a removal that cancels most of one (a jump leaving the window) recomputes. */
  #peakXX = 0;
  #peakYY = 0;

  /** The arrays lost their first `h` entries. */
  shift(h: number): void {
    if (this.#start < h) this.#updates = -1;
    this.#start -= h;
    this.#end -= h;
  }

  /** Slope (per second) and R² over [s, e), or undefined when there is no line. */
  over(ts: readonly number[], v: readonly number[], s: number, e: number): { slope: number; r2: number } | undefined {
    if (this.#updates < 0 || s < this.#start || e < this.#end || this.#updates > Math.max(32, e - s)) {
      this.#exact(ts, v, s, e);
    } else {
      for (let i = this.#end; i < e; ++i) this.#add((ts[i]! - this.#t0) / 1000, v[i]!);
      for (let i = this.#start; i < s; ++i) this.#remove((ts[i]! - this.#t0) / 1000, v[i]!);
      this.#updates += e - this.#end + s - this.#start;
      this.#start = s;
      this.#end = e;
      if (this.#cxx < this.#peakXX * 1e-6 || this.#cyy < this.#peakYY * 1e-6) this.#exact(ts, v, s, e);
    }
    if (this.#n < 2 || !(this.#cxx > 0)) return undefined;
    const slope = this.#cxy / this.#cxx;
    const r2 = this.#cyy <= 0 ? 1 : Math.min(1, (this.#cxy * this.#cxy) / (this.#cxx * this.#cyy));
    return { slope, r2 };
  }

  #exact(ts: readonly number[], v: readonly number[], s: number, e: number): void {
    this.#n = 0;
    this.#mx = 0;
    this.#my = 0;
    this.#cxx = 0;
    this.#cxy = 0;
    this.#cyy = 0;
    this.#t0 = ts[s] ?? 0;
    for (let i = s; i < e; ++i) this.#add((ts[i]! - this.#t0) / 1000, v[i]!);
    this.#start = s;
    this.#end = e;
    this.#updates = 0;
    this.#peakXX = this.#cxx;
    this.#peakYY = this.#cyy;
  }

  #add(x: number, y: number): void {
    const n = ++this.#n;
    const dx = x - this.#mx;
    const dy = y - this.#my;
    this.#mx += dx / n;
    this.#my += dy / n;
    this.#cxx += dx * (x - this.#mx);
    this.#cxy += dx * (y - this.#my);
    this.#cyy += dy * (y - this.#my);
    if (this.#cxx > this.#peakXX) this.#peakXX = this.#cxx;
    if (this.#cyy > this.#peakYY) this.#peakYY = this.#cyy;
  }

  #remove(x: number, y: number): void {
    const n = --this.#n;
    if (n === 0) {
      this.#mx = this.#my = this.#cxx = this.#cxy = this.#cyy = 0;
      return;
    }
    const mx = this.#mx - (x - this.#mx) / n;
    const my = this.#my - (y - this.#my) / n;
    this.#cxx -= (x - mx) * (x - this.#mx);
    this.#cxy -= (x - mx) * (y - this.#my);
    this.#cyy -= (y - my) * (y - this.#my);
    this.#mx = mx;
    this.#my = my;
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
