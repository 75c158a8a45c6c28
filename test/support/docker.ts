// The real-engine tests' hook; the engine itself lives in support/ at the root (shared with bench/).
import { afterAll, beforeAll } from 'vitest';
import { dockerEngine, kNeedsDockerIo, removeLabelled } from '../../support/docker-engine.js';
import type { Engine } from '../../support/docker-engine.js';

export * from '../../support/docker-engine.js';

/**
 * For a describe block of real-engine tests: the engine (started if need
 * be) before them, and every container labelled `tag` removed after them.
 */
export function useEngine(tag: string): () => Engine {
  let e: Engine | null = null;
  beforeAll(async () => {
    e = await dockerEngine();
    if (e === null) throw new Error(`no Docker engine could be started ${kNeedsDockerIo}`);
  }, 120_000);
  afterAll(async () => {
    if (e !== null) await removeLabelled(e, tag);
  });
  return () => e!;
}
