/**
 * Reconnect delays: the first is `minMs`, each failed attempt doubles it up
 * to `maxMs`, and each delay is jittered to 50–100 % so clients of a hub
 * that restarts do not all come back in the same millisecond.
 */
export class Backoff {
  readonly #minMs: number;
  readonly #maxMs: number;
  #attempt = 0;

  constructor(minMs: number, maxMs: number) {
    this.#minMs = minMs;
    this.#maxMs = maxMs;
  }

  /** The delay before the next attempt, ms (at least 1). */
  next(): number {
    const cap = Math.min(this.#maxMs, this.#minMs * 2 ** Math.min(this.#attempt, 30));
    this.#attempt++;
    return Math.max(1, Math.round(cap * (0.5 + Math.random() * 0.5)));
  }

  /** A connection succeeded: the next delay is the first again. */
  reset(): void {
    this.#attempt = 0;
  }
}
