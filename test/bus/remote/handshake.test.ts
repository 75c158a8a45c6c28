import { afterEach, beforeEach, expect, test } from 'vitest';
import { RunBus } from '../../../src/bus/index.js';
import { connectBus, serveBus } from '../../../src/bus/remote/index.js';
import type { BusServer, RemoteBus } from '../../../src/bus/remote/index.js';
import type { RunbusError } from '../../../src/errors.js';
import { Topic } from '../../../src/wire/index.js';
import { RawClient, quietLogger, snapshot, tempDir, waitFor } from './helpers.js';

let t: ReturnType<typeof tempDir>;
let bus: RunBus;
let server: BusServer;
const clients: RemoteBus[] = [];

beforeEach(async () => {
  t = tempDir();
  bus = new RunBus();
  server = await serveBus(bus, { socketPath: t.sock, token: 's3cret', logger: quietLogger() });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await server.close();
  await bus.close();
  t.cleanup();
});

test('the right token is accepted and answered with Welcome', async () => {
  const raw = await RawClient.open(t.sock);
  raw.hello({ token: 's3cret' });
  await waitFor(() => raw.frames.length > 0, 'welcome');
  expect(raw.frames[0]).toMatchObject({ kind: 'welcome', welcome: { protocolVersion: 1, pid: process.pid, component: 'hub' } });
  expect(server.clients()).toEqual([expect.objectContaining({ component: 'raw', pid: process.pid, pidVerified: true, runId: 'run-1' })]);
  raw.destroy();
});

test.each([
  ['a wrong token', { token: 'nope' }, 'ERR_UNAUTHORIZED'],
  ['a missing token', { token: '' }, 'ERR_UNAUTHORIZED'],
  ['a longer token with the right prefix', { token: 's3cret-and-more' }, 'ERR_UNAUTHORIZED'],
  ['another protocol version', { token: 's3cret', protocolVersion: 2 }, 'ERR_PROTOCOL_VERSION'],
])('%s gets an ErrorFrame with its code and the connection closes', async (_what, hello, code) => {
  const raw = await RawClient.open(t.sock);
  raw.hello(hello);
  await raw.closed;
  expect(raw.errorCode()).toBe(code);
  expect(server.stats().rejected[code]).toBe(1);
  expect(server.stats().handshakes).toBe(0);
});

test('connectBus reports ERR_UNAUTHORIZED once and stops retrying', async () => {
  const errors: RunbusError[] = [];
  const c = connectBus({ socket: t.sock, component: 'w', token: 'wrong', reconnectMinMs: 1, logger: quietLogger() });
  clients.push(c);
  c.on('error', (e) => errors.push(e));
  await waitFor(() => c.state === 'failed', 'the client to give up');
  expect(errors.map((e) => e.code)).toEqual(['ERR_UNAUTHORIZED']);
  // publish() still never throws; it only queues.
  expect(c.publish(Topic.RESOURCE, snapshot(1))).toBe(true);
  expect(server.stats().rejected.ERR_UNAUTHORIZED).toBe(1);
});

test('connectBus with the right token connects', async () => {
  const c = connectBus({ socket: t.sock, component: 'w', token: 's3cret', logger: quietLogger() });
  clients.push(c);
  const welcome = await new Promise((resolve) => c.once('connect', resolve));
  expect(welcome).toMatchObject({ protocolVersion: 1 });
  expect(c.connected).toBe(true);
});

test('publishAsync on a full block outbox resolves false once the client has failed (it used to wait forever)', async () => {
  const c = connectBus({ socket: t.sock, component: 'w', token: 'wrong', outboxCapacity: 2, outboxOverflow: 'block', reconnectMinMs: 1, logger: quietLogger() });
  clients.push(c);
  c.on('error', () => undefined);
  expect(c.publish(Topic.RESOURCE, snapshot(1))).toBe(true);
  expect(c.publish(Topic.RESOURCE, snapshot(2))).toBe(true);
  // Waits for room; before the handshake fails, room may still come.
  const waiting = c.publishAsync(Topic.RESOURCE, snapshot(3));
  await waitFor(() => c.state === 'failed', 'the client to give up');
  expect(await waiting).toBe(false);
  // After failing, it answers at once.
  expect(await c.publishAsync(Topic.RESOURCE, snapshot(4))).toBe(false);
});
