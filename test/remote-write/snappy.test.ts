// The snappy block codec: round trip under fast-check, real matching on
// repetitive input, and a decoder that only ever throws its own typed error.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SnappyError, snappyCompress, snappyDecompress, snappyUncompressedLength } from '../../src/remote-write/snappy.js';

const repetitive = fc.array(fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 200 })), { maxLength: 30 })
  .map((parts) => Buffer.concat(parts.map(([b, n]) => Buffer.concat(Array.from({ length: n }, () => b)))));

describe('snappy block format', () => {
  it('round-trips random and repetitive input', () => {
    fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 5000 }), repetitive), (src) => {
      const c = snappyCompress(src);
      expect(snappyUncompressedLength(c)).toBe(src.length);
      expect(Buffer.from(snappyDecompress(c)).equals(Buffer.from(src))).toBe(true);
    }), { numRuns: 300 });
  });

  it('round-trips input over several 64 KiB fragments, with long literals', () => {
    const random = new Uint8Array(200_000);
    for (let i = 0; i < random.length; i++) random[i] = (Math.imul(i, 2654435761) >>> 13) & 0xff;
    const c = snappyCompress(random);
    expect(Buffer.from(snappyDecompress(c)).equals(Buffer.from(random))).toBe(true);
  });

  it('finds matches: repetitive text shrinks well below its size', () => {
    const text = Buffer.from('runbus_process_resident_memory_bytes{run_id="r1",component="trainer"} 123\n'.repeat(1000));
    const c = snappyCompress(text);
    expect(c.length).toBeLessThan(text.length / 10);
    expect(Buffer.from(snappyDecompress(c)).equals(text)).toBe(true);
  });

  it('decodes a hand-made block with an overlapping copy', () => {
    // length 10; literal "ab"; copy len 8 offset 2 (1-byte-offset form)
    const block = Uint8Array.from([10, 1 << 2, 0x61, 0x62, 1 | ((8 - 4) << 2), 2]);
    expect(Buffer.from(snappyDecompress(block)).toString()).toBe('ababababab');
  });

  it('on arbitrary or mutated bytes, throws only SnappyError and never hangs', () => {
    const check = (b: Uint8Array): void => {
      try {
        snappyDecompress(b, 1 << 20);
      } catch (err) {
        expect(err).toBeInstanceOf(SnappyError);
        expect((err as SnappyError).code).toBe('ERR_SNAPPY_CORRUPT');
      }
    };
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), check), { numRuns: 2000 });
    fc.assert(fc.property(repetitive, fc.nat(), fc.integer({ min: 0, max: 255 }), (src, at, byte) => {
      const c = Uint8Array.from(snappyCompress(src));
      if (c.length > 0) c[at % c.length] = byte;
      check(c);
      check(c.subarray(0, at % (c.length + 1)));
    }), { numRuns: 1000 });
  });

  it('refuses a declared length over the limit before allocating', () => {
    expect(() => snappyDecompress(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x0f]), 1000)).toThrow(SnappyError);
  });
});
