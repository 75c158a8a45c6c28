import { expect, test } from 'vitest';
import { Backoff } from '../../../src/bus/remote/backoff.js';

test('reconnect delays double from the first up to the longest, jittered to 50–100 %, and start over after reset()', () => {
  const b = new Backoff(100, 1000);
  const caps = [100, 200, 400, 800, 1000, 1000];
  for (const cap of caps) {
    const d = b.next();
    expect(d).toBeGreaterThanOrEqual(cap / 2);
    expect(d).toBeLessThanOrEqual(cap);
  }
  b.reset();
  expect(b.next()).toBeLessThanOrEqual(100);
});

test('a delay is never below 1 ms', () => {
  const b = new Backoff(1, 1);
  for (let i = 0; i < 50; ++i) expect(b.next()).toBe(1);
});
