import { expect } from 'vitest';
import type { BusStats, QueueStats } from '../../src/bus/index.js';

/** published = delivered + dropped + queued, for one queue. */
export function expectBalanced(q: QueueStats): void {
  expect(q.published, `${q.name}: published = delivered + dropped + queued`).toBe(q.delivered + q.dropped + q.queued);
}

export function expectAllBalanced(stats: BusStats): void {
  for (const q of stats.subscribers) expectBalanced(q);
}

/** Lets queued microtasks (bus deliveries) run. */
export async function flushMicrotasks(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; ++i) await Promise.resolve();
}

export function quietLogger(): { warn: (m: string) => void; lines: string[] } {
  const lines: string[] = [];
  return { warn: (m) => lines.push(m), lines };
}
