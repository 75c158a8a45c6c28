// A stored run's containers: the table from the `containers` view (with the
// latest stored figures of each) and the chart series — per container cpu %
// and memory, and how many containers each sampler tick saw — from raw
// `container_snapshots`, or from `container_rollups_1m` (per-minute
// averages; active = containers with samples in the minute) for long ranges
// and once retention removed the raw rows, as for processes. Every series is
// downsampled like the others.

import type { ContainerSnapshotRow, StoreReader } from '../store/index.js';
import type { ContainerSeries, ContainerView, Series } from './browser/api.js';
import { downsampleMinMax } from './downsample.js';
import { kTickWindowMs } from './points.js';

/** Container rows read for one history answer at most; past it, rollups are used. */
const kMaxContainerRows = 200_000;

export interface ContainerHistory {
  containers: ContainerView[];
  containerSeries: ContainerSeries;
}

export interface ContainerHistoryQuery {
  runId: string;
  fromMs: number;
  toMs: number;
  maxPoints: number;
  rawRangeMs: number;
  /** The run has ended: a container with no recorded exit is in an unknown state, not running. */
  runEnded: boolean;
}

/** What a container's latest stored figures say. */
type Last = Pick<ContainerView, 'tsMs' | 'cpu' | 'mem' | 'memLimit' | 'pids' | 'stale'>;

class Collected {
  readonly byId = new Map<string, { cpu: Series; mem: Series }>();
  readonly last = new Map<string, Last>();
  readonly active: Series = { t: [], v: [] };

  add(id: string, t: number, cpu: number | null, mem: number | null, last: Last): void {
    let s = this.byId.get(id);
    if (s === undefined) this.byId.set(id, (s = { cpu: { t: [], v: [] }, mem: { t: [], v: [] } }));
    s.cpu.t.push(t);
    s.cpu.v.push(cpu);
    s.mem.t.push(t);
    s.mem.v.push(mem);
    this.last.set(id, last);
  }

  count(t: number, n: number): void {
    this.active.t.push(t);
    this.active.v.push(n);
  }
}

function fromRaw(rows: readonly ContainerSnapshotRow[]): Collected {
  const c = new Collected();
  let tick: { t: number; ids: Set<string> } | null = null;
  for (const r of rows) {
    c.add(r.container_id, r.ts_ms, r.cpu_percent, r.mem_bytes, {
      tsMs: r.ts_ms, cpu: r.cpu_percent, mem: r.mem_bytes, memLimit: r.mem_limit_bytes, pids: r.pids, stale: (r.stale ?? 0) !== 0,
    });
    // The same grouping as live: one sampler tick reads every container at about the same time.
    if (tick !== null && (tick.ids.has(r.container_id) || r.ts_ms - tick.t > kTickWindowMs)) {
      c.count(tick.t, tick.ids.size);
      tick = null;
    }
    tick ??= { t: r.ts_ms, ids: new Set() };
    tick.ids.add(r.container_id);
  }
  if (tick !== null) c.count(tick.t, tick.ids.size);
  return c;
}

function fromRollups(reader: StoreReader, q: ContainerHistoryQuery): Collected {
  const c = new Collected();
  let minute: { t: number; n: number } | null = null;
  for (const r of reader.containerRollups({ runId: q.runId, fromMs: Math.floor(q.fromMs / 60_000) * 60_000, toMs: q.toMs })) {
    c.add(r.container_id, r.minute_ms, r.cpu_avg, r.mem_avg, { tsMs: r.minute_ms, cpu: r.cpu_avg, mem: r.mem_avg, memLimit: null, pids: null, stale: false });
    if (minute !== null && minute.t !== r.minute_ms) {
      c.count(minute.t, minute.n);
      minute = null;
    }
    minute ??= { t: r.minute_ms, n: 0 };
    minute.n++;
  }
  if (minute !== null) c.count(minute.t, minute.n);
  return c;
}

export function readContainerHistory(reader: StoreReader, q: ContainerHistoryQuery): ContainerHistory {
  const summary = reader.containers(q.runId);
  if (summary.length === 0) return { containers: [], containerSeries: { active: { t: [], v: [] }, byId: [] } };
  const rows = q.toMs - q.fromMs <= q.rawRangeMs ? reader.containerSnapshots({ runId: q.runId, fromMs: q.fromMs, toMs: q.toMs, limit: kMaxContainerRows + 1 }) : [];
  // Too many rows, none, or retention removed the start of the range: rollups instead.
  const raw = rows.length > 0 && rows.length <= kMaxContainerRows && rows[0]!.ts_ms - q.fromMs <= 120_000;
  const c = raw ? fromRaw(rows) : fromRollups(reader, q);
  const containers = summary.map((s): ContainerView => {
    const l = c.last.get(s.container_id);
    return {
      id: s.container_id,
      name: s.name ?? s.container_id.slice(0, 12),
      image: s.image ?? '',
      status: s.cleaned_up !== 0 ? 'cleaned' : s.exited_at_ms !== null ? 'exited' : q.runEnded ? 'unknown' : 'running',
      orphan: s.orphan !== 0,
      cleaned: s.cleaned_up !== 0,
      exitCode: s.exit_code,
      tsMs: l?.tsMs ?? null,
      cpu: l?.cpu ?? null,
      mem: l?.mem ?? null,
      memLimit: l?.memLimit ?? s.mem_limit_bytes,
      pids: l?.pids ?? null,
      stale: l?.stale ?? false,
    };
  });
  const names = new Map(containers.map((x) => [x.id, x.name]));
  return {
    containers,
    containerSeries: {
      active: downsampleMinMax(c.active, q.maxPoints),
      byId: [...c.byId].map(([id, s]) => ({
        id, name: names.get(id) ?? id.slice(0, 12), cpu: downsampleMinMax(s.cpu, q.maxPoints), mem: downsampleMinMax(s.mem, q.maxPoints),
      })),
    },
  };
}
