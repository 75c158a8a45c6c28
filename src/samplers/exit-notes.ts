import { LifecycleKind } from '../wire/index.js';
import type { LifecyclePayload } from './worker.js';

/** How a process ended, as its spawner saw it. */
export interface ExitInfo {
  code: number | null;
  signal: string | null;
}

/** How long a note waits for its PROCESS_EXITED (or the reverse). */
const kExitInfoTtlMs = 60_000;

type Exited = Partial<Pick<LifecyclePayload, 'kind' | 'pid'>> & { exitCode?: number | null; signal?: string | null };

/*
 * Exit statuses from whoever waited for a process (`runbus run` for its
 * command), joined to the PROCESS_EXITED the sampler publishes when a tick
 * sees the process gone. Either may come first:
 *
 *   note first   ──► fill(): the PROCESS_EXITED carries the status
 *   exit first   ──► note(): the status goes out late, in a second
 *                    PROCESS_EXITED (the store merges it into the first)
 */
export class ExitNotes {
  readonly #notes = new Map<number, ExitInfo & { atMs: number }>();
  readonly #exitedUnknown = new Map<number, { payload: LifecyclePayload; atMs: number }>();

  /** A status from the waiter; returns the late PROCESS_EXITED to publish, if its exit already went out. */
  note(pid: number, exit: ExitInfo): LifecyclePayload | undefined {
    const gone = this.#exitedUnknown.get(pid);
    if (gone === undefined) {
      this.#notes.set(pid, { code: exit.code, signal: exit.signal, atMs: Date.now() });
      return undefined;
    }
    this.#exitedUnknown.delete(pid);
    const late = { ...gone.payload };
    if (exit.code !== null) late.exitCode = exit.code;
    late.signal = exit.signal ?? '';
    return late;
  }

  /**
   * Fills a PROCESS_EXITED from its note. Without a note, the exit of a
   * process someone may still report on (`waited`: a tracked root) is kept
   * for note().
   */
  fill(p: Exited, waited: (pid: number) => boolean): void {
    if (p.kind !== LifecycleKind.PROCESS_EXITED || p.pid == null) return;
    const known = p.exitCode != null || (p.signal ?? '') !== '';
    const info = this.#notes.get(p.pid);
    if (info === undefined) {
      if (!known && waited(p.pid)) this.#exitedUnknown.set(p.pid, { payload: { ...(p as LifecyclePayload) }, atMs: Date.now() });
      return;
    }
    this.#notes.delete(p.pid);
    if (!known) {
      if (info.code !== null) p.exitCode = info.code;
      p.signal = info.signal ?? '';
    }
  }

  /** Forgets what waited past its time. */
  expire(): void {
    if (this.#notes.size === 0 && this.#exitedUnknown.size === 0) return;
    const old = Date.now() - kExitInfoTtlMs;
    for (const [pid, e] of this.#notes) if (e.atMs < old) this.#notes.delete(pid);
    for (const [pid, e] of this.#exitedUnknown) if (e.atMs < old) this.#exitedUnknown.delete(pid);
  }
}
