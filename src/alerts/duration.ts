// Durations in rule files: "500ms", "30s", "5m", "1h30m", or a number of
// milliseconds.

const kUnits: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const kPart = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/y;

/** Milliseconds in `v`, or undefined when it is not a duration. */
export function parseDuration(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (s === '') return undefined;
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  let total = 0;
  kPart.lastIndex = 0;
  while (kPart.lastIndex < s.length) {
    const at = kPart.lastIndex;
    const m = kPart.exec(s);
    if (m === null || m.index !== at) return undefined;
    total += Number(m[1]) * kUnits[m[2]!]!;
  }
  return total;
}

/** A Prometheus duration ("90s", "1m30s", "250ms") for `ms`. */
export function formatPromDuration(ms: number): string {
  let rest = Math.max(0, Math.round(ms));
  if (rest === 0) return '0s';
  const out: string[] = [];
  for (const [unit, size] of [['h', 3_600_000], ['m', 60_000], ['s', 1000], ['ms', 1]] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      out.push(`${n}${unit}`);
      rest -= n * size;
    }
  }
  return out.join('');
}
