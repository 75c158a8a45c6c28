// Min/max bucketing: a long series becomes at most `maxPoints` points that
// keep its peaks and troughs (a line chart of the result has the same
// envelope as one of the input).
//
//   time ─┬──────bucket 0──────┬──────bucket 1──────┬── …
//         │  ·  ▲max    ·      │ ▼min  ·    ·  ▲max │
//         └─ emits (t_max, max)┴ emits (t_min, min), (t_max, max)
//
// Each bucket emits its minimum and its maximum in time order (one point
// when they coincide); a bucket with only nulls emits one null (a gap).

import type { Series } from './browser/api.js';

export type { Series } from './browser/api.js';

/**
 * Downsamples `s` (timestamps ascending) to at most `maxPoints` points by
 * min/max bucketing over equal time buckets. A series that already fits is
 * returned as is (copied).
 */
export function downsampleMinMax(s: Series, maxPoints: number): Series {
  const n = s.t.length;
  if (maxPoints < 2) throw new RangeError(`maxPoints must be at least 2 (got ${maxPoints})`);
  if (n <= maxPoints) return { t: s.t.slice(), v: s.v.slice() };
  const buckets = Math.floor(maxPoints / 2);
  const t0 = s.t[0]!;
  const span = s.t[n - 1]! - t0;
  const width = span / buckets;
  const out: Series = { t: [], v: [] };
  let i = 0;
  for (let b = 0; b < buckets && i < n; ++b) {
    // The last bucket takes everything left (it is closed on the right).
    const end = b === buckets - 1 ? Infinity : t0 + width * (b + 1);
    let minI = -1;
    let maxI = -1;
    const first = i;
    for (; i < n && s.t[i]! < end; ++i) {
      const v = s.v[i];
      if (v === null || v === undefined) continue;
      if (minI < 0 || v < s.v[minI]!) minI = i;
      if (maxI < 0 || v > s.v[maxI]!) maxI = i;
    }
    if (i === first) continue;
    if (minI < 0) {
      out.t.push(s.t[first]!);
      out.v.push(null);
    } else if (minI === maxI) {
      out.t.push(s.t[minI]!);
      out.v.push(s.v[minI]!);
    } else {
      const [a, c] = minI < maxI ? [minI, maxI] : [maxI, minI];
      out.t.push(s.t[a]!, s.t[c]!);
      out.v.push(s.v[a]!, s.v[c]!);
    }
  }
  return out;
}
