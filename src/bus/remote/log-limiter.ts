import type { Logger } from '../run-bus.js';

/**
 * Logs each kind of event (a reason code) at most once per interval: the
 * first occurrence at once, later ones summed into the next line. A flood of
 * bad connections thus costs one log line per code per interval.
 */
export class LogLimiter {
  readonly #logger: Logger;
  readonly #intervalMs: number;
  readonly #last = new Map<string, { at: number; suppressed: number }>();

  constructor(logger: Logger, intervalMs: number) {
    this.#logger = logger;
    this.#intervalMs = intervalMs;
  }

  warn(key: string, message: string): void {
    const now = Date.now();
    const e = this.#last.get(key);
    if (e !== undefined && now - e.at < this.#intervalMs) {
      e.suppressed++;
      return;
    }
    const extra = e !== undefined && e.suppressed > 0 ? ` (${e.suppressed} more ${key} since the last report)` : '';
    this.#last.set(key, { at: now, suppressed: 0 });
    try {
      this.#logger.warn(`${message}${extra}`);
    } catch {
      // A logger that throws must not take the transport down.
    }
  }
}
