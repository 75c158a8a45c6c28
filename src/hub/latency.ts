/**
 * The last `size` latencies, for p50/p99 at heartbeat time without keeping
 * every sample. Fixed memory; the ring overwrites the oldest.
 */
export class LatencyWindow {
  readonly #values: Float64Array;
  #n = 0;
  #next = 0;

  constructor(size = 512) {
    this.#values = new Float64Array(size);
  }

  add(ms: number): void {
    this.#values[this.#next] = ms;
    this.#next = (this.#next + 1) % this.#values.length;
    if (this.#n < this.#values.length) this.#n++;
  }

  get count(): number {
    return this.#n;
  }

  /** Nearest-rank percentile (0..100); undefined when empty. */
  percentile(p: number): number | undefined {
    if (this.#n === 0) return undefined;
    const sorted = this.#values.slice(0, this.#n).sort();
    const i = Math.min(this.#n - 1, Math.max(0, Math.ceil((p / 100) * this.#n) - 1));
    return sorted[i];
  }
}
