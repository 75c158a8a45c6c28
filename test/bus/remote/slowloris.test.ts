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
  bus = new RunBus();
  server = await serveBus(bus, { socketPath: t.sock, helloTimeoutMs: 150, frameTimeoutMs: 150, logger: quietLogger() });
});
afterEach(async () => {
  await server.close();
  await bus.close();
  t.cleanup();
});

test('a client that begins a frame and never finishes it is cut off: ERR_FRAME_TIMEOUT', async () => {
  const raw = await RawClient.open(t.sock);
  raw.hello();
  const frame = encodeFrame({ kind: 'publish', envelopes: [{ topic: Topic.RESOURCE, payload: snapshot(1) }] });
  raw.write(frame.subarray(0, 5));
  await raw.closed;
  expect(raw.errorCode()).toBe('ERR_FRAME_TIMEOUT');
  expect(server.stats().rejected.ERR_FRAME_TIMEOUT).toBe(1);
});

test('trickling a frame byte by byte does not reset the frame timer', async () => {
  const raw = await RawClient.open(t.sock);
  raw.hello();
  const frame = encodeFrame({ kind: 'publish', envelopes: [{ topic: Topic.RESOURCE, payload: snapshot(1) }] });
  let i = 0;
  const timer = setInterval(() => {
    if (i < frame.length - 1) raw.write(frame.subarray(i, ++i));
  }, 20);
  await raw.closed;
  clearInterval(timer);
  expect(raw.errorCode()).toBe('ERR_FRAME_TIMEOUT');
});

test('a connection that never says Hello is cut off: ERR_HELLO_TIMEOUT', async () => {
  const raw = await RawClient.open(t.sock);
  await raw.closed;
  expect(raw.errorCode()).toBe('ERR_HELLO_TIMEOUT');
  expect(server.stats().rejected.ERR_HELLO_TIMEOUT).toBe(1);
  await waitFor(() => server.connections === 0, 'the connection to be gone');
});
