// The page script's entry (served as js/app.js; index.html preloads the
// modules it imports). Live: one event stream whose first frame carries the
// whole live state, so the first paint needs no second request; stored runs:
// the run picker and /api/runs/:id.

import type { ComponentField, HelloFrame, LiveAnswer, RunHistory, RunsAnswer, Series, TickFrame } from './api.js';
import { Charts } from './charts.js';
import { el, elOf, setStatus, show } from './dom.js';
import { fmtDateTime, fmtTime } from './format.js';
import type { Unit } from './format.js';
import { getJson, openStream, RequestError } from './net.js';
import { renderAlerts, renderComponents, renderContainers, renderHost, renderHostInfo, renderHub } from './panels.js';
import { debug, PageState } from './state.js';

/** Per-component charts; those marked optional show only once a component reports the figure. */
const kComponentCharts: readonly { id: ComponentField; unit: Unit; optional: boolean }[] = [
  { id: 'cpu', unit: 'pct', optional: false },
  { id: 'rss', unit: 'bytes', optional: false },
  { id: 'lagP99', unit: 'ms', optional: true },
  { id: 'gpuUtil', unit: 'pct', optional: true },
  { id: 'gpuMem', unit: 'bytes', optional: true },
];

debug.startMs = Math.round(performance.now());
const state = new PageState();
const charts = new Charts();
// Served by `runbus dashboard`: no hub, no /events, no /api/live.
const storedOnly = document.body.hasAttribute('data-stored-only');
debug.storedOnly = storedOnly;
let renderPending = false;

function renderCharts(): void {
  charts.emptyText = state.mode === 'live' ? 'no data yet' : 'no data stored for this run';
  const names = state.componentNames();
  for (const ch of kComponentCharts) {
    const labels: string[] = [];
    const series: Series[] = [];
    for (const n of names) {
      const s = state.components.get(n)!.series[ch.id];
      if (ch.optional && !s.v.some((v) => v !== null)) continue;
      labels.push(n);
      series.push(s);
    }
    const points = charts.draw(ch.id, labels, series, ch.unit);
    if (ch.optional) show(`card-${ch.id}`, points > 0);
  }
  renderRuntime(names);
  const h = state.hostSeries;
  charts.draw('host', h === null ? [] : ['cpu %', 'memory %', 'disk %'], h === null ? [] : [h.cpu, h.mem, h.disk], 'pct');
  const b = state.hubSeries;
  charts.draw('hub', b === null ? [] : ['flush p50', 'flush p99'], b === null ? [] : [b.flushP50, b.flushP99], 'ms');
  // Containers: the whole section only once some container has figures.
  // Containers: the whole section only once some container has figures;
  // a container without any (an orphan found at start) is in the table only.
  const ctrs = [...state.containers.values()]
    .filter((c) => c.cpu.v.some((v) => v !== null) || c.mem.v.some((v) => v !== null))
    .sort((x, y) => (x.view.name < y.view.name ? -1 : x.view.name > y.view.name ? 1 : 0));
  const anyContainer = ctrs.length > 0;
  show('card-containers', anyContainer);
  charts.draw('containersActive', anyContainer ? ['active containers'] : [], anyContainer ? [state.activeContainers] : [], 'count');
  charts.draw('containersCpu', ctrs.map((c) => c.view.name), ctrs.map((c) => c.cpu), 'pct');
  charts.draw('containersMem', ctrs.map((c) => c.view.name), ctrs.map((c) => c.mem), 'bytes');
}

/** Node runtime: heap used per component (its heap total dashed), GC pause ms/s; only once some component reports them. */
function renderRuntime(names: readonly string[]): void {
  const has = (s: Series): boolean => s.v.some((v) => v !== null);
  const heapLabels: string[] = [];
  const heap: Series[] = [];
  const dashed: boolean[] = [];
  const gcLabels: string[] = [];
  const gc: Series[] = [];
  for (const n of names) {
    const s = state.components.get(n)!.series;
    if (has(s.heapUsed)) {
      heapLabels.push(n);
      heap.push(s.heapUsed);
      dashed.push(false);
      if (has(s.heapTotal)) {
        heapLabels.push(`${n} total`);
        heap.push(s.heapTotal);
        dashed.push(true);
      }
    }
    if (has(s.gcRate)) {
      gcLabels.push(n);
      gc.push(s.gcRate);
    }
  }
  const points = charts.draw('heap', heapLabels, heap, 'bytes', dashed) + charts.draw('gcRate', gcLabels, gc, 'msPerS');
  show('card-runtime', points > 0);
}

function render(): void {
  renderPending = false;
  try {
    renderCharts();
    renderComponents(state);
    renderAlerts(state);
    renderContainers(state);
    renderHost(state);
    renderHub(state);
    renderHostInfo(state);
    debug.renders++;
    if (debug.firstPaintMs === undefined && Object.values(debug.points).some((n) => n > 0)) debug.firstPaintMs = Math.round(performance.now());
  } catch (e) {
    debug.errors.push(String(e instanceof Error ? e.stack : e));
    throw e;
  }
}

function scheduleRender(): void {
  if (renderPending) return;
  renderPending = true;
  requestAnimationFrame(render);
}

function onError(e: unknown): void {
  const message = e instanceof Error ? e.message : String(e);
  debug.errors.push(message);
  if (e instanceof RequestError && e.unauthorized) setStatus('unauthorized — open this page as /#token=<token>', 'bad');
  else setStatus(`error: ${message}`, 'bad');
}

// ---- live ----------------------------------------------------------------

function showLive(live: LiveAnswer): void {
  debug.liveMs ??= Math.round(performance.now());
  state.applyLive(live);
  const opt = elOf('run', HTMLSelectElement).options[0];
  if (opt !== undefined) opt.textContent = `live${live.runId === null ? '' : ` — ${live.runId}`}`;
  setStatus('live', 'live');
  scheduleRender();
}

let stream: AbortController | null = null;
let streamGen = 0;

function connect(): void {
  stream?.abort();
  const gen = ++streamGen;
  stream = openStream('events', {
    event(type, data) {
      if (type === 'hello') {
        // The live state as of the stream's start; every later tick is newer.
        if (state.mode === 'live') showLive((JSON.parse(data) as HelloFrame).live);
      } else if (type === 'tick') {
        debug.ticks++;
        try {
          const d = JSON.parse(data) as TickFrame;
          if (state.mode !== 'live') return;
          state.applyTick(d);
          scheduleRender();
        } catch (e) {
          debug.errors.push(String(e));
        }
      }
    },
    closed(err, retryMs) {
      if (gen !== streamGen) return; // replaced
      if (err instanceof RequestError && err.unauthorized) {
        onError(err); // retrying cannot help without the token
        return;
      }
      if (state.mode === 'live') setStatus('reconnecting…', 'bad');
      setTimeout(() => { if (gen === streamGen) connect(); }, retryMs);
    },
  });
}

async function loadLive(): Promise<void> {
  const live = await getJson<LiveAnswer>('api/live');
  if (state.mode === 'live') showLive(live);
}

// ---- stored runs -----------------------------------------------------------

async function loadHistory(runId: string): Promise<void> {
  setStatus(`loading ${runId}…`);
  const h = await getJson<RunHistory>(`api/runs/${encodeURIComponent(runId)}`);
  if (state.mode !== 'history' || debug.runId !== runId) return;
  state.applyHistory(h);
  debug.source = h.source;
  setStatus(`history of ${runId} · ${fmtDateTime(h.fromMs)} – ${fmtTime(h.toMs)} · ${state.source}`, 'history');
  scheduleRender();
}

async function loadRuns(): Promise<RunsAnswer> {
  const r = await getJson<RunsAnswer>('api/runs');
  const sel = elOf('run', HTMLSelectElement);
  const keep = sel.value;
  const opts = [storedOnly ? new Option('— choose a stored run —', '') : new Option(`live${r.live === null ? '' : ` — ${r.live}`}`, '')];
  for (const run of r.runs) {
    const label = `${run.runId} · ${fmtDateTime(run.startedAtMs ?? run.firstTsMs)}${run.command === null ? '' : ` · ${run.command.slice(0, 60)}`}${run.runId === r.live ? ' (this run)' : ''}`;
    opts.push(new Option(label, run.runId));
  }
  sel.replaceChildren(...opts);
  sel.value = keep;
  if (sel.value !== keep) sel.value = '';
  debug.runs = r.runs.length;
  state.hosts = r.hosts;
  scheduleRender();
  return r;
}

const kStoredOnlyText = 'stored runs only (no live hub): choose a run';

function choose(v: string): void {
  if (v === '' && storedOnly) {
    setStatus(kStoredOnlyText, 'history');
  } else if (v === '') {
    state.mode = 'live';
    debug.mode = 'live';
    loadLive().catch(onError);
  } else {
    state.mode = 'history';
    debug.mode = 'history';
    debug.runId = v;
    loadHistory(v).catch(onError);
  }
}

// ---- wiring ------------------------------------------------------------------

const picker = elOf('run', HTMLSelectElement);
picker.addEventListener('change', () => { choose(picker.value); });
picker.addEventListener('focus', () => { loadRuns().catch(onError); });
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => { charts.resize(); }, 150);
});
// Charts in the collapsed section are made when it opens.
el('card-hub').addEventListener('toggle', scheduleRender);

async function startStored(): Promise<void> {
  // The newest run is shown first; the picker lists the others.
  state.mode = 'history';
  debug.mode = 'history';
  setStatus(kStoredOnlyText, 'history');
  const r = await loadRuns();
  const newest = r.runs[0];
  if (newest === undefined) {
    setStatus('stored runs only (no live hub): the database holds no run yet', 'history');
    return;
  }
  if (picker.value !== '') return;
  picker.value = newest.runId;
  debug.runId = newest.runId;
  await loadHistory(newest.runId);
}

if (storedOnly) {
  startStored().catch(onError);
} else {
  connect();
  loadRuns().catch(onError);
}
