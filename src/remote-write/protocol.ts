// Messages between the hub and the remote-write thread, tagged by `type`.
import type { RemoteWriterSettings, TargetStats } from './writer.js';

export interface RemoteWorkerData {
  readonly dbPath: string;
  readonly settings: RemoteWriterSettings;
  /**
   * One Int32: store commits announced by the hub. Bumped and notified on
   * the hub's thread, waited on here, so a commit costs no message and an
   * idle store no wake-up.
   */
  readonly commits: SharedArrayBuffer;
  /** The thread's counters, rewritten after each attempt (shared-stats.ts). */
  readonly stats: SharedArrayBuffer;
}

export type ToRemoteWorker =
  | { readonly type: 'drain'; readonly id: number; readonly timeoutMs: number }
  | { readonly type: 'stop'; readonly id: number };

export type FromRemoteWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'open-failed'; readonly message: string }
  | { readonly type: 'log'; readonly message: string }
  | { readonly type: 'drained'; readonly id: number; readonly ok: boolean; readonly stats: TargetStats[] }
  | { readonly type: 'stopped'; readonly id: number; readonly stats: TargetStats[] };

/** An unknown tag is a bug on one side: fail loudly. */
export function unknownRemoteMessage(msg: never): never {
  throw new TypeError(`remote-write: unknown message ${JSON.stringify(msg)}`);
}
