// An app process whose hub goes away neither crashes nor hangs; it comes
// back to a new hub by itself.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { RunBus } from '../../../src/bus/index.js';
import { serveBus } from '../../../src/bus/remote/index.js';
import type { BusServer } from '../../../src/bus/remote/index.js';
import { Topic } from '../../../src/wire/index.js';
import { quietLogger, tempDir, waitFor } from './helpers.js';

let t: ReturnType<typeof tempDir>;
let child: ChildProcess;
const messages: { type: string; message?: string }[] = [];
const cleanup: (() => Promise<void>)[] = [];

beforeEach(() => {
  t = tempDir();
  messages.length = 0;
  child = fork(fileURLToPath(new URL('../../fixtures/remote/child-client.ts', import.meta.url)), [t.sock], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  child.on('message', (m) => messages.push(m as { type: string }));
});
afterEach(async () => {
  if (child.exitCode === null) child.kill('SIGKILL');
  for (const c of cleanup.splice(0)) await c();
  t.cleanup();
});

async function hub(): Promise<{ bus: RunBus; server: BusServer; got: () => number }> {
  const bus = new RunBus({ logger: quietLogger() });
  const server = await serveBus(bus, { socketPath: t.sock, logger: quietLogger() });
  let n = 0;
  bus.subscribe(Topic.RESOURCE, () => {
    n++;
  });
  cleanup.push(async () => {
    await server.close();
    await bus.close();
  });
  return { bus, server, got: () => n };
}

const count = (type: string): number => messages.filter((m) => m.type === type).length;
const exited = (): Promise<number | null> =>
  new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

test('the hub goes away and comes back: the child survives and reconnects', async () => {
  const first = await hub();
  await waitFor(() => count('connect') === 1, 'first connect', 20_000);
  await waitFor(() => first.got() > 0, 'snapshots at the first hub');
  await first.server.close();
  await waitFor(() => count('disconnect') === 1, 'disconnect');
  const second = await hub();
  await waitFor(() => count('connect') === 2, 'reconnect');
  await waitFor(() => second.got() > 5, 'snapshots at the second hub');
  child.send('stop');
  expect(await exited()).toBe(0);
  expect(messages.filter((m) => m.type === 'unhandled' || m.type === 'uncaught')).toEqual([]);
});

test('with the hub gone for good the child still exits on its own', async () => {
  const first = await hub();
  await waitFor(() => count('connect') === 1, 'first connect', 20_000);
  await first.server.close();
  await waitFor(() => count('disconnect') === 1, 'disconnect');
  // Only the IPC channel goes; reconnect timers must not hold the process.
  child.send('stop-no-close');
  expect(await exited()).toBe(0);
  expect(messages.filter((m) => m.type === 'unhandled' || m.type === 'uncaught')).toEqual([]);
});
