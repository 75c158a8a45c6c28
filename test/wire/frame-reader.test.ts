import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, FrameReader, splitFrames, WireError } from '../../src/wire/index.js';
import { everyTopic } from '../../support/samples.js';

function stream(): { bytes: Buffer; count: number } {
  const frames = [
    encodeFrame({ kind: 'hello', hello: { protocolVersion: 1, component: 'a', pid: 1, runId: 'r', token: '' } }),
    encodeFrame({ kind: 'publish', envelopes: everyTopic() }),
    encodeFrame({ kind: 'publish', envelopes: [] }),
    encodeFrame({ kind: 'error', error: { code: 'X', message: 'y' } }),
  ];
  return { bytes: Buffer.concat(frames), count: frames.length };
}

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(WireError);
    return (err as WireError).code;
  }
  return undefined;
}

describe('FrameReader', () => {
  it('reads several frames from one chunk', () => {
    const { bytes, count } = stream();
    const bodies = splitFrames(bytes);
    expect(bodies).toHaveLength(count);
    expect(bodies.map((b) => decodeFrame(b).kind)).toEqual(['hello', 'publish', 'publish', 'error']);
  });

  it('reads the same frames when the stream is split at every byte boundary', () => {
    const { bytes, count } = stream();
    const whole = splitFrames(bytes).map((b) => Buffer.from(b).toString('hex'));
    for (let cut = 1; cut < bytes.length; ++cut) {
      const r = new FrameReader();
      const got: string[] = [];
      r.push(bytes.subarray(0, cut), (b) => got.push(Buffer.from(b).toString('hex')));
      r.push(bytes.subarray(cut), (b) => got.push(Buffer.from(b).toString('hex')));
      r.end();
      expect(got, `cut at ${cut}`).toEqual(whole);
    }
    expect(whole).toHaveLength(count);
  });

  it('reads the same frames fed one byte at a time', () => {
    const { bytes } = stream();
    const r = new FrameReader();
    const got: string[] = [];
    for (const b of bytes) r.push(Uint8Array.of(b), (x) => got.push(Buffer.from(x).toString('hex')));
    r.end();
    expect(got).toEqual(splitFrames(bytes).map((b) => Buffer.from(b).toString('hex')));
  });

  it('rejects a length over the limit as soon as the prefix is read, before any body arrives', () => {
    const r = new FrameReader({ maxFrameBytes: 100 });
    // varint 101, then nothing of the body.
    expect(codeOf(() => r.push(Uint8Array.of(101), () => undefined))).toBe('ERR_WIRE_OVERSIZED');
    expect(r.pendingBytes).toBe(0);
  });

  it('rejects a 2^32-1 length with the default 1 MiB limit without allocating it', () => {
    const r = new FrameReader();
    expect(codeOf(() => r.push(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x0f), () => undefined))).toBe('ERR_WIRE_OVERSIZED');
  });

  it('rejects a length varint longer than 5 bytes', () => {
    const r = new FrameReader();
    expect(codeOf(() => r.push(Uint8Array.of(0x80, 0x80, 0x80, 0x80, 0x80, 0x01), () => undefined))).toBe('ERR_WIRE_BAD_VARINT');
  });

  it('stays failed after an error', () => {
    const r = new FrameReader({ maxFrameBytes: 10 });
    expect(codeOf(() => r.push(Uint8Array.of(50), () => undefined))).toBe('ERR_WIRE_OVERSIZED');
    expect(codeOf(() => r.push(Uint8Array.of(1, 0), () => undefined))).toBe('ERR_WIRE_OVERSIZED');
  });

  it('reports a stream cut inside a body or a prefix as truncated', () => {
    const { bytes } = stream();
    const r = new FrameReader();
    r.push(bytes.subarray(0, bytes.length - 1), () => undefined);
    expect(codeOf(() => r.end())).toBe('ERR_WIRE_TRUNCATED');
    const r2 = new FrameReader();
    r2.push(Uint8Array.of(0x80), () => undefined);
    expect(codeOf(() => r2.end())).toBe('ERR_WIRE_TRUNCATED');
  });

  it('accepts a frame of exactly the limit', () => {
    const r = new FrameReader({ maxFrameBytes: 3 });
    const got: Uint8Array[] = [];
    r.push(Uint8Array.of(3, 1, 2, 3), (b) => got.push(b));
    expect(got).toHaveLength(1);
    expect(r.idle).toBe(true);
  });

  it('rejects a bad limit option with a RangeError naming it', () => {
    expect(() => new FrameReader({ maxFrameBytes: 0 })).toThrow(/options.maxFrameBytes/);
  });
});
