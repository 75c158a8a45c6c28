// How the page writes numbers and times: binary units for bytes, times in
// ISO order and 24-hour form (local time), the same whatever the browser's
// locale.

/** What a chart's values measure. */
export type Unit = 'pct' | 'bytes' | 'ms' | 'msPerS' | 'count';

type Maybe = number | null | undefined;

const kByteUnits = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

export function fmtBytes(v: Maybe): string {
  if (v === null || v === undefined) return '–';
  let x = v;
  let i = 0;
  while (Math.abs(x) >= 1024 && i < kByteUnits.length - 1) {
    x /= 1024;
    i++;
  }
  return `${i === 0 ? x.toFixed(0) : x.toFixed(1)} ${kByteUnits[i]!}`;
}

export function fmtNum(v: Maybe, digits = 1): string {
  return v === null || v === undefined ? '–' : v.toFixed(digits);
}

export function fmtUnit(unit: Unit, v: Maybe): string {
  if (v === null || v === undefined) return '–';
  switch (unit) {
    case 'bytes': return fmtBytes(v);
    case 'pct': return `${fmtNum(v)} %`;
    case 'ms': return `${fmtNum(v, 2)} ms`;
    case 'msPerS': return `${fmtNum(v, 2)} ms/s`;
    case 'count': return fmtNum(v, 0);
  }
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** 2026-12-06 */
export function fmtDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** 07:21:05 (local, 24-hour). */
export function fmtTime(ms: Maybe): string {
  if (ms === null || ms === undefined) return '–';
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** 2026-12-06 07:21:05 (local, 24-hour). */
export function fmtDateTime(ms: Maybe): string {
  if (ms === null || ms === undefined) return '?';
  return `${fmtDate(ms)} ${fmtTime(ms)}`;
}

/** A time-axis label: seconds for spans under 10 minutes, the date past a day. */
export function fmtAxisTime(ms: number, spanMs: number): string {
  const t = fmtTime(ms);
  if (spanMs < 10 * 60_000) return t;
  if (spanMs < 24 * 3600_000) return t.slice(0, 5);
  return `${fmtDate(ms).slice(5)} ${t.slice(0, 5)}`;
}

export function fmtDuration(ms: Maybe): string {
  if (ms === null || ms === undefined) return '–';
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}
