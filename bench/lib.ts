// Shared by every bench/<workload>.ts. A workload measures its figures and
// each one's peer in the same process run, then calls report() once; the
// runner (bench/run.ts) starts each workload in a fresh process with
// `node --import tsx bench/<workload>.ts [--quick]` and reads the line that
// report() prints.

export interface BenchRow {
  /** What was measured, e.g. "publish→deliver, 1 subscriber". */
  name: string;
  /** The runbus figure. */
  value: number;
  /** Unit of value and peerValue, e.g. "msg/s", "µs/process", "% of one core". */
  unit: string;
  /** Whether more is better ("ops") or less is better ("cost"). */
  better: 'higher' | 'lower';
  /** The peer measured in the same run, e.g. "eventemitter3 emit". */
  peer?: string;
  peerValue?: number;
  /** Target from the issue, for the table: e.g. ">= 5000000". */
  target?: string;
  /** Free-form remark shown in the table. */
  note?: string;
  /**
   * The figure of each round (value is their median). A workload that
   * measures fewer than kRounds rounds itself is run again by the runner.
   */
  runs?: number[];
  /** The peer's figure in each round, paired with runs. */
  peerRuns?: number[];
  /** A target the runner judges met or missed (see Goal). */
  goal?: Goal;
}

/**
 * A target judged from the median: on 'value' the figure itself, on 'ratio'
 * runbus ÷ peer (so 0.25 means a quarter of the peer's cost).
 */
export interface Goal {
  /** Short label for the targets table, e.g. "idle embedding process vs pidusage loop". */
  what: string;
  on: 'value' | 'ratio';
  max?: number;
  min?: number;
}

/** Rounds every contender runs in a full bench (figures show median and range). */
export const kRounds = 3;

/** Median of the runs, and the runs themselves, for a row. */
export function fromRuns(xs: number[]): { value: number; runs: number[] } {
  return { value: median(xs), runs: xs };
}

export const kReportPrefix = 'RUNBUS_BENCH_RESULT ';

export const quick = process.argv.includes('--quick');

/**
 * How long the contenders run before the windows that count against a
 * target: V8 goes on optimising a once-a-second tick's code on its helper
 * threads for minutes (a function reaches its tier-up budget only after a
 * hundred ticks or more), so the first minutes cost more than the rest. In
 * one run (`bench/age.ts`), two instances of the same build of `runbus run
 * --quiet` around 20 processes, measured in the same windows: 1.12–1.25 % of
 * a core at 35–155 s after their start, 0.72–0.84 % at 6 minutes. Code that
 * runs every few ticks (the heartbeat, retention's pace, the writer's WAL
 * checks) reaches its budget later still: with `--trace-opt`, `runbus run
 * --quiet` spent 115 ms of helper-thread time compiling in its 4th minute,
 * 17 ms in its 6th, 37 ms in its 9th and none after its 11th, and
 * `bench/age.ts 20 300 10 60` found the same build 1.25–1.77× the pidusage
 * loop between 5 and 11 minutes and 1.40–1.50× after. Benches with a target
 * measure after kSteadyMs and report the first minutes beside.
 * BENCH_STEADY_S overrides it (seconds).
 */
export const kSteadyMs = quick ? 2000 : Number(process.env.BENCH_STEADY_S ?? 600) * 1000;

export function report(workload: string, rows: BenchRow[]): void {
  process.stdout.write(`${kReportPrefix}${JSON.stringify({ workload, rows })}\n`);
}

/** Runs fn repeatedly for about `ms` milliseconds; returns calls per second. */
export function rate(fn: () => number, ms: number): number {
  // fn does a chunk of work and returns how many operations it did.
  let ops = 0;
  const t0 = process.hrtime.bigint();
  const end = t0 + BigInt(ms) * 1_000_000n;
  let now = t0;
  while (now < end) {
    ops += fn();
    now = process.hrtime.bigint();
  }
  return ops / (Number(now - t0) / 1e9);
}

/** Median of several measurements (noisy shared machine). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Percentile (0..100) of a sample, nearest-rank. */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i]!;
}

/** CPU time (user+system) of this process in milliseconds. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** A figure for a table: 1.23 M, 45.6 k, 789, 1.23, 0.012. */
export function fmtNumber(v: number | undefined): string {
  if (v === undefined || Number.isNaN(v)) return '';
  const a = Math.abs(v);
  if (a >= 1e6) return `${(v / 1e6).toFixed(2)} M`;
  if (a >= 1e4) return `${(v / 1e3).toFixed(1)} k`;
  if (a >= 100) return v.toFixed(0);
  if (a >= 1) return v.toFixed(2);
  return v.toPrecision(2);
}

export const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
// A no-break space inside a figure keeps "1.23 M" on one line when a table wraps.
const fmt = (v: number | undefined): string => (finite(v) ? fmtNumber(v).replace(' ', '\u00a0') : '—');

/** "median (min–max)" of a figure's rounds; "—" when there is no figure. */
export function withRange(v: number | undefined, runs: number[] | undefined): string {
  if (!finite(v)) return '—';
  if (runs === undefined || runs.length < 2) return fmt(v);
  const lo = Math.min(...runs);
  const hi = Math.max(...runs);
  return lo === hi ? fmt(v) : `${fmt(v)} (${fmt(lo)}–${fmt(hi)})`;
}

/** runbus ÷ peer: of the medians, and the range of the per-round ratios when paired. */
export function ratioOf(r: BenchRow): { x?: number; lo?: number; hi?: number } {
  if (!finite(r.peerValue) || r.peerValue <= 0 || !finite(r.value) || r.value < 0) return {};
  const x = r.value / r.peerValue;
  const a = r.runs ?? [];
  const b = r.peerRuns ?? [];
  if (a.length !== b.length || a.length < 2 || b.some((v) => v <= 0)) return { x };
  const xs = a.map((v, i) => v / b[i]!);
  return { x, lo: Math.min(...xs), hi: Math.max(...xs) };
}

export const fmtX = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

/** "0.21×" or "0.21× (0.18–0.25)". */
export function fmtRatio(r: BenchRow): string {
  const q = ratioOf(r);
  if (q.x === undefined) return '';
  return q.lo === undefined || fmtX(q.lo) === fmtX(q.hi!) ? `${fmtX(q.x)}×` : `${fmtX(q.x)}× (${fmtX(q.lo)}–${fmtX(q.hi!)})`;
}

/** A row's goal judged from its medians. */
export function judge(r: BenchRow, g: Goal): { wanted: string; measured: string; met: boolean } {
  const bound = g.max !== undefined ? `≤ ${fmtX(g.max)}` : `≥ ${fmtX(g.min!)}`;
  const x = g.on === 'ratio' ? ratioOf(r).x : finite(r.value) ? r.value : undefined;
  const measured = x === undefined ? '—' : g.on === 'ratio' ? fmtRatio(r) : withRange(r.value, r.runs);
  const met = x !== undefined && (g.max === undefined || x <= g.max) && (g.min === undefined || x >= g.min);
  return { wanted: `${bound} ${g.on === 'ratio' ? '× peer' : r.unit}`, measured, met };
}
