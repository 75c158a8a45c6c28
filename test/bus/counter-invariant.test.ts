import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RunBus } from '../../src/bus/index.js';
import type { OverflowPolicy } from '../../src/bus/index.js';
import { Topic } from '../../src/wire/index.js';
import { resource } from '../../support/samples.js';
import { expectAllBalanced, flushMicrotasks, quietLogger } from '../support/bus.js';

// A random schedule of publish bursts, async consumers that take a random
// number of turns per message, and unsubscribes: after every step, for every
// queue, published = delivered + dropped + queued.

type Step = { kind: 'publish'; n: number; runId: string } | { kind: 'yield'; rounds: number } | { kind: 'unsubscribe'; which: number } | { kind: 'publishAsync'; runId: string };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('publish' as const), n: fc.integer({ min: 1, max: 40 }), runId: fc.constantFrom('a', 'b') }),
  fc.record({ kind: fc.constant('yield' as const), rounds: fc.integer({ min: 1, max: 10 }) }),
  fc.record({ kind: fc.constant('unsubscribe' as const), which: fc.nat(5) }),
  fc.record({ kind: fc.constant('publishAsync' as const), runId: fc.constantFrom('a', 'b') }),
);

const subSpec = fc.record({
  capacity: fc.integer({ min: 1, max: 16 }),
  overflow: fc.constantFrom<OverflowPolicy>('drop-oldest', 'drop-newest', 'block'),
  turns: fc.integer({ min: 0, max: 3 }), // microtask turns each message takes
  runId: fc.option(fc.constantFrom('a', 'b'), { nil: undefined }),
  iterate: fc.boolean(),
});

describe('counter invariant', () => {
  it('holds for every queue under random producer/consumer schedules', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(subSpec, { minLength: 1, maxLength: 5 }), fc.array(step, { maxLength: 40 }), async (specs, steps) => {
        const bus = new RunBus({ logger: quietLogger() });
        const subs = specs.map((s, i) => {
          const opts = { capacity: s.capacity, overflow: s.overflow, runId: s.runId, name: `s${i}` };
          if (!s.iterate) {
            return bus.subscribe(Topic.RESOURCE, async () => { for (let t = 0; t < s.turns; ++t) await Promise.resolve(); }, opts);
          }
          const sub = bus.subscribe(Topic.RESOURCE, opts);
          void (async () => {
            for await (const _ of sub) for (let t = 0; t < s.turns; ++t) await Promise.resolve();
          })();
          return sub;
        });
        const pendingAsync: Promise<boolean>[] = [];
        for (const st of steps) {
          if (st.kind === 'publish') for (let i = 0; i < st.n; ++i) bus.publish(Topic.RESOURCE, resource({ runId: st.runId, pid: i + 1 }));
          else if (st.kind === 'yield') await flushMicrotasks(st.rounds);
          else if (st.kind === 'unsubscribe') subs[st.which % subs.length]!.unsubscribe();
          else pendingAsync.push(bus.publishAsync(Topic.RESOURCE, resource({ runId: st.runId })));
          expectAllBalanced(bus.stats());
          for (const s of subs) {
            const q = s.stats();
            expect(q.published).toBe(q.delivered + q.dropped + q.queued);
            expect(q.queued).toBeLessThanOrEqual(q.capacity);
          }
        }
        await bus.close();
        await Promise.all(pendingAsync);
        for (const s of subs) {
          const q = s.stats();
          expect(q.published).toBe(q.delivered + q.dropped + q.queued);
        }
      }),
      { numRuns: 300 },
    );
  });
});
