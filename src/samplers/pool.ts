import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { WorkerResult, WorkerTask } from './protocol.js';

// The sampler's one-thread piscina pool, and where its worker file is.

let gWorkerFileOverride: string | null = null;

/**
 * Points pools created from now on at another worker file (null: the real
 * one). For tests that need a worker that fails; not exported from index.ts.
 */
export function setWorkerFileForTests(filename: string | null): void {
  gWorkerFileOverride = filename;
}

/**
 * Where the compiled worker is. From dist/ it sits beside this file; when
 * this module runs from source (vitest, tsx) the worker still has to be the
 * compiled one, since a worker thread does not get the TypeScript loader.
 */
function workerFilename(): string {
  if (gWorkerFileOverride !== null) return gWorkerFileOverride;
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    return here.replace(/([\\/])src([\\/]samplers[\\/])pool\.ts$/, '$1dist$2worker.js');
  }
  return fileURLToPath(new URL('./worker.js', import.meta.url));
}

/**
 * A pool of one thread, always: per-pid state lives in the worker, and
 * every tick must reach the same state. Two concurrent tasks let a GPU
 * reading (time spent waiting for nvidia-smi) overlap ticks.
 */
export function createPool(): Piscina<WorkerTask, WorkerResult> {
  return new Piscina<WorkerTask, WorkerResult>({
    filename: workerFilename(),
    minThreads: 1,
    maxThreads: 1,
    concurrentTasksPerWorker: 2,
    idleTimeout: Infinity,
    name: 'default',
    // The process sampler keeps /proc descriptors open between ticks; the
    // worker's exit closes them even if it dies mid-tick.
    trackUnmanagedFds: true,
    // The worker waits on its event loop, not in Atomics.wait(): the
    // ticks come on a port of their own (tick-channel.ts).
    atomics: 'disabled',
  });
}
