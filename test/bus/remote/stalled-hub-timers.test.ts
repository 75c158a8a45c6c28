// A hub whose own event loop was held up (a long pause, a descheduled
// process on a loaded machine) must not blame its clients for it: when the
// hello and frame timers run late, what the client sent meanwhile is read
// first, and only a client that really sent nothing is cut off.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { RunBus } from '../../../src/bus/index.js';
import { serveBus } from '../../../src/bus/remote/index.js';
import type { BusServer } from '../../../src/bus/remote/index.js';
import { encodeFrame, Topic } from '../../../src/wire/index.js';
import { RawClient, quietLogger, snapshot, tempDir, waitFor } from './helpers.js';

let t: ReturnType<typeof tempDir>;
let bus: RunBus;
let server: BusServer;

beforeEach(async () => {
  t = tempDir();
  bus = new RunBus({ logger: quietLogger() });
  server = await serveBus(bus, { socketPath: t.sock, helloTimeoutMs: 150, frameTimeoutMs: 150, logger: quietLogger() });
});
afterEach(async () => {
  await server.close();
  await bus.close();
  t.cleanup();
});

/** Holds this process's event loop for `ms` from a check-phase callback, so the next turn runs the timers before it reads any socket. */
function holdLoop(ms: number, first: () => void): Promise<void> {
  return new Promise((resolve) => {
    setImmediate(() => {
      first();
      const end = Date.now() + ms;
      while (Date.now() < end) {
        // busy: the hub is descheduled
      }
      resolve();
    });
  });
}

test('a frame finished while the hub was held up is read, not cut off as a slowloris', async () => {
  let got = 0;
  bus.subscribe(Topic.RESOURCE, () => {
    got++;
  });
  const raw = await RawClient.open(t.sock);
  raw.hello();
  const frame = encodeFrame({ kind: 'publish', envelopes: [{ topic: Topic.RESOURCE, payload: snapshot(1) }] });
  raw.write(frame.subarray(0, 5));
  await new Promise((r) => setTimeout(r, 50));
  // The rest reaches the hub's socket at once; the hub runs again 400 ms later.
  await holdLoop(400, () => {
    raw.write(frame.subarray(5));
  });
  await waitFor(() => got === 1 || raw.isClosed, 'the frame or a close');
  await new Promise((r) => setTimeout(r, 50));
  expect(raw.errorCode()).toBeUndefined();
  expect(got).toBe(1);
  expect(server.stats().rejected).toEqual({});
});

test('a Hello sent while the hub was held up is read, not cut off by the hello timeout', async () => {
  const raw = await RawClient.open(t.sock);
  await new Promise((r) => setTimeout(r, 20));
  await holdLoop(400, () => {
    raw.hello();
  });
  await waitFor(() => raw.frames.some((f) => f.kind === 'welcome') || raw.isClosed, 'welcome or close');
  expect(raw.errorCode()).toBeUndefined();
  expect(server.stats().rejected).toEqual({});
});

test('a client that really sends nothing more is still cut off after a held-up turn', async () => {
  const raw = await RawClient.open(t.sock);
  raw.hello();
  const frame = encodeFrame({ kind: 'publish', envelopes: [{ topic: Topic.RESOURCE, payload: snapshot(1) }] });
  raw.write(frame.subarray(0, 5));
  await new Promise((r) => setTimeout(r, 20));
  await holdLoop(400, () => undefined);
  await raw.closed;
  expect(raw.errorCode()).toBe('ERR_FRAME_TIMEOUT');
});
