import { alertStateName } from '../wire/index.js';
import type { Alert, ContainerSnapshot, Heartbeat, HostSnapshot, MetricSample, ResourceSnapshot } from '../wire/index.js';
import { fmtBytes, fmtPercent, fmtTime, inert, truncate } from './format.js';

// The model behind `runbus watch`: what the bus said, reduced to one row per
// component (sums over its processes at each tick) with a short history for
// the sparklines. Rendering is a pure function of the model, so it is tested
// without a terminal.

export const kSparkChars = '▁▂▃▄▅▆▇█';

/** Values as a sparkline, scaled from 0 (or `min`) to `max` (default: the largest value). */
export function sparkline(values: readonly number[], max?: number, min = 0): string {
  if (values.length === 0) return '';
  const hi = max ?? Math.max(...values);
  const span = hi - min;
  return values
    .map((v) => {
      if (!Number.isFinite(v)) return ' ';
      const f = span <= 0 ? 0 : (Math.min(Math.max(v, min), hi) - min) / span;
      return kSparkChars[Math.min(kSparkChars.length - 1, Math.round(f * (kSparkChars.length - 1)))]!;
    })
    .join('');
}

/**
 * A sparkline of a level such as rss: scaled between the window's lowest and
 * highest value, so a change shows; a line that barely moves (under 2 % of
 * its level) is drawn flat at mid height, neither empty nor maxed out.
 */
export function levelSparkline(values: readonly number[]): string {
  if (values.length === 0) return '';
  const finite = values.filter((v) => Number.isFinite(v));
  const hi = Math.max(...finite);
  const lo = Math.min(...finite);
  if (finite.length === 0 || hi - lo <= 0.02 * Math.abs(hi)) return values.map((v) => (Number.isFinite(v) ? kSparkChars[3]! : ' ')).join('');
  return sparkline(values, hi, lo);
}

/** A component with no process in the hub's last ticks is shown as gone, then dropped. */
const kGoneAfterTicks = 2;
const kDropGoneAfterMs = 30_000;
const kMaxMetrics = 12;

interface Row {
  component: string;
  tsMs: number;
  cpu: number;
  rss: number;
  pids: Set<number>;
  cpuHistory: number[];
  rssHistory: number[];
  lastSeenMs: number;
}

function fmtNumber(v: number): string {
  if (!Number.isFinite(v)) return '-';
  return Math.abs(v) >= 1e6 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : String(Number(v.toPrecision(6)));
}

export class WatchModel {
  readonly #rows = new Map<string, Row>();
  readonly #history: number;
  host: HostSnapshot | undefined;
  readonly alerts: Alert[] = [];
  heartbeat: Heartbeat | undefined;
  envelopes = 0;
  /** Newest tick seen on any component, and the tick length as seen (smallest step). */
  #latestTs = 0;
  #tickMs = 1000;
  readonly #metrics = new Map<string, { label: string; value: number; tsMs: number }>();
  // Containers: the latest snapshot of each, dropped when it exits.
  readonly containers = new Map<string, ContainerSnapshot>();

  constructor(history = 40) {
    this.#history = history;
  }

  onResource(s: ResourceSnapshot): void {
    this.envelopes++;
    let r = this.#rows.get(s.component);
    if (r === undefined) {
      r = { component: s.component, tsMs: s.tsMs, cpu: 0, rss: 0, pids: new Set(), cpuHistory: [], rssHistory: [], lastSeenMs: s.tsMs };
      this.#rows.set(s.component, r);
    }
    if (s.tsMs > r.tsMs) {
      this.#close(r);
      r.tsMs = s.tsMs;
      r.cpu = 0;
      r.rss = 0;
      r.pids = new Set();
    } else if (s.tsMs < r.tsMs) {
      return; // a late snapshot of a tick already closed
    }
    if (s.tsMs > this.#latestTs) {
      if (this.#latestTs > 0) this.#tickMs = Math.min(this.#tickMs, s.tsMs - this.#latestTs);
      this.#latestTs = s.tsMs;
    }
    r.pids.add(s.pid);
    r.cpu += s.cpuPercent ?? 0;
    r.rss += (s.rssBytes ?? 0);
    r.lastSeenMs = s.tsMs;
  }

  /** Moves a finished tick's sums into the history. */
  #close(r: Row): void {
    r.cpuHistory.push(r.cpu);
    r.rssHistory.push(r.rss);
    if (r.cpuHistory.length > this.#history) r.cpuHistory.shift();
    if (r.rssHistory.length > this.#history) r.rssHistory.shift();
  }

  onContainer(c: ContainerSnapshot): void {
    this.envelopes++;
    this.containers.set(c.containerId, c);
  }

  /** A container's exit or cleanup (LIFECYCLE kinds 6 and 7). */
  onContainerGone(containerId: string): void {
    this.containers.delete(containerId);
  }

  onHost(h: HostSnapshot): void {
    this.envelopes++;
    this.host = h;
  }

  readonly #alertKeys = new Set<string>();

  /** An alert, live or read back from the store; the same one twice (rule, component, fired at, state) is kept once. */
  onAlert(a: Alert): void {
    this.envelopes++;
    const key = `${a.rule}\0${a.component ?? ''}\0${a.firedAtMs ?? 0}\0${a.state}`;
    if (this.#alertKeys.has(key)) return;
    this.#alertKeys.add(key);
    this.alerts.push(a);
    if (this.alerts.length > 50) this.alerts.shift();
  }

  /** The latest value of each published METRIC (per component, name and labels). */
  onMetric(m: MetricSample): void {
    this.envelopes++;
    const labels = Object.entries(m.labels ?? {}).map(([k, v]) => `${k}=${v}`).sort().join(',');
    const label = `${m.component ?? ''} ${m.name}${labels === '' ? '' : `{${labels}}`}`;
    this.#metrics.set(label, { label, value: m.value ?? Number.NaN, tsMs: m.tsMs });
  }

  onHeartbeat(hb: Heartbeat): void {
    this.envelopes++;
    this.heartbeat = hb;
  }

  /** Lines of one frame, each at most `width` columns. */
  render(width: number, height: number, header: string): string[] {
    // Component and host names, rules and messages come from outside: made inert before cutting.
    const cut = (s: string): string => truncate(inert(s), width);
    const out: string[] = [cut(header)];
    const h = this.host;
    if (h !== undefined) {
      out.push(
        cut(
          `host ${h.host ?? ''}  cpu ${fmtPercent(h.cpuPercent)}  mem ${fmtPercent(h.memPercent)} (${fmtBytes(h.memAvailableBytes == null ? null : h.memAvailableBytes)} free)  load ${h.load1?.toFixed(2) ?? '-'}`,
        ),
      );
    } else {
      out.push('host -');
    }
    const hb = this.heartbeat;
    if (hb !== undefined) {
      out.push(cut(`hub  dropped ${hb.droppedTotal ?? 0}  rows ${hb.rowsWritten ?? 0}  connections ${hb.connections ?? 0}  ticks skipped ${hb.ticksSkipped ?? 0}`));
    }
    out.push('');
    const sparkW = Math.max(5, Math.min(this.#history, Math.floor((width - 50) / 2)));
    out.push(cut(`${'component'.padEnd(16)} ${'procs'.padStart(5)} ${'cpu'.padStart(6)} ${'cpu history'.padEnd(sparkW)} ${'rss'.padStart(9)} rss history`));
    for (const [k, r] of this.#rows) if (this.#latestTs - r.tsMs > kDropGoneAfterMs) this.#rows.delete(k);
    const rows = [...this.#rows.values()].sort((a, b) => a.component.localeCompare(b.component));
    for (const r of rows) {
      const gone = this.#latestTs - r.tsMs > kGoneAfterTicks * this.#tickMs;
      const cpuH = [...r.cpuHistory, r.cpu].slice(-sparkW);
      const rssH = [...r.rssHistory, r.rss].slice(-sparkW);
      const name = Array.from(inert(r.component)).slice(0, 16).join('').padEnd(16);
      out.push(
        cut(
          gone
            ? `${name} ${'gone'.padStart(5)} ${'-'.padStart(6)} ${sparkline(cpuH, Math.max(100, ...cpuH)).padEnd(sparkW)} ${'-'.padStart(9)} ${levelSparkline(rssH)}`
            : `${name} ${String(r.pids.size).padStart(5)} ${fmtPercent(r.cpu).padStart(6)} ${sparkline(cpuH, Math.max(100, ...cpuH)).padEnd(sparkW)} ${fmtBytes(r.rss).padStart(9)} ${levelSparkline(rssH)}`,
        ),
      );
    }
    if (rows.length === 0) out.push('(no processes sampled yet)');
    if (this.containers.size > 0) {
      out.push('', cut(`${'container'.padEnd(16)} ${'id'.padEnd(12)} ${'cpu'.padStart(6)} ${'mem'.padStart(9)} ${'limit'.padStart(9)} ${'pids'.padStart(5)}`));
      const list = [...this.containers.values()].sort((a, b) => a.name.localeCompare(b.name));
      for (const c of list) {
        // Names come from Docker: control characters are shown inert.
        let name = '';
        for (let i = 0; i < c.name.length; i++) {
          const u = c.name.charCodeAt(i);
          name += u < 0x20 || (u >= 0x7f && u < 0xa0) ? '?' : c.name.charAt(i);
        }
        out.push(cut(`${name.slice(0, 16).padEnd(16)} ${c.containerId.slice(0, 12)} ${fmtPercent(c.cpuPercent).padStart(6)} ${fmtBytes(c.memBytes ?? null).padStart(9)} ${fmtBytes(c.memLimitBytes ?? null).padStart(9)} ${String(c.pids ?? '-').padStart(5)}${c.stale === true ? ' (stale)' : ''}`));
      }
    }
    if (this.#metrics.size > 0) {
      out.push('', 'metrics (latest):');
      const ms = [...this.#metrics.values()].sort((a, b) => a.label.localeCompare(b.label));
      for (const m of ms.slice(0, kMaxMetrics)) out.push(cut(`  ${m.label.padEnd(36)} ${fmtNumber(m.value)}`));
      if (ms.length > kMaxMetrics) out.push(`  … ${ms.length - kMaxMetrics} more`);
    }
    const room = Math.max(1, height - out.length - 2);
    out.push('', 'recent alerts:');
    const recent = this.alerts.slice(-room);
    if (recent.length === 0) out.push('  none');
    for (const a of recent) {
      const state = alertStateName(a.state);
      out.push(cut(`  ${fmtTime(a.tsMs).slice(11, 19)} ${a.rule} ${state} ${a.message ?? ''}`));
    }
    return out;
  }
}
