// A stored run's containers: the table from the `containers` view (with the
// latest stored figures of each) and the chart series from
// `container_snapshots` — per container cpu % and memory, and how many
// containers each sampler tick saw — downsampled like every other series.

import type { StoreReader } from '../store/index.js';
import type { ContainerSeries, ContainerView, Series } from './browser/api.js';
import { downsampleMinMax } from './downsample.js';
import { kTickWindowMs } from './points.js';

/** Container rows read for one history answer at most. */
const kMaxContainerRows = 200_000;

export interface ContainerHistory {
  containers: ContainerView[];
  containerSeries: ContainerSeries;
}

export function readContainerHistory(reader: StoreReader, runId: string, fromMs: number, toMs: number, maxPoints: number, runEnded: boolean): ContainerHistory {
  const summary = reader.containers(runId);
  if (summary.length === 0) return { containers: [], containerSeries: { active: { t: [], v: [] }, byId: [] } };
  const rows = reader.containerSnapshots({ runId, fromMs, toMs, limit: kMaxContainerRows });
  const byId = new Map<string, { name: string; cpu: Series; mem: Series }>();
  const last = new Map<string, (typeof rows)[number]>();
  const active: Series = { t: [], v: [] };
  let tick: { t: number; ids: Set<string> } | null = null;
  for (const r of rows) {
    let s = byId.get(r.container_id);
    if (s === undefined) byId.set(r.container_id, (s = { name: r.name ?? r.container_id.slice(0, 12), cpu: { t: [], v: [] }, mem: { t: [], v: [] } }));
    s.cpu.t.push(r.ts_ms);
    s.cpu.v.push(r.cpu_percent);
    s.mem.t.push(r.ts_ms);
    s.mem.v.push(r.mem_bytes);
    last.set(r.container_id, r);
    // The same grouping as live: one sampler tick reads every container at about the same time.
    if (tick !== null && (tick.ids.has(r.container_id) || r.ts_ms - tick.t > kTickWindowMs)) {
      active.t.push(tick.t);
      active.v.push(tick.ids.size);
      tick = null;
    }
    tick ??= { t: r.ts_ms, ids: new Set() };
    tick.ids.add(r.container_id);
  }
  if (tick !== null) {
    active.t.push(tick.t);
    active.v.push(tick.ids.size);
  }
  const containers = summary.map((c): ContainerView => {
    const l = last.get(c.container_id);
    return {
      id: c.container_id,
      name: c.name ?? c.container_id.slice(0, 12),
      image: c.image ?? '',
      status: c.cleaned_up !== 0 ? 'cleaned' : c.exited_at_ms !== null ? 'exited' : runEnded ? 'unknown' : 'running',
      orphan: c.orphan !== 0,
      cleaned: c.cleaned_up !== 0,
      exitCode: c.exit_code,
      tsMs: l?.ts_ms ?? null,
      cpu: l?.cpu_percent ?? null,
      mem: l?.mem_bytes ?? null,
      memLimit: l?.mem_limit_bytes ?? c.mem_limit_bytes,
      pids: l?.pids ?? null,
      stale: (l?.stale ?? 0) !== 0,
    };
  });
  return {
    containers,
    containerSeries: {
      active: downsampleMinMax(active, maxPoints),
      byId: [...byId].map(([id, s]) => ({ id, name: s.name, cpu: downsampleMinMax(s.cpu, maxPoints), mem: downsampleMinMax(s.mem, maxPoints) })),
    },
  };
}
