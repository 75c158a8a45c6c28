import { describe, expect, it } from 'vitest';
import { decodeBatch, decodeFrame, encodeBatch, encodeBatchTransferable, encodeFrame, splitFrames, Topic } from '../../src/wire/index.js';
import type { Frame } from '../../src/wire/index.js';
import { everyTopic, kTs, resource } from '../../support/samples.js';


describe('codec round trip', () => {
  it('decodes every topic back to what was encoded', () => {
    const batch = everyTopic();
    const back = decodeBatch(encodeBatch(batch));
    expect(back.map((e) => e.topic)).toEqual(batch.map((e) => e.topic));
    expect(back).toMatchObject(batch);
  });

  it('keeps an absent figure absent, not zero', () => {
    const snap = resource({ cpuPercent: undefined, rssBytes: undefined });
    const [e] = decodeBatch(encodeBatch([{ topic: Topic.RESOURCE, payload: snap }]));
    const p = e!.payload as unknown as Record<string, unknown>;
    expect(p.cpuPercent ?? null).toBeNull();
    expect(p.rssBytes ?? null).toBeNull();
    expect(Object.hasOwn(p, 'cpuPercent')).toBe(false);
  });

  it('keeps an explicit zero as zero', () => {
    const [e] = decodeBatch(encodeBatch([{ topic: Topic.RESOURCE, payload: resource({ cpuPercent: 0, openFds: 0 }) }]));
    expect(e!.payload).toMatchObject({ cpuPercent: 0, openFds: 0 });
  });

  it('returns 64-bit fields as plain numbers', () => {
    const [e] = decodeBatch(encodeBatch([{ topic: Topic.RESOURCE, payload: resource({ vmsBytes: 2 ** 52 + 1, rssBytes: 2 ** 33 }) }]));
    const p = e!.payload;
    expect(p).toMatchObject({ vmsBytes: 2 ** 52 + 1, rssBytes: 2 ** 33 });
    expect(typeof (p as { tsMs: unknown }).tsMs).toBe('number');
  });

  it('makes a transferable batch in an ArrayBuffer of its own', () => {
    const ab = encodeBatchTransferable(everyTopic());
    expect(ab).toBeInstanceOf(ArrayBuffer);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(ab, [ab]);
    expect(ab.byteLength).toBe(0); // detached: it was moved, not cloned
    port1.close();
    port2.close();
  });

  it('round-trips every frame kind with its length prefix', () => {
    const frames: Frame[] = [
      { kind: 'hello', hello: { protocolVersion: 1, component: 'gui', pid: 10, runId: 'r', token: 's3cret' } },
      { kind: 'publish', envelopes: everyTopic() },
      { kind: 'subscribe', subscribe: { topics: [Topic.RESOURCE, Topic.ALERT], runId: 'r', component: 'trainer' } },
      { kind: 'error', error: { code: 'ERR_UNAUTHORIZED', message: 'bad token' } },
      { kind: 'loop', loop: { tsMs: kTs, loopLagP50Ms: 20.5, loopLagP99Ms: 41, loopLagMaxMs: 150.25, loopUtilization: 0.5 } },
    ];
    const bytes = Buffer.concat(frames.map((f) => encodeFrame(f)));
    const back = splitFrames(bytes).map((b) => decodeFrame(b));
    expect(back).toMatchObject(frames);
  });
});
