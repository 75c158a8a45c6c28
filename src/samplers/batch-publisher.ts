import { Topic } from '../wire/index.js';
import { decodeBatchKeepingBytes } from '../wire/codec.js';
import { KeptSnapshot } from '../wire/kept-snapshot.js';
import type { Envelope, TopicPayloads } from '../wire/index.js';
import { fillLoopFigures } from '../bus/index.js';
import type { LoopFigures, RunBus } from '../bus/index.js';
import { ExitNotes } from './exit-notes.js';
import type { ExitInfo } from './exit-notes.js';
import type { LifecyclePayload } from './worker.js';

// Puts a worker batch's envelopes on the bus, completing two kinds with
// what only this thread knows: PROCESS_EXITED with the exit the app noted
// (noteExit), and a RESOURCE snapshot with its process's own event-loop
// figures (noteLoop).
//
// A RESOURCE payload keeps its bytes in the batch's ArrayBuffer, and the
// hub's batcher copies them to the store rather than encoding it again;
// #fillLoop, the one place that changes such a payload, drops them first.
// (LIFECYCLE payloads, which ExitNotes.fill completes, are decoded by
// protobufjs and keep nothing.)

export class BatchPublisher {
  readonly #bus: RunBus;
  readonly #intervalMs: number;
  readonly #exits = new ExitNotes();
  readonly #loops = new Map<number, LoopFigures & { atMs: number }>();

  constructor(bus: RunBus, intervalMs: number) {
    this.#bus = bus;
    this.#intervalMs = intervalMs;
  }

  noteExit(pid: number, exit: ExitInfo): void {
    const late = this.#exits.note(pid, exit);
    if (late !== undefined) this.#bus.publish(Topic.LIFECYCLE, late);
  }

  noteLoop(pid: number, loop: LoopFigures): void {
    this.#loops.set(pid, { ...loop, atMs: Date.now() });
  }

  /** Decodes a batch (throws when it does not decode, publishing nothing) and publishes its envelopes. */
  publish(bytes: ArrayBuffer, isRoot: (pid: number) => boolean): void {
    const envelopes: Envelope[] = decodeBatchKeepingBytes(new Uint8Array(bytes));
    this.#exits.expire();
    const bus = this.#bus;
    for (const e of envelopes) {
      // See LifecyclePayload in worker.ts: the wire type reduces to never.
      if (e.topic === Topic.LIFECYCLE) this.#exits.fill(e.payload as unknown as LifecyclePayload, isRoot);
      else if (e.topic === Topic.RESOURCE && this.#loops.size > 0) this.#fillLoop(e.payload);
      bus.publish(e.topic, e.payload);
    }
  }

  // Fills a snapshot's event-loop figures from its process's latest report.
  #fillLoop(p: TopicPayloads[typeof Topic.RESOURCE]): void {
    const l = this.#loops.get(p.pid);
    if (l === undefined) return;
    if (Date.now() - l.atMs > 2 * this.#intervalMs + 1000) {
      this.#loops.delete(p.pid);
      return;
    }
    KeptSnapshot.forget(p);
    fillLoopFigures(p, l);
  }
}
