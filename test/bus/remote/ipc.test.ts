// A forked child may use its IPC channel instead of the socket: same
// handshake, publish and subscribe, beside the app's own IPC messages.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { RunBus } from '../../../src/bus/index.js';
import { connectBus, serveBus } from '../../../src/bus/remote/index.js';
import type { BusServer, ClientInfo } from '../../../src/bus/remote/index.js';
import { Topic } from '../../../src/wire/index.js';
import { quietLogger, tempDir, waitFor } from './helpers.js';

let t: ReturnType<typeof tempDir>;
let bus: RunBus;
let server: BusServer;

beforeEach(async () => {
  t = tempDir();
  bus = new RunBus({ logger: quietLogger() });
  server = await serveBus(bus, { socketPath: t.sock, logger: quietLogger() });
});
afterEach(async () => {
  await server.close();
  await bus.close();
  t.cleanup();
});

test('publish and subscribe over a fork() IPC channel', async () => {
  let got = 0;
  bus.subscribe(Topic.RESOURCE, (s) => {
    if (s.component === 'ipc-child') got++;
  });
  const child = fork(fileURLToPath(new URL('../../fixtures/remote/ipc-child.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const appMessages: { type: string; value?: number; stats?: { published: number; sent: number } }[] = [];
  child.on('message', (m) => {
    if (typeof m === 'object' && m !== null && 'type' in m) appMessages.push(m as never);
  });
  const hello = new Promise<ClientInfo>((resolve) => server.once('client', resolve));
  server.attachChild(child);
  expect(await hello).toMatchObject({ component: 'ipc-child', runId: 'run-ipc', pid: child.pid });
  await waitFor(() => got === 300, 'the child\'s 300 snapshots', 20_000);
  await waitFor(() => server.stats().clients[0]?.subscriptions.length === 1, 'the child\'s subscription');
  bus.publish(Topic.METRIC, { tsMs: Date.now(), runId: 'run-ipc', name: 'm', value: 42 });
  await waitFor(() => appMessages.some((m) => m.type === 'got'), 'the child to receive the metric');
  expect(appMessages.find((m) => m.type === 'got')!.value).toBe(42);
  child.send('stop');
  const code = await new Promise((resolve) => child.once('exit', resolve));
  expect(code).toBe(0);
  expect(appMessages.find((m) => m.type === 'closed')!.stats).toEqual({ published: 300, sent: 300 });
  await waitFor(() => server.connections === 0, 'the link to close');
});

test('ipc: true outside a forked process is a TypeError', () => {
  // Vitest's own fork pool gives workers an IPC channel; hide it.
  const p = process as { send?: unknown };
  const send = p.send;
  p.send = undefined;
  try {
    expect(() => connectBus({ ipc: true, component: 'x' })).toThrow(/child_process.fork/);
  } finally {
    p.send = send;
  }
});
