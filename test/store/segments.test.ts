import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openReader, openStore } from '../../src/store/index.js';
import { batch, kT0, snap, tempDir } from './helpers.js';

// Snapshots are found through per-batch rowid ranges (t_segment) rather than
// an index. Whatever the mix of runs in a batch, every stored row must show
// up in the view exactly once, under its own run, also after pruning.

describe('snapshot segments', () => {
  it('show every row once under its run, for interleaved runs, before and after cap and retention', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.record({ run: fc.constantFrom('a', 'b', 'c'), dt: fc.integer({ min: 0, max: 600_000 }) }), { minLength: 1, maxLength: 120 }), { minLength: 1, maxLength: 5 }),
        fc.option(fc.integer({ min: 1, max: 150 }), { nil: undefined }),
        async (batches, cap) => {
          using tmp = tempDir();
          const store = await openStore({ path: tmp.db, retentionMs: 300_000, ...(cap === undefined ? {} : { maxSamplesPerRun: cap }) });
          let seq = 0;
          const want: Record<string, number[]> = { a: [], b: [], c: [] };
          for (const b of batches) {
            const envs = b.map(({ run, dt }) => {
              const pid = ++seq;
              want[run]!.push(pid);
              return snap({ runId: run, pid, tsMs: kT0 + dt, component: `c${pid % 3}` });
            });
            await store.write(batch(envs));
          }
          const r = openReader(tmp.db);
          const db = new Database(tmp.db, { readonly: true });
          const check = (): void => {
            const total = (db.prepare('SELECT count(*) AS n FROM t_snapshot').get() as { n: number }).n;
            expect((db.prepare('SELECT count(*) AS n FROM snapshots').get() as { n: number }).n).toBe(total);
            let seen = 0;
            for (const run of ['a', 'b', 'c']) {
              const pids = r.snapshots({ runId: run }).map((x) => x.pid);
              expect(new Set(pids).size).toBe(pids.length);
              for (const pid of pids) expect(want[run]).toContain(pid);
              seen += pids.length;
            }
            expect(seen).toBe(total);
          };
          // Once every pending retention step has run (the writer prunes
          // between batches too, so earlier counts would race with it).
          await store.maintain();
          check();
          if (cap !== undefined) for (const run of ['a', 'b', 'c']) expect(r.snapshots({ runId: run }).length).toBeLessThanOrEqual(cap);
          await store.close();
          check();
          db.close();
          r.close();
        },
      ),
      { numRuns: 15 },
    );
  });
});
