// A process that publishes and ends delivers what it published and exits by
// itself, with or without close().
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { RunBus } from '../../../src/bus/index.js';
import { serveBus } from '../../../src/bus/remote/index.js';
import type { BusServer } from '../../../src/bus/remote/index.js';
import { Topic } from '../../../src/wire/index.js';
import { quietLogger, tempDir, waitFor } from './helpers.js';

let t: ReturnType<typeof tempDir>;
let bus: RunBus;
let server: BusServer;
let got: number;

beforeEach(async () => {
  t = tempDir();
  bus = new RunBus({ logger: quietLogger() });
  server = await serveBus(bus, { socketPath: t.sock, logger: quietLogger() });
  got = 0;
  bus.subscribe(Topic.RESOURCE, () => {
    got++;
  });
});
afterEach(async () => {
  await server.close();
  await bus.close();
  t.cleanup();
});

const fixture = fileURLToPath(new URL('../../fixtures/remote/short-publisher.ts', import.meta.url));

function run(...args: string[]): Promise<number | null> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', fixture, t.sock, ...args], { timeout: 20_000 });
    child.on('exit', (code) => resolve(code));
  });
}

test.each(['close', 'no-close'])('publish 2000 then end (%s): exit 0, all delivered', async (how) => {
  expect(await run('2000', how)).toBe(0);
  await waitFor(() => got === 2000, 'all 2000 at the hub');
});
