// The message protocol between the main thread (store.ts) and the writer
// thread (writer-worker.ts). Both sides import this file; every message is
// tagged by `type`, and a tag a side does not know is a bug that fails loudly.
//
//   main                                  writer
//    │ ── new Worker(workerData: options) ─►│ open, migrate, verify pragmas
//    │◄─────────────── ready | open-failed ─│ (always the first message)
//    │ ── write {id, batch (transferred),  ►│ decode, one transaction
//    │          checkpoint (interval up)}   │
//    │◄──────────── written | write-failed ─│ then, before the next message:
//    │                                      │   retention steps (as many rows as written)
//    │                                      │   wal_checkpoint(PASSIVE[/RESTART]) when the
//    │◄──────────── wal | maintenance-failed│   WAL is large or `checkpoint` was set
//    │                                      │ more retention in slices while idle
//    │ ── control {id, …} ────────────────►│
//    │◄────────────────────── done | failed ─│
//    │ ── close {id} ─────────────────────►│ finish retention step, TRUNCATE, close
//    │◄──────────────────────────── closed ─│ then the thread exits

import type { SerializedStoreError } from './errors.js';

/** A control request (answered by done/failed). */
export type Control =
  /** Changes the size cap (`PRAGMA max_page_count`); null lifts it. */
  | { op: 'set-max-size'; bytes: number | null }
  /**
   * Fault injection for tests: 'readonly' makes the writer connection refuse
   * writes (`PRAGMA query_only`) as a read-only file would, surviving reopens.
   */
  | { op: 'fault'; fault: 'readonly' | 'none' }
  /** Runs every pending retention step now (tests, shutdown). */
  | { op: 'maintain' }
  /**
   * Records this hub's host (the `hosts` view) and answers its host id:
   * `host.hostId` when given (derived from the machine id), else an id
   * generated once and kept in the file.
   */
  | { op: 'record-host'; host: HostRecord };

/** One host's inventory, as the `hosts` view shows it. */
export interface HostRecord {
  hostId: string | null;
  hostname: string;
  cpuModel: string | null;
  cpuCores: number | null;
  cpuPhysicalCores: number | null;
  memTotalBytes: number | null;
  os: string | null;
  osRelease: string | null;
  kernel: string | null;
  arch: string | null;
  /** JSON array of GPU controllers ({vendor, model, vramMb}). */
  gpus: string | null;
  seenAtMs: number;
}

export type ToWriter =
  /**
   * `checkpoint`: the checkpoint interval has run out on the main thread's
   * clock; checkpoint after this batch even if the WAL is still small.
   */
  | { type: 'write'; id: number; batch: ArrayBuffer; checkpoint: boolean }
  | { type: 'control'; id: number; control: Control }
  | { type: 'close'; id: number };

export type FromWriter =
  | { type: 'ready'; schemaVersion: number; walBytes: number }
  | { type: 'open-failed'; error: SerializedStoreError }
  | { type: 'written'; id: number; rows: number; durationMs: number; walBytes: number }
  | { type: 'write-failed'; id: number; error: SerializedStoreError }
  /** A checkpoint completed; the WAL size after it. */
  | { type: 'wal'; walBytes: number }
  | { type: 'maintenance-failed'; error: SerializedStoreError }
  /** `value`: what a control answers, when it answers anything (record-host: the host id). */
  | { type: 'done'; id: number; value?: string }
  | { type: 'failed'; id: number; error: SerializedStoreError }
  | { type: 'closed'; id: number };

/** Throws for a message whose tag (`type`, or `op` of a control) this side does not know. */
export function unknownMessage(side: string, msg: unknown, tag: 'type' | 'op' = 'type'): never {
  const value = (msg as Record<string, unknown> | null)?.[tag];
  throw new TypeError(`runbus store ${side}: unknown message ${tag} ${JSON.stringify(value)}`);
}
