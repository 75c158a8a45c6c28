// Every class of bad input closes that one connection with a coded
// ErrorFrame, is counted and logged, and leaves the hub serving others.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { RunBus } from '../../../src/bus/index.js';
import { connectBus, serveBus } from '../../../src/bus/remote/index.js';
import type { BusServer } from '../../../src/bus/remote/index.js';
import { LifecycleKind, encodeFrame, proto, Topic } from '../../../src/wire/index.js';
import type { Envelope } from '../../../src/wire/index.js';
import type { ResourceSnapshot } from '../../../src/wire/index.js';
import { RawClient, quietLogger, snapshot, tempDir, waitFor } from './helpers.js';

let t: ReturnType<typeof tempDir>;
let bus: RunBus;
let server: BusServer;
let log: ReturnType<typeof quietLogger>;

beforeEach(async () => {
  t = tempDir();
  bus = new RunBus();
  log = quietLogger();
  server = await serveBus(bus, { socketPath: t.sock, maxFrameBytes: 4096, logger: log });
});
afterEach(async () => {
  await server.close();
  await bus.close();
  t.cleanup();
});

const hello = (): Uint8Array => encodeFrame({ kind: 'hello', hello: { protocolVersion: 1, component: 'raw', pid: 0, runId: 'r', token: '' } });
const concat = (...parts: Uint8Array[]): Uint8Array => Buffer.concat(parts);
// Frame field 9: a kind this protocol does not know.
const unknownKind = (): Uint8Array => new Uint8Array([3, (9 << 3) | 2, 1, 0]);
const badEnvelope = (): Uint8Array =>
  proto.v1.Frame.encodeDelimited({ publish: { envelopes: [{ topic: 1, resource: { tsMs: 5, runId: 'r', component: 'c', pid: 1 } }] } }).finish();

const cases: [string, () => Uint8Array, string][] = [
  ['first frame not hello', () => encodeFrame({ kind: 'publish', envelopes: [{ topic: Topic.RESOURCE, payload: snapshot(1) }] }), 'ERR_HELLO_REQUIRED'],
  ['undecodable frame body', () => new Uint8Array([4, 0xff, 0xff, 0xff, 0xff]), 'ERR_WIRE_UNDECODABLE'],
  ['oversized frame', () => new Uint8Array([0x80, 0x80, 0x01]), 'ERR_WIRE_OVERSIZED'],
  ['bad length varint', () => new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0x01]), 'ERR_WIRE_BAD_VARINT'],
  ['unknown frame kind first', unknownKind, 'ERR_WIRE_INVALID'],
  ['unknown frame kind after hello', () => concat(hello(), unknownKind()), 'ERR_WIRE_INVALID'],
  ['a second hello', () => concat(hello(), hello()), 'ERR_UNEXPECTED_FRAME'],
  ['an envelope that fails validation', () => concat(hello(), badEnvelope()), 'ERR_WIRE_INVALID'],
  ['hello then garbage', () => concat(hello(), new Uint8Array([2, 0x0a, 0xff])), 'ERR_WIRE_UNDECODABLE'],
];

test.each(cases)('%s: ErrorFrame, closed, counted, logged; others unaffected', async (_what, bytes, code) => {
  // A well-behaved client, connected before and used after.
  const good = connectBus({ socket: t.sock, component: 'good', logger: quietLogger() });
  const got: ResourceSnapshot[] = [];
  good.subscribe(Topic.RESOURCE, (s) => {
    got.push(s);
  });
  await new Promise((r) => good.once('connect', r));

  const raw = await RawClient.open(t.sock);
  raw.write(bytes());
  await raw.closed;
  expect(raw.errorCode()).toBe(code);
  expect(server.stats().rejected[code]).toBe(1);
  expect(log.warnings.filter((w) => w.includes(code))).toHaveLength(1);

  // The hub still serves: the good client publishes and receives.
  await waitFor(() => (server.stats().clients.find((c) => c.component === 'good')?.subscriptions.length ?? 0) === 1, 'good subscribed');
  good.publish(Topic.RESOURCE, snapshot(7, { component: 'good' }));
  await waitFor(() => got.length === 1, 'the good client to get its snapshot back');
  expect(good.connected).toBe(true);
  expect(good.stats().reconnects).toBe(0);
  await good.close();
});

test('a peer cannot rename a process: the frame is refused whole and nothing of it reaches the bus', async () => {
  const seen: unknown[] = [];
  bus.subscribe(Topic.RESOURCE, (p) => seen.push(p));
  bus.subscribe(Topic.LIFECYCLE, (p) => seen.push(p));
  const rename = { topic: Topic.LIFECYCLE, payload: { tsMs: Date.now(), runId: 'r', kind: LifecycleKind.PROCESS_RENAMED, pid: 4242, component: 'evil', previousComponent: 'app/node' } } as unknown as Envelope;
  const raw = await RawClient.open(t.sock);
  raw.write(concat(hello(), encodeFrame({ kind: 'publish', envelopes: [{ topic: Topic.RESOURCE, payload: snapshot(1) }, rename] })));
  await raw.closed;
  expect(raw.errorCode()).toBe('ERR_WIRE_INVALID');
  expect(log.warnings.find((w) => w.includes('ERR_WIRE_INVALID'))).toMatch(/envelope 1: lifecycle kind 9 \(process renamed\) comes only from the hub's sampler/);
  await new Promise((r) => setTimeout(r, 50));
  expect(seen).toEqual([]);
});

test('a flood of one bad class is logged once per interval, every one counted', async () => {
  const raws = await Promise.all(Array.from({ length: 20 }, () => RawClient.open(t.sock)));
  for (const r of raws) r.write(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0x01]));
  await Promise.all(raws.map((r) => r.closed));
  expect(server.stats().rejected.ERR_WIRE_BAD_VARINT).toBe(20);
  expect(log.warnings.filter((w) => w.includes('ERR_WIRE_BAD_VARINT'))).toHaveLength(1);
  await waitFor(() => server.connections === 0, 'every bad connection to be gone');
});
