import { existsSync, statSync, writeFileSync } from 'node:fs';
import { fork } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { RunBus } from '../../../src/bus/index.js';
import { serveBus } from '../../../src/bus/remote/index.js';
import { quietLogger, tempDir, waitFor } from './helpers.js';

let t: ReturnType<typeof tempDir>;
let bus: RunBus;

beforeEach(() => {
  t = tempDir();
  bus = new RunBus();
});
afterEach(async () => {
  await bus.close();
  t.cleanup();
});

test('a stale socket file (its hub was killed) is replaced', async () => {
  const child = fork(fileURLToPath(new URL('../../fixtures/remote/listen-then-wait.mjs', import.meta.url)), [t.sock], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('message', resolve));
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  expect(existsSync(t.sock)).toBe(true);
  const server = await serveBus(bus, { socketPath: t.sock, logger: quietLogger() });
  expect(server.address).toBe(t.sock);
  expect(statSync(t.sock).isSocket()).toBe(true);
  // And it is ours: a connection reaches this hub.
  const probe = net.connect(t.sock);
  probe.on('error', () => undefined);
  await waitFor(() => server.stats().accepted === 1, 'the probe to be accepted');
  probe.destroy();
  await server.close();
  expect(existsSync(t.sock)).toBe(false);
});

test('a live socket is not replaced: ERR_SOCKET_IN_USE', async () => {
  const first = await serveBus(bus, { socketPath: t.sock, logger: quietLogger() });
  await expect(serveBus(bus, { socketPath: t.sock, logger: quietLogger() })).rejects.toMatchObject({ code: 'ERR_SOCKET_IN_USE' });
  // The first hub still owns its file and still serves.
  expect(existsSync(t.sock)).toBe(true);
  const probe = net.connect(t.sock);
  await new Promise<void>((resolve, reject) => {
    probe.once('connect', resolve);
    probe.once('error', reject);
  });
  probe.destroy();
  await first.close();
});

test('a path that is not a socket is never deleted: ERR_SOCKET_NOT_SOCKET', async () => {
  writeFileSync(t.sock, 'precious');
  await expect(serveBus(bus, { socketPath: t.sock, logger: quietLogger() })).rejects.toMatchObject({ code: 'ERR_SOCKET_NOT_SOCKET' });
  expect(existsSync(t.sock)).toBe(true);
});

test('a socket path over 107 bytes is refused with a code', async () => {
  const long = `${t.dir}/${'x'.repeat(120)}.sock`;
  await expect(serveBus(bus, { socketPath: long, logger: quietLogger() })).rejects.toMatchObject({ code: 'ERR_SOCKET_PATH_TOO_LONG' });
});

test('the socket file is owner-only and close() is idempotent', async () => {
  const server = await serveBus(bus, { socketPath: t.sock, logger: quietLogger() });
  expect(statSync(t.sock).mode & 0o777).toBe(0o600);
  await Promise.all([server.close(), server.close()]);
  await server.close();
  expect(existsSync(t.sock)).toBe(false);
});
