import { chmodSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { RunBus } from '../../../src/bus/index.js';
import { defaultSocketDir, defaultSocketPath, serveBus } from '../../../src/bus/remote/index.js';
import { quietLogger, tempDir } from './helpers.js';

let t: ReturnType<typeof tempDir>;
let bus: RunBus;
let savedXdg: string | undefined;

beforeEach(() => {
  t = tempDir();
  bus = new RunBus();
  savedXdg = process.env.XDG_RUNTIME_DIR;
  process.env.XDG_RUNTIME_DIR = t.dir;
});
afterEach(async () => {
  if (savedXdg === undefined) delete process.env.XDG_RUNTIME_DIR;
  else process.env.XDG_RUNTIME_DIR = savedXdg;
  await bus.close();
  t.cleanup();
});

test('the default socket lives in $XDG_RUNTIME_DIR/runbus, created 0700', async () => {
  expect(defaultSocketPath()).toBe(path.join(t.dir, 'runbus', 'hub.sock'));
  const server = await serveBus(bus, { logger: quietLogger() });
  expect(server.address).toBe(defaultSocketPath());
  const st = statSync(defaultSocketDir());
  expect(st.isDirectory()).toBe(true);
  expect(st.mode & 0o777).toBe(0o700);
  expect(statSync(server.address).mode & 0o777).toBe(0o600);
  await server.close();
});

test('without XDG_RUNTIME_DIR the default is <tmpdir>/runbus-<uid>', () => {
  expect(defaultSocketDir({})).toMatch(/runbus-\d+$/);
});

test('a default directory that others can enter is refused: ERR_SOCKET_DIR_INSECURE', async () => {
  const dir = defaultSocketDir();
  mkdirSync(dir, { mode: 0o700 });
  chmodSync(dir, 0o755);
  await expect(serveBus(bus, { logger: quietLogger() })).rejects.toMatchObject({ code: 'ERR_SOCKET_DIR_INSECURE' });
  // Left as it was: we do not silently change someone's permissions.
  expect(statSync(dir).mode & 0o777).toBe(0o755);
});

test('the default directory is checked strictly even when its path is passed explicitly', async () => {
  const dir = defaultSocketDir();
  mkdirSync(dir, { mode: 0o700 });
  chmodSync(dir, 0o750);
  await expect(serveBus(bus, { socketPath: defaultSocketPath(), logger: quietLogger() })).rejects.toMatchObject({ code: 'ERR_SOCKET_DIR_INSECURE' });
});

test('an explicit path in a world-writable, non-sticky directory is refused', async () => {
  const dir = path.join(t.dir, 'open');
  mkdirSync(dir);
  chmodSync(dir, 0o777);
  await expect(serveBus(bus, { socketPath: path.join(dir, 'h.sock'), logger: quietLogger() })).rejects.toMatchObject({ code: 'ERR_SOCKET_DIR_INSECURE' });
});

test('a missing parent of an explicit path is created 0700', async () => {
  const dir = path.join(t.dir, 'new', 'sub');
  const server = await serveBus(bus, { socketPath: path.join(dir, 'h.sock'), logger: quietLogger() });
  expect(statSync(dir).mode & 0o777).toBe(0o700);
  await server.close();
});
