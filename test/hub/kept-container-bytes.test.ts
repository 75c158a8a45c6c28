import { describe, expect, it } from 'vitest';
import { Batcher } from '../../src/hub/index.js';
import { decodeBatchKeepingBytes } from '../../src/wire/codec.js';
import { KeptContainer } from '../../src/wire/kept-snapshot.js';
import { encodeBatch, encodeBatchTransferable, Topic } from '../../src/wire/index.js';
import type { ContainerSnapshot, Envelope } from '../../src/wire/index.js';
import { kTs } from '../../support/samples.js';

// CONTAINER payloads decoded from the sampler's batch keep their bytes: the
// batcher copies them to the store, and once written lets them go, so that a
// payload kept elsewhere (the dashboard's latest per container) does not hold
// its whole tick's buffer.

const hex = (b: ArrayBuffer) => Buffer.from(b).toString('hex');

describe('batcher: CONTAINER payloads that keep their bytes', () => {
  it('writes the bytes of a fresh encode, then lets the kept bytes go', async () => {
    const snaps: ContainerSnapshot[] = Array.from({ length: 5 }, (_, i) => ({
      tsMs: kTs, runId: 'r', containerId: String(i).repeat(64), name: `c${i}`, image: 'busybox', pid: 100 + i,
      cpuPercent: i / 3, memBytes: 1e6 * i, memLimitBytes: 2 ** 33, pids: 1, cpuMs: 12.5 * i, source: 'cgroup',
    }));
    const envelopes = decodeBatchKeepingBytes(encodeBatch(snaps.map((payload): Envelope => ({ topic: Topic.CONTAINER, payload }))));
    for (const e of envelopes) expect(KeptContainer.keptLength(e.payload)).toBeGreaterThan(0);
    const written: ArrayBuffer[] = [];
    const batcher = new Batcher({
      batchSize: 100, batchAgeMs: 60_000, capacity: 100, retryMs: 10,
      write: (ab) => { written.push(ab); return Promise.resolve(); },
      onWriteError: () => undefined,
      onRecovered: () => undefined,
    });
    for (const e of envelopes) batcher.add(e);
    expect(await batcher.drain(Date.now() + 5000)).toBe(0);
    expect(written).toHaveLength(1);
    expect(hex(written[0]!)).toBe(hex(encodeBatchTransferable(snaps.map((payload): Envelope => ({ topic: Topic.CONTAINER, payload })))));
    for (const e of envelopes) expect(KeptContainer.keptLength(e.payload)).toBe(-1);
  });
});
