// RFC 4180 CSV: a field with a comma, quote, CR or LF is quoted and its
// quotes doubled; null is an empty field; lines end with CRLF.

function field(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Rows to CSV with a header line; `columns` fixes the header for an empty table. */
export function toCsv(columns: readonly string[], rows: readonly object[]): string {
  const out = [columns.map(field).join(',')];
  for (const r of rows) {
    const rec = r as Record<string, unknown>;
    out.push(columns.map((c) => field(rec[c])).join(','));
  }
  return out.join('\r\n') + '\r\n';
}
