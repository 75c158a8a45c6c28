// Issue 15, item 1: a Hello's pid was trusted. A client that said pid 1
// made the hub sample every process on the host, under the client's name,
// and never stopped. Now the hub samples only a pid the kernel says made
// the connection (SO_PEERCRED, same user as the hub), refuses any other
// with ERR_PID_UNVERIFIED, and stops sampling when the client leaves
// (unless something else tracks the pid).
import { execFile, fork, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync } from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { connectBus, peerCredUnavailable } from '../../src/bus/remote/index.js';
import type { RemoteBusError } from '../../src/bus/remote/index.js';
import { createHub } from '../../src/hub/index.js';
import type { Hub } from '../../src/hub/index.js';
import { FrameReader, decodeFrame, Topic } from '../../src/wire/index.js';
import type { Frame } from '../../src/wire/index.js';
import { quietLogger, tempDir, waitFor } from '../bus/remote/helpers.js';

const kNoCred = peerCredUnavailable();
const kBuilt = existsSync(fileURLToPath(new URL('../../dist/bus/remote/index.js', import.meta.url)));
const kFixture = fileURLToPath(new URL('../fixtures/remote/hello-and-wait.mjs', import.meta.url));
if (kNoCred !== '') console.warn(`hello-pid tests skipped: ${kNoCred}`);

let t: ReturnType<typeof tempDir>;
let hub: Hub;
const kids: ChildProcess[] = [];

beforeEach(async () => {
  t = tempDir();
  hub = await createHub({ db: false, socket: t.sock, intervalMs: 60_000, self: false, host: false, gpu: false, handleSignals: false, logger: quietLogger() });
});
afterEach(async () => {
  for (const k of kids) k.kill('SIGKILL');
  kids.length = 0;
  await hub.close();
  t.cleanup();
});

// Hand-written bytes, not our codec: varint length, then
// Frame{ hello(1): Hello{ protocol_version(1)=1, component(2)="evil", pid(3)=<pid> } }.
function rawHello(pid: number): Buffer {
  const varint = (n: number): number[] => {
    const out: number[] = [];
    while (n > 0x7f) {
      out.push((n & 0x7f) | 0x80);
      n >>>= 7;
    }
    out.push(n);
    return out;
  };
  const hello = [0x08, 0x01, 0x12, 0x04, ...Buffer.from('evil'), 0x18, ...varint(pid)];
  const frame = [0x0a, hello.length, ...hello];
  return Buffer.from([frame.length, ...frame]);
}

async function attack(pid: number): Promise<Frame[]> {
  const s = net.connect(t.sock);
  const frames: Frame[] = [];
  const reader = new FrameReader();
  s.on('data', (c: Buffer) => {
    reader.push(c, (b) => frames.push(decodeFrame(b)));
  });
  s.on('error', () => {
    // Reset after the hub's ErrorFrame: expected.
  });
  await new Promise((r) => s.once('connect', r));
  s.write(rawHello(pid));
  await new Promise((r) => s.once('close', r));
  return frames;
}

async function sampledPids(): Promise<Set<number>> {
  const seen = new Set<number>();
  const sub = hub.bus.subscribe(Topic.RESOURCE, (p) => {
    seen.add(p.pid);
  });
  await hub.sampleNow();
  await new Promise((r) => setImmediate(r));
  sub.unsubscribe();
  return seen;
}

test.skipIf(kNoCred !== '' || !kBuilt)('a raw Hello claiming pid 1 is refused with ERR_PID_UNVERIFIED and nothing is sampled for it', async () => {
  const frames = await attack(1);
  expect(frames.map((f) => f.kind)).toEqual(['error']);
  expect(frames[0]).toMatchObject({ kind: 'error', error: { code: 'ERR_PID_UNVERIFIED' } });
  expect(hub.stats().server!.rejected.ERR_PID_UNVERIFIED).toBe(1);
  const pids = await sampledPids();
  expect(pids.has(1)).toBe(false);
  expect(pids.size).toBe(0);
});

test.skipIf(kNoCred !== '')('connectBus with a pid not its own fails with a typed error and does not retry', async () => {
  const c = connectBus({ socket: t.sock, component: 'liar', pid: 1, reconnectMinMs: 5, logger: quietLogger() });
  const err = await new Promise<RemoteBusError>((resolve) => c.once('error', resolve));
  expect(err.name).toBe('RemoteBusError');
  expect(err.code).toBe('ERR_PID_UNVERIFIED');
  await waitFor(() => c.state === 'failed', 'the failed state');
  await c.close();
});

test.skipIf(kNoCred !== '' || !kBuilt)('a client\'s own pid is sampled while it is connected, and no longer once it leaves (unless tracked)', async () => {
  const start = async (component: string): Promise<ChildProcess & { pid: number }> => {
    const k = fork(kFixture, [t.sock, component], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    kids.push(k);
    await new Promise((r) => k.once('message', r));
    return k as ChildProcess & { pid: number };
  };
  const closeConn = async (k: ChildProcess): Promise<void> => {
    const done = new Promise((r) => k.once('message', r));
    k.send('close');
    await done;
  };
  const a = await start('a');
  const b = await start('b');
  hub.track(b.pid, 'tracked-too');
  let pids = await sampledPids();
  expect(pids.has(a.pid)).toBe(true);
  expect(pids.has(b.pid)).toBe(true);
  await closeConn(a);
  await closeConn(b);
  await waitFor(() => hub.stats().server!.connections === 0, 'both connections gone');
  pids = await sampledPids();
  // a still runs, but its connection is gone: no longer sampled.
  expect(a.exitCode).toBe(null);
  expect(pids.has(a.pid)).toBe(false);
  // b is tracked by the app as well: still sampled.
  expect(pids.has(b.pid)).toBe(true);
});

const kRoot = process.getuid?.() === 0;
const kNobody = kRoot && spawnSync('id', ['-u', 'nobody']).status === 0;
if (!kNobody) console.warn('hello-pid: the other-user test needs root and the user "nobody" (Debian package: passwd/base-passwd); skipped');

test.skipIf(kNoCred !== '' || !kNobody)('another user reaching the socket is refused with ERR_PEER_UID', async () => {
  // As if the socket were left reachable (the directory is 0700 normally).
  chmodSync(t.dir, 0o755);
  chmodSync(t.sock, 0o666);
  const uid = Number(spawnSync('id', ['-u', 'nobody']).stdout.toString().trim());
  const script = `
    const s = require('net').connect(process.argv[1]);
    const out = [];
    s.on('data', (c) => out.push(c));
    s.on('connect', () => s.write(Buffer.from(process.argv[2], 'hex')));
    s.on('close', () => { process.stdout.write(Buffer.concat(out).toString('hex')); });
    s.on('error', () => {});`;
  // Asynchronously: the hub answers from this very event loop.
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script, t.sock, rawHello(0).toString('hex')], { uid, gid: uid, encoding: 'utf8', timeout: 10_000 });
  const frames: Frame[] = [];
  new FrameReader().push(Buffer.from(stdout, 'hex'), (b) => frames.push(decodeFrame(b)));
  expect(frames).toEqual([expect.objectContaining({ kind: 'error', error: expect.objectContaining({ code: 'ERR_PEER_UID' }) })]);
});
