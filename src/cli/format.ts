// Plain-text formatting of figures and tables for the terminal, and the one
// function that makes text from outside inert before it reaches one.

/**
 * What a terminal may act on rather than show: C0 controls (ESC starts every
 * escape sequence; BEL, BS, CR, LF and TAB move or rewrite what is shown),
 * DEL, C1 controls (U+0080–U+009F; U+009B is a one-character CSI), and the
 * Unicode bidirectional controls that reorder what is shown (LRM/RLM/ALM,
 * the embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069)
 * plus the line and paragraph separators.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const kUnsafe = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function visible(c: string): string {
  const n = c.charCodeAt(0);
  return n < 0x100 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
}

/**
 * Text that came from outside — a component name from any client, a
 * process name (`comm`, which any process sets with prctl), a run id, a
 * command line, an alert message — made safe to print to a terminal: every
 * control character and bidi control is shown as a visible escape (`\x1b`,
 * `\u202e`); everything else is unchanged. Idempotent (its output holds no
 * such character). For display only: CSV and JSON exports keep the exact
 * text.
 */
export function inert(s: string): string {
  kUnsafe.lastIndex = 0;
  return kUnsafe.test(s) ? s.replace(kUnsafe, visible) : s;
}

const kUnsafeInJson = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON.stringify, with the characters it leaves raw that a terminal acts on
 * (DEL, C1, bidi controls) written as `\uXXXX` escapes too: the same JSON
 * value, byte for byte once parsed, and inert when printed.
 */
export function inertJson(value: unknown): string {
  return inertJsonText(JSON.stringify(value));
}

/** {@link inertJson} for JSON already serialised (those characters can only be inside its strings). */
export function inertJsonText(json: string): string {
  return json.replace(kUnsafeInJson, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const kUnits = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/** 1536 → "1.5 KiB"; null/undefined → "-". */
export function fmtBytes(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '-';
  let v = n;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < kUnits.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${Math.round(v)} B` : `${v.toFixed(v >= 100 ? 0 : 1)} ${kUnits[i]}`;
}

/** 61_500 → "1m01.5s", 900 → "0.90s". */
export function fmtDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '-';
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)}s`;
  const totalS = ms / 1000;
  const h = Math.floor(totalS / 3600);
  const m = Math.floor((totalS % 3600) / 60);
  const s = totalS % 60;
  const ss = s.toFixed(1).padStart(4, '0');
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}m${ss}s` : `${m}m${ss}s`;
}

/** 12.345 → "12.3%"; null → "-". */
export function fmtPercent(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '-';
  return `${p.toFixed(p >= 100 ? 0 : 1)}%`;
}

/** A timestamp as "2026-11-23 17:45:01Z". */
export function fmtTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '-';
  return `${new Date(ms).toISOString().replace('T', ' ').slice(0, 19)}Z`;
}

/** Columns aligned with two spaces; numbers (right) when `right[i]`. Every cell is made {@link inert}. */
export function table(header: readonly string[], rawRows: readonly (readonly string[])[], right: readonly boolean[] = []): string[] {
  const rows = rawRows.map((r) => r.map(inert));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => (right[i] === true ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

/** Quotes an argv for display, the way a POSIX shell would need it. */
export function shellQuote(argv: readonly string[]): string {
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", `'\\''`)}'`)).join(' ');
}

/** At most `cols` code points, with "…" when cut. */
export function truncate(s: string, cols: number): string {
  const cps = Array.from(s);
  return cps.length <= cols ? s : `${cps.slice(0, Math.max(0, cols - 1)).join('')}…`;
}
