// The per-browser SSE queue: bounded, drop-oldest, honours write()'s false
// and 'drain', and cuts a browser whose queue keeps overflowing.

import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunBus } from '../../src/bus/index.js';
import { SseClient, startDashboardServer } from '../../src/dashboard/index.js';
import type { SseSink } from '../../src/dashboard/index.js';
import { Topic } from '../../src/wire/index.js';
import { quietLogger } from '../support/bus.js';
import { waitFor } from '../support/tmp.js';

/** A response whose socket never drains (knob: `writable`). */
class FakeSink implements SseSink {
  writes: string[] = [];
  writable = false;
  ended = 0;
  readonly #listeners = new Map<string, Set<() => void>>();
  write(chunk: string): boolean {
    this.writes.push(chunk);
    return this.writable;
  }
  end(): void {
    this.ended++;
  }
  on(event: string, l: () => void): void {
    let s = this.#listeners.get(event);
    if (s === undefined) this.#listeners.set(event, (s = new Set()));
    s.add(l);
  }
  off(event: string, l: () => void): void {
    this.#listeners.get(event)?.delete(l);
  }
  emit(event: string): void {
    for (const l of [...(this.#listeners.get(event) ?? [])]) l();
  }
  listeners(): number {
    let n = 0;
    for (const s of this.#listeners.values()) n += s.size;
    return n;
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe('SseClient', () => {
  it('writes nothing after write() says false, keeps at most `capacity` frames, counts drops, and cuts the stalled browser', () => {
    vi.useFakeTimers();
    const sink = new FakeSink();
    const closed: SseClient[] = [];
    const c = new SseClient(sink, { capacity: 8, stallMs: 1000, onClose: (x) => closed.push(x) });
    for (let i = 0; i < 10_000; ++i) c.send(`data: ${i}\n\n`);
    // One write (which returned false), then nothing until 'drain'.
    expect(sink.writes).toHaveLength(1);
    expect(c.stats()).toMatchObject({ queued: 8, dropped: 10_000 - 1 - 8, closed: false });
    vi.advanceTimersByTime(999);
    c.check();
    expect(c.stats().closed).toBe(false);
    vi.advanceTimersByTime(1);
    c.check();
    expect(c.stats()).toMatchObject({ closed: true, closeReason: 'stalled', queued: 0, dropped: 10_000 - 1 });
    expect(sink.ended).toBe(1);
    expect(closed).toEqual([c]);
    expect(sink.listeners()).toBe(0);
    // Frames after the close are ignored.
    c.send('data: late\n\n');
    expect(sink.writes).toHaveLength(1);
  });

  it('flushes its queue in order on drain and forgives a short overflow', () => {
    vi.useFakeTimers();
    const sink = new FakeSink();
    const c = new SseClient(sink, { capacity: 3, stallMs: 1000 });
    for (let i = 0; i < 5; ++i) c.send(`${i}`);
    expect(c.stats()).toMatchObject({ queued: 3, dropped: 1 });
    vi.advanceTimersByTime(900);
    sink.writable = true;
    sink.emit('drain');
    expect(sink.writes).toEqual(['0', '2', '3', '4']);
    vi.advanceTimersByTime(5000);
    c.check();
    expect(c.stats()).toMatchObject({ closed: false, queued: 0, sent: 4 });
  });

  it('stops when the browser goes away, counting what was queued as dropped', () => {
    const sink = new FakeSink();
    const c = new SseClient(sink, { capacity: 4, stallMs: 1000 });
    for (let i = 0; i < 3; ++i) c.send(`${i}`);
    sink.emit('close');
    expect(c.stats()).toMatchObject({ closed: true, closeReason: null, dropped: 2, queued: 0 });
    expect(sink.ended).toBe(0);
  });
});

describe('a browser that never reads /events', () => {
  let sock: Socket | undefined;
  afterEach(() => {
    sock?.destroy();
  });

  it('is disconnected once its queue has overflowed for stallMs, and the drops are counted', async () => {
    const bus = new RunBus({ logger: quietLogger() });
    const server = await startDashboardServer({ bus, port: 0, pushIntervalMs: 20, clientQueue: 4, stallMs: 300, maxComponents: 5000 });
    try {
      sock = connect(server.port, '127.0.0.1');
      await new Promise<void>((r) => sock!.once('connect', () => { r(); }));
      sock.write('GET /events HTTP/1.1\r\nHost: x\r\n\r\n');
      sock.pause(); // never reads: the kernel buffers fill, then res.write() says false
      await waitFor(() => server.dashboard.stats().clients === 1, 5000, 'the client');
      // ~2000 component points per push: each frame is a few hundred kB.
      const timer = setInterval(() => {
        const tsMs = Date.now();
        for (let i = 0; i < 2000; ++i) bus.publish(Topic.RESOURCE, { tsMs, runId: 'r', component: `component-number-${i}`, pid: 1000 + i, cpuPercent: i, rssBytes: i * 1000 });
      }, 20);
      try {
        await waitFor(() => server.dashboard.stats().droppedClients === 1, 20_000, 'the stalled browser to be cut');
      } finally {
        clearInterval(timer);
      }
      const s = server.dashboard.stats();
      expect(s.clients).toBe(0);
      expect(s.droppedFrames).toBeGreaterThan(0);
      // What the server wrote is bounded by the socket's buffers, not by how long it ran.
      expect(s.sentFrames).toBeLessThan(200);
    } finally {
      await server.close();
      await bus.close();
    }
  });
});
