// Issue 15, item 8: a deleted socket file went unnoticed and the hub ran on
// unreachable. Now the hub looks on each sampler tick, logs once, raises a
// socket_missing alert on the ALERT topic, listens anew on the same path
// (resolving the alert), and keeps the connections it had.
import { existsSync, statSync, unlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { connectBus } from '../../src/bus/remote/index.js';
import { createHub } from '../../src/hub/index.js';
import type { Hub } from '../../src/hub/index.js';
import { AlertState, Topic } from '../../src/wire/index.js';
import type { Alert } from '../../src/wire/index.js';
import { RawClient, quietLogger, tempDir, waitFor } from '../bus/remote/helpers.js';

const kBuilt = existsSync(fileURLToPath(new URL('../../dist/samplers/index.js', import.meta.url)));

let t: ReturnType<typeof tempDir>;
let hub: Hub;
let log: ReturnType<typeof quietLogger>;

beforeEach(async () => {
  t = tempDir();
  log = quietLogger();
  hub = await createHub({ db: false, socket: t.sock, intervalMs: 100, self: false, host: false, gpu: false, handleSignals: false, logger: log });
});
afterEach(async () => {
  await hub.close();
  t.cleanup();
});

test.skipIf(!kBuilt)('the socket file is deleted: logged once, alert fired and resolved, socket recreated, old connection kept', async () => {
  const alerts: Alert[] = [];
  hub.bus.subscribe(Topic.ALERT, (a) => {
    alerts.push(a);
  });
  const old = await RawClient.open(t.sock);
  old.hello({ component: 'old' });
  await waitFor(() => old.frames.length > 0, 'welcome');
  const ino = statSync(t.sock).ino;

  unlinkSync(t.sock);
  await waitFor(() => alerts.some((a) => a.state === AlertState.RESOLVED), 'the alert to resolve', 15_000);
  expect(alerts.map((a) => [a.rule, a.state])).toEqual([
    ['socket_missing', AlertState.FIRING],
    ['socket_missing', AlertState.RESOLVED],
  ]);
  expect(statSync(t.sock).ino).not.toBe(ino);
  expect(statSync(t.sock).mode & 0o777).toBe(0o600);
  expect(log.warnings.filter((w) => w.includes('deleted or replaced'))).toHaveLength(1);
  expect(hub.stats().server!.socketRecreated).toBe(1);

  // New clients get in; the old one was never cut off.
  const c = connectBus({ socket: t.sock, component: 'new', logger: quietLogger() });
  await new Promise((resolve) => c.once('connect', resolve));
  await c.close();
  expect(old.isClosed).toBe(false);
  old.destroy();
});
