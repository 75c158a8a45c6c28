/**
 * The last `size` latencies, for p50/p99 at heartbeat time without keeping
 * every sample. Fixed memory; the ring overwrites the oldest.
 *
 * Beside the ring, the same values are kept sorted: add() moves the evicted
 * value out and the new one in (two binary searches and a memmove of at most
 * `size` doubles), so a percentile is an index. (Sorting a copy of the ring
 * for each percentile, twice a heartbeat, was a tenth of the hub's
 * heartbeat on the main thread.)
 */
export class LatencyWindow {
  readonly #values: Float64Array;
  readonly #sorted: Float64Array;
  #n = 0;
  #next = 0;

  constructor(size = 512) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`LatencyWindow size must be a positive integer, got ${String(size)}`);
    this.#values = new Float64Array(size);
    this.#sorted = new Float64Array(size);
  }

  /** Records a latency; a value that is not a finite number is ignored. */
  add(ms: number): void {
    if (!Number.isFinite(ms)) return;
    const sorted = this.#sorted;
    let n = this.#n;
    if (n === this.#values.length) {
      // Full: the oldest value leaves the sorted copy.
      const at = lowerBound(sorted, n, this.#values[this.#next]!);
      sorted.copyWithin(at, at + 1, n);
      n--;
    }
    const at = lowerBound(sorted, n, ms);
    sorted.copyWithin(at + 1, at, n);
    sorted[at] = ms;
    this.#n = n + 1;
    this.#values[this.#next] = ms;
    this.#next = (this.#next + 1) % this.#values.length;
  }

  get count(): number {
    return this.#n;
  }

  /** Nearest-rank percentile (0..100); undefined when empty. */
  percentile(p: number): number | undefined {
    if (this.#n === 0) return undefined;
    const i = Math.min(this.#n - 1, Math.max(0, Math.ceil((p / 100) * this.#n) - 1));
    return this.#sorted[i];
  }
}

/** The first index in `a[0, n)` (sorted ascending) whose value is ≥ `v`. */
function lowerBound(a: Float64Array, n: number, v: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
