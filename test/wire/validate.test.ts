import { describe, expect, it } from 'vitest';
import { decodeBatch, decodeFrame, encodeBatch, proto, Topic, WireError } from '../../src/wire/index.js';
import type { Envelope } from '../../src/wire/index.js';
import { kTs, resource } from '../../support/samples.js';

// Untyped encoders: these tests build messages the typings forbid.
type Untyped = { encode(m: object): { finish(): Uint8Array } };
const RawPublish = proto.v1.Publish as unknown as Untyped;
const RawFrame = proto.v1.Frame as unknown as Untyped;

function rawBatch(envelopes: object[]): Uint8Array {
  return RawPublish.encode({ envelopes }).finish();
}

function invalid(bytes: Uint8Array): WireError {
  try {
    decodeBatch(bytes);
  } catch (err) {
    expect(err).toBeInstanceOf(WireError);
    expect((err as WireError).code).toBe('ERR_WIRE_INVALID');
    return err as WireError;
  }
  throw new Error('expected a WireError');
}

describe('validation after decoding', () => {
  it('rejects a RESOURCE envelope that carries no resource payload', () => {
    expect(invalid(rawBatch([{ topic: Topic.RESOURCE, host: { tsMs: kTs } }])).message).toMatch(/envelope 0: topic RESOURCE must carry a resource payload \(got host\)/);
    expect(invalid(rawBatch([{ topic: Topic.RESOURCE }])).message).toMatch(/got none/);
  });

  it('rejects an unknown topic', () => {
    expect(invalid(rawBatch([{ topic: 42, resource: resource() }])).message).toMatch(/topic 42 is not a known topic/);
  });

  it('rejects pid 0', () => {
    expect(invalid(encodeBatch([{ topic: Topic.RESOURCE, payload: resource({ pid: 0 }) }])).message).toMatch(/pid must be > 0/);
  });

  it('rejects implausible timestamps: seconds instead of ms, far future, missing', () => {
    for (const tsMs of [1_763_900_000, Date.now() + 7 * 86_400_000, 0]) {
      expect(invalid(encodeBatch([{ topic: Topic.RESOURCE, payload: resource({ tsMs }) }])).message).toMatch(/tsMs .* is not a plausible epoch time/);
    }
  });

  it('rejects NaN and negative figures, naming the field', () => {
    expect(invalid(encodeBatch([{ topic: Topic.RESOURCE, payload: resource({ cpuPercent: NaN }) }])).message).toMatch(/cpuPercent NaN/);
    expect(invalid(encodeBatch([{ topic: Topic.RESOURCE, payload: resource({ loopLagP99Ms: -1 }) }])).message).toMatch(/loopLagP99Ms -1/);
  });

  it('rejects a metric without a name or with a non-finite value', () => {
    const metric = (name: string, value: number): Envelope => ({ topic: Topic.METRIC, payload: { tsMs: kTs, runId: 'r', name, value } });
    expect(invalid(encodeBatch([metric('', 1)])).message).toMatch(/name is empty/);
    expect(invalid(encodeBatch([metric('x', Infinity)])).message).toMatch(/value Infinity/);
  });

  it('names the offending envelope by index', () => {
    expect(invalid(encodeBatch([{ topic: Topic.RESOURCE, payload: resource() }, { topic: Topic.RESOURCE, payload: resource({ pid: 0 }) }])).message).toMatch(/^envelope 1/);
  });

  it('rejects an over-long component name', () => {
    expect(invalid(encodeBatch([{ topic: Topic.RESOURCE, payload: resource({ component: 'x'.repeat(600) }) }])).message).toMatch(/component is longer than 512/);
  });

  it('rejects a frame with no kind and a subscribe to an unknown topic', () => {
    expect(() => decodeFrame(new Uint8Array(0))).toThrow(/no known kind/);
    const sub = RawFrame.encode({ subscribe: { topics: [99] } }).finish();
    expect(() => decodeFrame(sub)).toThrow(/topic 99 is not a known topic/);
  });

  it('reports bytes that are not protobuf as undecodable', () => {
    try {
      decodeBatch(Uint8Array.of(0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f));
      expect.unreachable();
    } catch (err) {
      expect((err as WireError).code).toBe('ERR_WIRE_UNDECODABLE');
      expect((err as WireError).cause).toBeDefined();
    }
  });
});
