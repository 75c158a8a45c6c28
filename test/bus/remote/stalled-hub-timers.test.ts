// A process whose own event loop was held up (a long pause, descheduled on
// a loaded machine, an app's long synchronous stretch) must not blame its
// peer for it: when the hub's hello and frame timers or the client's
// handshake timer run late, what the peer sent meanwhile is read first, and
// only a peer that really sent nothing is cut off.
import net from 'node:net';
import { expect, test } from 'vitest';
import { connectBus } from '../../../src/bus/remote/index.js';
import { encodeFrame, Topic } from '../../../src/wire/index.js';
import { RawClient, hubPerTest, quietLogger, snapshot, waitFor } from './helpers.js';

const h = hubPerTest({ helloTimeoutMs: 150, frameTimeoutMs: 150 });

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
  h.bus.subscribe(Topic.RESOURCE, () => {
    got++;
  });
  const raw = await RawClient.open(h.t.sock);
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
  expect(h.server.stats().rejected).toEqual({});
});

test('a Hello sent while the hub was held up is read, not cut off by the hello timeout', async () => {
  const raw = await RawClient.open(h.t.sock);
  await new Promise((r) => setTimeout(r, 20));
  await holdLoop(400, () => {
    raw.hello();
  });
  await waitFor(() => raw.frames.some((f) => f.kind === 'welcome') || raw.isClosed, 'welcome or close');
  expect(raw.errorCode()).toBeUndefined();
  expect(h.server.stats().rejected).toEqual({});
});

test('a client that really sends nothing more is still cut off after a held-up turn', async () => {
  const raw = await RawClient.open(h.t.sock);
  raw.hello();
  const frame = encodeFrame({ kind: 'publish', envelopes: [{ topic: Topic.RESOURCE, payload: snapshot(1) }] });
  raw.write(frame.subarray(0, 5));
  await new Promise((r) => setTimeout(r, 20));
  await holdLoop(400, () => undefined);
  await raw.closed;
  expect(raw.errorCode()).toBe('ERR_FRAME_TIMEOUT');
});

test('a client held up while the Welcome waits in its socket connects on its first attempt', async () => {
  // The hub has just written Welcome; the client reads it only after a 400 ms hold.
  h.server.once('client', () => {
    void holdLoop(400, () => undefined);
  });
  const client = connectBus({ socket: h.t.sock, component: 'busy-app', handshakeTimeoutMs: 150, loopIntervalMs: 0, logger: quietLogger() });
  try {
    await waitFor(() => client.connected, 'connected');
    await new Promise((r) => setTimeout(r, 50));
    expect(client.stats()).toMatchObject({ state: 'connected', failedAttempts: 0, reconnects: 0 });
  } finally {
    await client.close();
  }
});

test('a client still gives up on a hub that never answers Hello: ERR_HANDSHAKE_TIMEOUT', async () => {
  // Reads (so it sees the client go) and never answers.
  const mute = net.createServer((s) => {
    s.on('error', () => undefined);
    s.resume();
  });
  const sock = `${h.t.sock}.mute`;
  await new Promise<void>((r) => mute.listen(sock, r));
  const codes: string[] = [];
  const client = connectBus({ socket: sock, component: 'c', handshakeTimeoutMs: 100, reconnectMinMs: 1000, loopIntervalMs: 0, logger: quietLogger() });
  client.on('error', (e) => codes.push(e.code));
  try {
    await waitFor(() => codes.length > 0, 'an error');
    expect(codes[0]).toBe('ERR_HANDSHAKE_TIMEOUT');
    expect(client.stats().failedAttempts).toBe(1);
  } finally {
    await client.close();
    await new Promise((r) => mute.close(r));
  }
});
