import { afterEach, expect, test, vi } from 'vitest';
import { BoundedQueue, DropReporter } from '../../src/bus/index.js';

afterEach(() => {
  vi.useRealTimers();
});

test('each overflow policy names what a full queue does, and counts every loss', () => {
  const drops: number[] = [];
  const oldest = new BoundedQueue<number>(2, 'drop-oldest', { onDrop: (n) => drops.push(n) });
  expect([oldest.push(1), oldest.push(2), oldest.push(3)]).toEqual(['queued', 'queued', 'evicted']);
  expect([oldest.shift(), oldest.shift(), oldest.shift()]).toEqual([2, 3, undefined]);

  const newest = new BoundedQueue<number>(2, 'drop-newest', { onDrop: (n) => drops.push(n) });
  expect([newest.push(1), newest.push(2), newest.push(3)]).toEqual(['queued', 'queued', 'refused']);
  expect(newest.refusing).toBe(false);
  expect(newest.shift()).toBe(1);

  const block = new BoundedQueue<number>(1, 'block');
  expect([block.push(1), block.push(2)]).toEqual(['queued', 'refused']);
  expect(block.refusing).toBe(true);

  expect(newest.discard()).toBe(1);
  expect([oldest.dropped, newest.dropped, block.dropped]).toEqual([1, 2, 1]);
  expect(drops).toEqual([1, 1, 1]);
  expect(oldest.highWater).toBe(2);
});

test('a block queue wakes room waiters and reports room once, after a take makes room', async () => {
  let rooms = 0;
  const q = new BoundedQueue<number>(1, 'block', { onRoom: () => rooms++ });
  q.push(1);
  q.push(2);
  let woke = false;
  const waiting = q.waitForRoom().then(() => {
    woke = true;
  });
  q.settle(); // still full: nothing happens
  await Promise.resolve();
  expect([woke, rooms]).toEqual([false, 0]);
  q.shift();
  q.settle();
  await waiting;
  expect([woke, rooms, q.refusing]).toEqual([true, 1, false]);
  q.settle();
  expect(rooms).toBe(1);
});

test('close() and wakeAll() release waiters without room', async () => {
  const q = new BoundedQueue<number>(1, 'block');
  q.push(1);
  const a = q.waitForRoom();
  q.wakeAll();
  await a;
  q.close();
  await q.waitForRoom();
  expect(q.length).toBe(1);
});

test('DropReporter sums drops per key into one line per interval, and reports the rest at flush', () => {
  vi.useFakeTimers();
  const lines: string[] = [];
  const r = new DropReporter<string>({ warn: (m) => lines.push(m) }, 1000, (drops, total) => `${total}: ${[...drops].map(([k, n]) => `${k}=${n}`).join(' ')}`);
  r.note('a', 2);
  r.note('b', 1);
  r.note('a', 3);
  expect(lines).toEqual([]);
  vi.advanceTimersByTime(1000);
  expect(lines).toEqual(['6: a=5 b=1']);
  r.note('b', 4);
  r.flush();
  r.flush();
  expect(lines).toEqual(['6: a=5 b=1', '4: b=4']);
});

test('a throwing logger does not escape DropReporter', () => {
  vi.useFakeTimers();
  const r = new DropReporter<string>({ warn: () => { throw new Error('boom'); } }, 10, () => 'x');
  r.note('a', 1);
  expect(() => vi.advanceTimersByTime(10)).not.toThrow();
});
