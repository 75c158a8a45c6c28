// When the pool's worker ticks, and what each of its answers stands for.
// The worker owns the sampling timer (see tick-channel.ts): the main thread
// is woken once a tick, by the batch, instead of twice (its own timer, then
// the batch). Besides its timer a tick runs when the main thread asks for
// one now (sampleNow()); a request that arrives while a tick runs is
// answered by that tick, and a scheduled tick that falls due while one runs
// is skipped and counted, never queued.

/** What an answer says besides its batch. */
export interface TickMeta {
  /** Run by the timer (the main thread runs its per-tick hooks for it), not asked for. */
  scheduled: boolean;
  /** The highest request id this tick answers (0: none). */
  answers: number;
  /** Scheduled ticks skipped since the last answer, because one was running. */
  skipped: number;
  /** When the tick started, epoch ms with a fraction (comparable across threads). */
  startedAt: number;
}

/** Epoch ms with a fraction, from the monotonic clock: the same on every thread of a process. */
export function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}

export class TickTimer<R> {
  readonly #run: () => Promise<R>;
  readonly #send: (result: R, meta: TickMeta) => void;
  #running = false;
  /** Requests that arrived while a tick ran: the highest id. */
  #joined = 0;
  #skipped = 0;
  #timer: NodeJS.Timeout | null = null;
  #intervalMs = 0;
  #lastFire = 0;

  /** `run` makes one tick's result; `send` delivers it with what it answers. */
  constructor(run: () => Promise<R>, send: (result: R, meta: TickMeta) => void) {
    this.#run = run;
    this.#send = send;
  }

  /** Runs a tick now for request `id`, or has the running one answer it. */
  now(id: number): void {
    if (this.#running) {
      this.#joined = Math.max(this.#joined, id);
      return;
    }
    void this.#go(false, id);
  }

  /** Ticks every `intervalMs` from now on (0: stops the timer). */
  drive(intervalMs: number): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    if (intervalMs <= 0) return;
    this.#intervalMs = intervalMs;
    this.#lastFire = performance.now();
    this.#timer = setInterval(() => { this.#fire(); }, intervalMs);
  }

  get driving(): boolean {
    return this.#timer !== null;
  }

  #fire(): void {
    // A tick that kept this thread busy past the next due times delays the
    // timer rather than queueing it: those due times are skips too.
    const now = performance.now();
    const late = Math.floor((now - this.#lastFire) / this.#intervalMs) - 1;
    this.#lastFire = now;
    if (late > 0) this.#skipped += late;
    if (this.#running) {
      this.#skipped++;
      return;
    }
    void this.#go(true, 0);
  }

  async #go(scheduled: boolean, id: number): Promise<void> {
    this.#running = true;
    const startedAt = preciseNow();
    let result: R;
    try {
      result = await this.#run();
    } finally {
      this.#running = false;
    }
    const answers = Math.max(id, this.#joined);
    this.#joined = 0;
    const skipped = this.#skipped;
    this.#skipped = 0;
    this.#send(result, { scheduled, answers, skipped, startedAt });
  }
}
