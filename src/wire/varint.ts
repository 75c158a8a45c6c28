// Unsigned protobuf varints of numbers up to 2^53, for the hand encoders.

/** Bytes the varint of `v` (0 ≤ v < 2^53, whole) takes. */
export function varintLen(v: number): number {
  let n = 1;
  while (v >= 0x80) {
    v = Math.floor(v / 128);
    n++;
  }
  return n;
}

/** Writes the varint of `v` (0 ≤ v < 2^53, whole) at `pos`; the position after it. */
export function writeVarint(out: Uint8Array, pos: number, v: number): number {
  while (v >= 0x80) {
    out[pos++] = (v % 128) | 0x80;
    v = Math.floor(v / 128);
  }
  out[pos++] = v;
  return pos;
}
