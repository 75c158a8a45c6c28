// The charts: one uPlot per box (#chart-<id>), rebuilt only when its series
// change, otherwise given new data. The legend always shows figures: the
// ones under the cursor while hovering, the latest of each series otherwise.

import type UPlot from 'uplot';
import type { Series } from './api.js';
import { make } from './dom.js';
import { fmtAxisTime, fmtTime, fmtUnit } from './format.js';
import type { Unit } from './format.js';
import { debug } from './state.js';

/** uPlot's browser build sets this global (vendor/uplot.min.js loads first). */
const uPlot = (globalThis as unknown as { uPlot: typeof UPlot }).uPlot;

export const kColors = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22'];
const kHeight = 200;

// Byte axes step in powers of two (1, 2, 4 … MiB), others in 1-2-5.
const kByteIncrs: number[] = [];
for (let e = 0; e <= 50; e += 10) for (let m = 1; m < 1024; m *= 2) kByteIncrs.push(m * 2 ** e);
const kCountIncrs: number[] = [];
for (let e = 0; e <= 9; e++) for (const m of [1, 2, 5]) kCountIncrs.push(m * 10 ** e);

/** The latest non-null value of a data column, or null. */
function latest(col: readonly (number | null | undefined)[] | ArrayLike<number> | undefined): number | null {
  if (col === undefined) return null;
  for (let i = col.length - 1; i >= 0; i--) {
    const v = col[i];
    if (v !== null && v !== undefined) return v;
  }
  return null;
}

function yAxis(unit: Unit): UPlot.Axis {
  const a: UPlot.Axis = {
    stroke: '#6b7385',
    size: unit === 'bytes' || unit === 'ms' || unit === 'msPerS' ? 88 : 70,
    values: (_u, vals) => vals.map((v) => fmtUnit(unit, v)),
  };
  if (unit === 'bytes') a.incrs = kByteIncrs;
  // Counts step in whole numbers.
  if (unit === 'count') a.incrs = kCountIncrs;
  return a;
}

const xAxis: UPlot.Axis = {
  stroke: '#6b7385',
  // Room for an "07:21:05" label between ticks.
  space: 80,
  values: (u, vals) => {
    const span = (u.scales.x?.max ?? 0) - (u.scales.x?.min ?? 0);
    return vals.map((v) => fmtAxisTime(v, span));
  },
};

export class Charts {
  readonly #plots = new Map<string, { key: string; plot: UPlot; box: HTMLElement }>();
  /** Text shown in a chart with no points. */
  emptyText = 'no data yet';

  /**
   * Draws #chart-<id> with one line per label; returns its number of points.
   * A chart with no point shows `emptyText` instead. `dashed[k]` draws line k dashed (a secondary figure).
   */
  draw(id: string, labels: readonly string[], series: readonly Series[], unit: Unit, dashed: readonly boolean[] = []): number {
    const box = document.getElementById(`chart-${id}`);
    if (box === null) throw new Error(`the page has no #chart-${id}`);
    let points = 0;
    for (const s of series) for (const v of s.v) if (v !== null) points++;
    box.setAttribute('data-points', String(points));
    debug.points[id] = points;
    const key = labels.join('\u0000');
    const c = this.#plots.get(id);
    if (points === 0) {
      if (c !== undefined) {
        c.plot.destroy();
        this.#plots.delete(id);
      }
      box.replaceChildren(make('div', this.emptyText, 'empty'));
      return 0;
    }
    // In a closed section nothing shows: the chart is made when it opens (the page redraws then).
    if (box.closest('details:not([open])') !== null) {
      c?.plot.destroy();
      this.#plots.delete(id);
      box.replaceChildren();
      return points;
    }
    const data = uPlot.join(series.map((s): UPlot.AlignedData => [s.t, s.v]));
    if (c !== undefined && c.key === key) {
      c.plot.setData(data);
      this.#showLatest(c.plot);
      return points;
    }
    c?.plot.destroy();
    box.replaceChildren();
    const lines: UPlot.Series[] = [{
      // Hovering: the time under the cursor; otherwise the latest time.
      value: (u, v, _s, idx) => fmtTime(idx === null ? latest(u.data[0]) : v),
    }];
    let color = -1;
    labels.forEach((label, k) => {
      // A dashed line is the previous line's secondary figure: same colour.
      if (dashed[k] !== true) color++;
      lines.push({
        label, stroke: kColors[Math.max(color, 0) % kColors.length]!, width: 1.5, points: { show: false },
        ...(dashed[k] === true ? { dash: [5, 4] } : {}),
        value: (u, v, s, idx) => fmtUnit(unit, idx === null ? latest(u.data[s]) : v),
      });
    });
    const opts: UPlot.Options = {
      width: chartWidth(box), height: kHeight, ms: 1,
      scales: { x: { time: true }, y: { range: (_u, min, max) => [Math.min(0, min), max > 0 ? max * 1.1 : 1] } },
      series: lines,
      axes: [xAxis, yAxis(unit)],
      legend: { live: true },
      cursor: { drag: { x: true, y: false } },
    };
    const plot = new uPlot(opts, data, box);
    this.#plots.set(id, { key, plot, box });
    this.#showLatest(plot);
    return points;
  }

  /** Out of the chart, the legend shows each series' latest value (uPlot asks the value functions with no index). */
  #showLatest(plot: UPlot): void {
    if ((plot.cursor.left ?? -1) < 0) plot.setLegend({ idxs: plot.series.map(() => null) });
  }

  /** Fits every chart to its box (after a resize, or a section opening). */
  resize(): void {
    for (const c of this.#plots.values()) c.plot.setSize({ width: chartWidth(c.box), height: kHeight });
  }
}

function chartWidth(box: HTMLElement): number {
  return Math.max(240, (box.clientWidth || box.parentElement?.clientWidth || 400) - 4);
}
