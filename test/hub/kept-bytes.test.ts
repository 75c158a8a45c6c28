import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { RunBus } from '../../src/bus/index.js';
import { Batcher } from '../../src/hub/index.js';
import { createSampler } from '../../src/samplers/index.js';
import type { Sampler } from '../../src/samplers/index.js';
import { KeptSnapshot } from '../../src/wire/kept-snapshot.js';
import { decodeBatch, encodeBatchTransferable, Topic } from '../../src/wire/index.js';
import type { Envelope, ResourceSnapshot } from '../../src/wire/index.js';

// The sampler's RESOURCE payloads keep their bytes from the worker's batch,
// and the batcher copies them to the store. What it writes must be exactly
// what encoding the same envelopes afresh writes, the one whose loop figures
// #fillLoop filled in included.

let sampler: Sampler | null = null;
let child: ChildProcess | null = null;
afterEach(async () => {
  await sampler?.close();
  sampler = null;
  child?.kill('SIGKILL');
  child = null;
});

const hex = (b: ArrayBuffer) => Buffer.from(b).toString('hex');
const kLoop = { loopLagP50Ms: 1.25, loopLagP99Ms: 7.5, loopLagMaxMs: 9, loopUtilization: 0.375, heapUsedBytes: 123_456, activeResources: 4 };

describe('sampler → batcher: kept bytes', () => {
  it('writes the bytes of a fresh encode, filled loop figures included, and lets the kept bytes go once written', async () => {
    child = spawn('sleep', ['30'], { stdio: 'ignore' });
    const childPid = child.pid!;
    const bus = new RunBus({ logger: { warn: () => undefined } });
    const written: ArrayBuffer[] = [];
    const batcher = new Batcher({
      batchSize: 10_000, batchAgeMs: 60_000, capacity: 10_000, retryMs: 10,
      write: (ab) => { written.push(ab); return Promise.resolve(); },
      onWriteError: () => undefined,
      onRecovered: () => undefined,
    });
    // As the hub's store subscription, plus what each envelope was when it came.
    const seen: Envelope[] = [];
    const keptWhenSeen = new Map<number, number>();
    bus.subscribe([Topic.RESOURCE, Topic.HOST, Topic.LIFECYCLE], (payload, topic) => {
      const e = { topic, payload } as Envelope;
      seen.push(e);
      if (e.topic === Topic.RESOURCE) keptWhenSeen.set(e.payload.pid, KeptSnapshot.keptLength(e.payload));
      batcher.add(e);
    }, { name: 'test-store', capacity: 10_000 });
    sampler = createSampler({ bus, runId: 'r', gpu: false, roots: [{ pid: process.pid, component: 'self' }, { pid: childPid, component: 'sleeper' }] });
    sampler.noteLoop(process.pid, kLoop);
    await sampler.tickNow();
    sampler.noteLoop(process.pid, kLoop);
    await sampler.tickNow();
    await new Promise((r) => setImmediate(r));
    // Encoded afresh now, before the write lets the kept bytes go.
    const resources = seen.filter((e): e is Envelope & { topic: 1 } => e.topic === Topic.RESOURCE);
    const expected = encodeBatchTransferable(seen.map((e) => (e.topic === Topic.RESOURCE ? { topic: e.topic, payload: { ...e.payload } } : e)));
    expect(resources.some((e) => KeptSnapshot.keptLength(e.payload) >= 0)).toBe(true);
    expect(await batcher.drain(Date.now() + 5000)).toBe(0);

    expect(written).toHaveLength(1);
    expect(hex(written[0]!)).toBe(hex(expected));
    // The child's snapshots kept their bytes; ours, whose loop figures were filled in, did not.
    expect(keptWhenSeen.get(childPid)).toBeGreaterThan(0);
    expect(keptWhenSeen.get(process.pid)).toBe(-1);
    const ours = decodeBatch(new Uint8Array(written[0]!)).filter((e) => e.topic === Topic.RESOURCE && e.payload.pid === process.pid);
    expect(ours).toHaveLength(2);
    for (const e of ours) expect(e.payload as ResourceSnapshot).toMatchObject(kLoop);
    // Written: nothing holds the tick's buffer any more.
    expect(resources.every((e) => KeptSnapshot.keptLength(e.payload) === -1)).toBe(true);
  });
});
