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
//    │   (quiet write: no `written`; the    │
//    │    commit goes in the ack block,      │
//    │    `acked` only when main waits)      │
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
  | { type: 'write'; id: number; batch: ArrayBuffer; checkpoint: boolean; quiet?: boolean }
  | { type: 'control'; id: number; control: Control }
  | { type: 'close'; id: number };

export type FromWriter =
  | { type: 'ready'; schemaVersion: number; walBytes: number }
  | { type: 'open-failed'; error: SerializedStoreError }
  | { type: 'written'; id: number; rows: number; durationMs: number; walBytes: number }
  | { type: 'write-failed'; id: number; error: SerializedStoreError }
  /** The quiet write in the ack block committed, and the main thread is waiting for it. */
  | { type: 'acked' }
  /** A checkpoint completed; the WAL size after it. */
  | { type: 'wal'; walBytes: number }
  | { type: 'maintenance-failed'; error: SerializedStoreError }
  /** `value`: what a control answers, when it answers anything (record-host: the host id). */
  | { type: 'done'; id: number; value?: string }
  | { type: 'failed'; id: number; error: SerializedStoreError }
  | { type: 'closed'; id: number };

/*
 * The ack block: a SharedArrayBuffer through which the writer reports a
 * quiet write's commit without a message, so the main thread is not woken
 * by it and reads it when it next looks (at its next tick). One quiet write
 * at a time. The writer fills the figures and the id, then swaps the state
 * to kAckCommitted; a main thread that cannot wait swaps kAckInFlight for
 * kAckWaiting, and the writer, finding kAckWaiting, posts `acked`.
 */
export const kAckIdle = 3;
export const kAckInFlight = 0;
export const kAckCommitted = 1;
export const kAckWaiting = 2;
export const kAckBlockBytes = 40;

/** Views of an ack block: i32 = [state, id]; f64 = [rows, durationMs, walBytes, committedAtMs]. */
export interface AckBlock {
  readonly i32: Int32Array;
  readonly f64: Float64Array;
}

export function ackBlockOf(sab: SharedArrayBuffer): AckBlock {
  return { i32: new Int32Array(sab, 0, 2), f64: new Float64Array(sab, 8, 4) };
}

/** Throws for a message whose tag (`type`, or `op` of a control) this side does not know. */
export function unknownMessage(side: string, msg: unknown, tag: 'type' | 'op' = 'type'): never {
  const value = (msg as Record<string, unknown> | null)?.[tag];
  throw new TypeError(`runbus store ${side}: unknown message ${tag} ${JSON.stringify(value)}`);
}
