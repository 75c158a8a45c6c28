// The tables and key/value panels: components, alerts, containers, the
// host, the hub's internals, and the machines in the header.

import type { HostInventory } from './api.js';
import { kColors } from './charts.js';
import { el, fillTable, kv, make, row } from './dom.js';
import { fmtBytes, fmtDateTime, fmtDuration, fmtNum, fmtTime, fmtUnit } from './format.js';
import type { PageState } from './state.js';

export function renderComponents(s: PageState): void {
  const rows = s.componentNames().map((n, i) => {
    const c = s.components.get(n)!;
    const last = c.last;
    const name = make('td', null, 'component-name');
    const sw = make('span', null, 'swatch');
    sw.style.background = kColors[i % kColors.length]!;
    name.append(sw, document.createTextNode(n));
    return row([
      name,
      c.pids.join(', ') || '–',
      [fmtNum(last?.cpu), 'num'],
      [fmtBytes(last?.rss), 'num'],
      [fmtNum(last?.gpuUtil), 'num'],
      [fmtBytes(last?.gpuMem), 'num'],
      [fmtUnit('ms', last?.lagP99), 'num'],
      fmtTime(last === null || last.t === 0 ? null : last.t),
    ]);
  });
  fillTable('components', rows, 'no components yet');
}

export function renderAlerts(s: PageState): void {
  const list = [...s.alerts.values()].sort((a, b) => {
    if ((a.state === 'firing') !== (b.state === 'firing')) return a.state === 'firing' ? -1 : 1;
    return b.tsMs - a.tsMs;
  }).slice(0, 200);
  let firing = 0;
  for (const a of s.alerts.values()) if (a.state === 'firing') firing++;
  el('alert-count').textContent = `(${firing} firing, ${s.alerts.size} total)`;
  const rows = list.map((a) => {
    const st = make('td');
    st.appendChild(make('span', a.state, `badge ${a.state}`));
    const tr = row([
      st,
      [a.severity, `sev-${a.severity}`],
      a.rule,
      a.component + (a.pid === null ? '' : ` (${a.pid})`),
      [a.message, 'alert-message'],
      [a.value === null ? '–' : fmtNum(a.value, 3) + (a.threshold === null ? '' : ` / ${fmtNum(a.threshold, 3)}`), 'num'],
      fmtTime(a.firedAtMs),
      a.resolvedAtMs === null ? '' : fmtTime(a.resolvedAtMs),
    ]);
    tr.setAttribute('data-rule', a.rule);
    tr.setAttribute('data-state', a.state);
    return tr;
  });
  fillTable('alerts', rows, 'no alerts');
}

export function renderContainers(s: PageState): void {
  const list = [...s.containers.values()].map((c) => c.view)
    .sort((a, b) => (a.status === 'running') !== (b.status === 'running') ? (a.status === 'running' ? -1 : 1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const rows = list.map((c) => {
    const name = make('td', c.name, 'container-name');
    name.title = c.id;
    const tr = row([
      name,
      c.image || '–',
      [fmtNum(c.cpu), 'num'],
      [fmtBytes(c.mem), 'num'],
      [fmtBytes(c.memLimit), 'num'],
      [fmtNum(c.pids, 0), 'num'],
      c.status + (c.exitCode === null ? '' : ` (${c.exitCode})`) + (c.stale ? ', stale' : ''),
      [c.orphan ? (c.cleaned ? 'orphan, cleaned' : 'orphan') : c.cleaned ? 'cleaned' : '', c.orphan && !c.cleaned ? 'warn' : ''],
    ]);
    tr.setAttribute('data-container', c.id);
    return tr;
  });
  fillTable('containers', rows, 'no containers');
}

/** The machines of the `hosts` view, a line each (at most five). */
function machines(s: PageState): [string, string][] {
  return s.hosts.slice(0, 5).map((h) => [`machine ${h.hostname ?? h.hostId.slice(0, 12)}`, describeHost(h) || '–']);
}

export function renderHost(s: PageState): void {
  const h = s.host;
  if (s.mode !== 'live') {
    kv('host-kv', [['source', s.source], ...machines(s)]);
    return;
  }
  if (h === null) {
    kv('host-kv', [['host', 'no sample yet'], ...machines(s)]);
    return;
  }
  const pairs: [string, string][] = [
    ['host', h.host || '–'],
    ['cpu', fmtUnit('pct', h.cpu) + (h.cpuCount === null ? '' : ` of ${h.cpuCount} cores`)],
    ['memory', `${fmtUnit('pct', h.mem)} (${fmtBytes(h.memAvailableBytes)} free of ${fmtBytes(h.memTotalBytes)})`],
    ['load 1m', fmtNum(h.load1, 2)],
  ];
  for (const d of h.disks) pairs.push([`disk ${d.mount}`, `${fmtUnit('pct', d.usedPercent)} (${fmtBytes(d.freeBytes)} free)`]);
  for (const g of s.gpus) pairs.push([`GPU ${g.index} ${g.name}`, `${fmtUnit('pct', g.utilPercent)}, ${fmtBytes(g.memUsedBytes)} of ${fmtBytes(g.memTotalBytes)}`]);
  kv('host-kv', [...pairs, ...machines(s)]);
}

export function renderHub(s: PageState): void {
  const b = s.hub;
  const d = s.dashboard;
  const hp: [string, string][] = [];
  if (s.mode === 'live' && b !== null) {
    hp.push(
      ['dropped (bus + store)', String(b.droppedTotal)], ['queue depth', String(b.queueDepth)],
      ['flush p50 / p99', `${fmtUnit('ms', b.flushP50Ms)} / ${fmtUnit('ms', b.flushP99Ms)}`], ['rows written', String(b.rowsWritten)],
      ['WAL', fmtBytes(b.walBytes)], ['connections', String(b.connections)], ['uptime', fmtDuration(b.uptimeMs)],
    );
    // Remote write: its queue is the store (depth = rows not yet sent).
    for (const q of b.queues) if (q.name === 'remote-write') hp.push(['remote write', `${q.depth} rows behind, ${q.dropped} samples dropped or refused`]);
  } else if (s.mode === 'live') hp.push(['hub', 'no heartbeat yet']);
  else hp.push(['history', 'flush latency from stored heartbeats']);
  if (d !== null) hp.push(['dashboard', `${d.clients} browser(s), ${d.droppedFrames} frames dropped, ${d.droppedClients} slow browser(s) cut`]);
  kv('hub-kv', hp);
  // The summary says whether anything needs a look without opening the section.
  const trouble = s.mode === 'live' && b !== null && b.droppedTotal > 0 ? ` · ${b.droppedTotal} dropped` : '';
  el('hub-summary').textContent = s.mode === 'live' && b !== null ? `flush p99 ${fmtUnit('ms', b.flushP99Ms)}, queue ${b.queueDepth}${trouble}` : '';
}

function describeHost(h: HostInventory): string {
  const parts = [
    h.cpuModel === null ? null : h.cpuModel + (h.cpuCores === null ? '' : ` × ${h.cpuCores}`),
    h.memTotalBytes === null ? null : fmtBytes(h.memTotalBytes),
    [h.os, h.osRelease].filter((x) => x !== null && x !== '').join(' ') || null,
    h.kernel === null ? null : `kernel ${h.kernel}`,
    h.arch,
    ...h.gpus,
  ];
  return parts.filter((p) => p !== null && p !== '').join(' · ');
}

/** The header's machine line: the shown run's host from the `hosts` view (or its name alone); every recorded machine in its tooltip. */
export function renderHostInfo(s: PageState): void {
  const box = el('host-info');
  const shown = s.hosts.find((h) => h.hostname !== null && h.hostname === s.runHost) ?? (s.runHost === null ? s.hosts[0] : undefined);
  const name = shown?.hostname ?? s.runHost;
  if (name === null || name === undefined) {
    box.replaceChildren();
    box.title = '';
    return;
  }
  const rest = shown === undefined ? '' : describeHost(shown);
  box.replaceChildren(make('b', name), document.createTextNode(rest === '' ? '' : ` ${rest}`));
  box.title = s.hosts.length === 0 ? '' : s.hosts
    .map((h) => `${h.hostname ?? '?'} (${h.hostId.slice(0, 12)}), last seen ${fmtDateTime(h.lastSeenMs)}: ${describeHost(h)}`).join('\n');
  box.setAttribute('data-hosts', String(s.hosts.length));
}
