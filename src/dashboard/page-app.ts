// The page script, served as /app.js. Plain ES2020 for the browser (no build
// step), kept as a string because the package ships only what tsc emits.
// Rule: data from the server reaches the DOM through textContent, option
// text or uPlot labels (which use textContent) — never innerHTML.

export const kPageJs = String.raw`'use strict';
(function () {
  var COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22'];
  var CHARTS = [
    { id: 'cpu', unit: 'pct' }, { id: 'rss', unit: 'bytes' }, { id: 'lagP99', unit: 'ms' },
    { id: 'gpuUtil', unit: 'pct', hideEmpty: true }, { id: 'gpuMem', unit: 'bytes', hideEmpty: true },
  ];
  var FIELDS = ['cpu', 'rss', 'gpuUtil', 'gpuMem', 'lagP99'];

  // The token comes once, in the fragment (/#token=…, which the browser never
  // sends to a server, so it lands in no log) — or in the query of an old
  // link — and is kept in sessionStorage, removed from the address bar, and
  // sent only as an Authorization header.
  var params = new URLSearchParams(location.search);
  var frag = new URLSearchParams(location.hash.replace(/^#/, ''));
  var given = frag.get('token') || params.get('token') || '';
  var token = given;
  if (!token) { try { token = sessionStorage.getItem('runbus-token') || ''; } catch (e) { token = ''; } }
  if (frag.has('token') || params.has('token')) {
    try { if (given) sessionStorage.setItem('runbus-token', given); } catch (e) { /* private mode */ }
    params.delete('token');
    frag.delete('token');
    var rest = params.toString();
    var restFrag = frag.toString();
    history.replaceState(null, '', location.pathname + (rest ? '?' + rest : '') + (restFrag ? '#' + restFrag : ''));
  }

  var state = {
    mode: 'live', maxPoints: 1000, liveRunId: null, components: new Map(), host: null, hostSeries: null,
    hub: null, hubSeries: null, gpus: [], alerts: new Map(), dashboard: null, source: 'live',
  };
  var charts = {};
  var debug = window.__runbus = { points: {}, mode: 'live', renders: 0, ticks: 0, errors: [] };
  var stream = null; // AbortController of the open /events request
  var streamGen = 0;
  var renderPending = false;

  function el(id) { return document.getElementById(id); }
  function make(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function setStatus(text, cls) { var s = el('status'); s.textContent = text; s.className = 'status ' + (cls || ''); }

  function fmtBytes(v) {
    if (v === null || v === undefined) return '–';
    var u = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    var i = 0;
    while (Math.abs(v) >= 1024 && i < u.length - 1) { v /= 1024; i++; }
    return (i === 0 ? v.toFixed(0) : v.toFixed(1)) + ' ' + u[i];
  }
  function fmtNum(v, digits) { return v === null || v === undefined ? '–' : Number(v).toFixed(digits === undefined ? 1 : digits); }
  function fmtUnit(unit, v) {
    if (unit === 'bytes') return fmtBytes(v);
    if (unit === 'pct') return v === null || v === undefined ? '–' : fmtNum(v) + ' %';
    if (unit === 'ms') return v === null || v === undefined ? '–' : fmtNum(v, 2) + ' ms';
    return fmtNum(v, 0);
  }
  function fmtTime(ms) { return ms === null || ms === undefined ? '–' : new Date(ms).toLocaleTimeString(); }
  function fmtDateTime(ms) { return ms === null || ms === undefined ? '?' : new Date(ms).toLocaleString(); }
  function fmtDuration(ms) {
    if (ms === null || ms === undefined) return '–';
    var s = Math.round(ms / 1000);
    if (s < 120) return s + ' s';
    if (s < 7200) return Math.round(s / 60) + ' min';
    return (s / 3600).toFixed(1) + ' h';
  }

  function headers() { return token ? { authorization: 'Bearer ' + token } : {}; }
  function getJson(path) {
    return fetch(path, { headers: headers(), cache: 'no-store' }).then(function (r) {
      if (r.status === 401) { var e = new Error('unauthorized'); e.unauthorized = true; throw e; }
      if (!r.ok) throw new Error(path + ': HTTP ' + r.status);
      return r.json();
    });
  }

  function capSeries(s, cap) {
    if (s.t.length > cap) { s.t.splice(0, s.t.length - cap); s.v.splice(0, s.v.length - cap); }
  }
  function emptySeries() { return { t: [], v: [] }; }

  // ---- charts ----------------------------------------------------------
  function chartWidth(box) { return Math.max(240, (box.clientWidth || box.parentNode.clientWidth || 400) - 4); }

  function drawChart(id, labels, tables, unit, hideEmpty) {
    var box = el('chart-' + id);
    var card = box.parentNode;
    var points = 0;
    for (var i = 0; i < tables.length; i++) {
      var v = tables[i][1];
      for (var j = 0; j < v.length; j++) if (v[j] !== null && v[j] !== undefined) points++;
    }
    box.setAttribute('data-points', String(points));
    debug.points[id] = points;
    if (hideEmpty) card.classList.toggle('hidden', points === 0);
    var key = labels.join('\u0000');
    var c = charts[id];
    if (points === 0) {
      if (c) { c.plot.destroy(); delete charts[id]; }
      { box.textContent = ''; box.appendChild(make('div', state.mode === 'live' ? 'no data yet' : 'no data stored for this run', 'empty')); }
      return;
    }
    var data = uPlot.join(tables);
    if (c && c.key === key) { c.plot.setData(data); return; }
    if (c) c.plot.destroy();
    box.textContent = '';
    var series = [{ value: function (u, v) { return v === null || v === undefined ? '–' : fmtTime(v); } }];
    for (var k = 0; k < labels.length; k++) {
      series.push({ label: labels[k], stroke: COLORS[k % COLORS.length], width: 1.5, points: { show: false },
        value: function (u, v) { return fmtUnit(unit, v); } });
    }
    var opts = {
      width: chartWidth(box), height: 200, ms: 1,
      scales: { x: { time: true }, y: { range: function (u, min, max) { return [Math.min(0, min || 0), max > 0 ? max * 1.1 : 1]; } } },
      series: series,
      axes: [{ stroke: '#6b7385' }, yAxis(unit)],
      legend: { live: true },
      cursor: { drag: { x: true, y: false } },
    };
    charts[id] = { key: key, plot: new uPlot(opts, data, box) };
  }

  // Byte axes step in powers of two (1, 2, 4 … MiB), others in 1-2-5.
  var BYTE_INCRS = [];
  for (var e = 0; e <= 50; e += 10) for (var m = 1; m < 1024; m *= 2) BYTE_INCRS.push(m * Math.pow(2, e));
  function yAxis(unit) {
    var a = { stroke: '#6b7385', size: unit === 'bytes' || unit === 'ms' ? 88 : 70, values: function (u, vals) { return vals.map(function (v) { return fmtUnit(unit, v); }); } };
    if (unit === 'bytes') a.incrs = BYTE_INCRS;
    return a;
  }

  function componentNames() { return Array.from(state.components.keys()).sort(); }

  function renderCharts() {
    var names = componentNames();
    CHARTS.forEach(function (ch) {
      var labels = [];
      var tables = [];
      names.forEach(function (n) {
        var s = state.components.get(n).series[ch.id];
        var has = false;
        for (var i = 0; i < s.v.length; i++) if (s.v[i] !== null) { has = true; break; }
        if (!has && ch.hideEmpty) return;
        labels.push(n);
        tables.push([s.t.slice(), s.v.slice()]);
      });
      drawChart(ch.id, labels, tables, ch.unit, ch.hideEmpty);
    });
    if (state.hostSeries) {
      var h = state.hostSeries;
      drawChart('host', ['cpu %', 'memory %', 'disk %'], [[h.cpu.t.slice(), h.cpu.v.slice()], [h.mem.t.slice(), h.mem.v.slice()], [h.disk.t.slice(), h.disk.v.slice()]], 'pct');
    } else drawChart('host', [], [], 'pct');
    if (state.hubSeries) {
      var b = state.hubSeries;
      drawChart('hub', ['flush p50', 'flush p99'], [[b.flushP50.t.slice(), b.flushP50.v.slice()], [b.flushP99.t.slice(), b.flushP99.v.slice()]], 'ms');
    } else drawChart('hub', [], [], 'ms');
  }

  // ---- tables and panels -----------------------------------------------
  function renderComponents() {
    var body = el('components').tBodies[0];
    var rows = [];
    componentNames().forEach(function (n, i) {
      var c = state.components.get(n);
      var last = c.last || {};
      var tr = document.createElement('tr');
      var name = make('td');
      var sw = make('span', null, 'swatch');
      sw.style.background = COLORS[i % COLORS.length];
      name.appendChild(sw);
      name.appendChild(document.createTextNode(n));
      name.className = 'component-name';
      tr.appendChild(name);
      tr.appendChild(make('td', (c.pids || []).join(', ') || '–'));
      tr.appendChild(make('td', fmtNum(last.cpu), 'num'));
      tr.appendChild(make('td', fmtBytes(last.rss), 'num'));
      tr.appendChild(make('td', fmtNum(last.gpuUtil), 'num'));
      tr.appendChild(make('td', fmtBytes(last.gpuMem), 'num'));
      tr.appendChild(make('td', last.lagP99 === null || last.lagP99 === undefined ? '–' : fmtNum(last.lagP99, 2) + ' ms', 'num'));
      tr.appendChild(make('td', fmtTime(last.t)));
      rows.push(tr);
    });
    if (rows.length === 0) { var tr = document.createElement('tr'); var td = make('td', 'no components yet'); td.colSpan = 8; tr.appendChild(td); rows.push(tr); }
    body.replaceChildren.apply(body, rows);
  }

  function renderAlerts() {
    var body = el('alerts').tBodies[0];
    var list = Array.from(state.alerts.values()).sort(function (a, b) {
      if ((a.state === 'firing') !== (b.state === 'firing')) return a.state === 'firing' ? -1 : 1;
      return b.tsMs - a.tsMs;
    }).slice(0, 200);
    var firing = 0;
    state.alerts.forEach(function (a) { if (a.state === 'firing') firing++; });
    el('alert-count').textContent = '(' + firing + ' firing, ' + state.alerts.size + ' total)';
    var rows = list.map(function (a) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-rule', a.rule);
      tr.setAttribute('data-state', a.state);
      var st = make('td');
      st.appendChild(make('span', a.state, 'badge ' + (a.state === 'firing' || a.state === 'resolved' ? a.state : 'unspecified')));
      tr.appendChild(st);
      tr.appendChild(make('td', a.severity, 'sev-' + a.severity));
      tr.appendChild(make('td', a.rule));
      tr.appendChild(make('td', a.component + (a.pid ? ' (' + a.pid + ')' : '')));
      tr.appendChild(make('td', a.message, 'alert-message'));
      tr.appendChild(make('td', a.value === null ? '–' : fmtNum(a.value, 3) + (a.threshold === null ? '' : ' / ' + fmtNum(a.threshold, 3)), 'num'));
      tr.appendChild(make('td', fmtTime(a.firedAtMs)));
      tr.appendChild(make('td', a.resolvedAtMs === null ? '' : fmtTime(a.resolvedAtMs)));
      return tr;
    });
    if (rows.length === 0) { var tr = document.createElement('tr'); var td = make('td', 'no alerts'); td.colSpan = 8; tr.appendChild(td); rows.push(tr); }
    body.replaceChildren.apply(body, rows);
  }

  function kv(id, pairs) {
    var dl = el(id);
    var kids = [];
    pairs.forEach(function (p) { kids.push(make('dt', p[0])); kids.push(make('dd', p[1])); });
    dl.replaceChildren.apply(dl, kids);
  }

  function renderPanels() {
    var h = state.host;
    if (state.mode !== 'live') kv('host-kv', [['source', state.source]]);
    else if (h) {
      var pairs = [['host', h.host || '–'], ['cpu', fmtUnit('pct', h.cpu) + (h.cpuCount ? ' of ' + h.cpuCount + ' cores' : '')],
        ['memory', fmtUnit('pct', h.mem) + ' (' + fmtBytes(h.memAvailableBytes) + ' free of ' + fmtBytes(h.memTotalBytes) + ')'], ['load 1m', fmtNum(h.load1, 2)]];
      (h.disks || []).forEach(function (d) { pairs.push(['disk ' + d.mount, fmtUnit('pct', d.usedPercent) + ' (' + fmtBytes(d.freeBytes) + ' free)']); });
      state.gpus.forEach(function (g) { pairs.push(['GPU ' + g.index + ' ' + g.name, fmtUnit('pct', g.utilPercent) + ', ' + fmtBytes(g.memUsedBytes) + ' of ' + fmtBytes(g.memTotalBytes)]); });
      kv('host-kv', pairs);
    } else kv('host-kv', [['host', 'no sample yet']]);
    var b = state.hub;
    var d = state.dashboard;
    var hp = [];
    if (state.mode === 'live' && b) {
      hp.push(['dropped (bus + store)', String(b.droppedTotal)], ['queue depth', String(b.queueDepth)],
        ['flush p50 / p99', fmtUnit('ms', b.flushP50Ms) + ' / ' + fmtUnit('ms', b.flushP99Ms)], ['rows written', String(b.rowsWritten)],
        ['WAL', fmtBytes(b.walBytes)], ['connections', String(b.connections)], ['uptime', fmtDuration(b.uptimeMs)]);
    } else if (state.mode === 'live') hp.push(['hub', 'no heartbeat yet']);
    else hp.push(['history', 'flush latency from stored heartbeats']);
    if (d) hp.push(['dashboard', d.clients + ' browser(s), ' + d.droppedFrames + ' frames dropped, ' + d.droppedClients + ' slow browser(s) cut']);
    kv('hub-kv', hp);
  }

  function render() {
    renderPending = false;
    try {
      renderCharts();
      renderComponents();
      renderAlerts();
      renderPanels();
      debug.renders++;
    } catch (e) { debug.errors.push(String(e && e.stack || e)); throw e; }
  }
  function scheduleRender() {
    if (renderPending) return;
    renderPending = true;
    requestAnimationFrame(render);
  }

  // ---- live ------------------------------------------------------------
  // Ticks that arrive while /api/live loads wait, then those newer than the
  // snapshot are applied (a point already in it is skipped by its time).
  var loading = null;
  function loadLive() {
    loading = [];
    return getJson('api/live').then(function (live) {
      var waiting = loading || [];
      loading = null;
      if (state.mode !== 'live') return;
      state.maxPoints = live.maxPoints;
      state.liveRunId = live.runId;
      state.components = new Map();
      live.components.forEach(function (c) { state.components.set(c.name, { series: c.series, pids: c.pids, last: c.last }); });
      state.host = live.host;
      state.hostSeries = live.host ? live.host.series : null;
      state.gpus = live.gpus;
      state.hub = live.hub;
      state.hubSeries = live.hub ? live.hub.series : null;
      state.alerts = new Map();
      live.alerts.forEach(function (a) { state.alerts.set(a.key, a); });
      state.dashboard = live.dashboard;
      state.source = 'live';
      var opt = el('run').options[0];
      opt.textContent = 'live' + (live.runId ? ' — ' + live.runId : '');
      setStatus('live', 'live');
      waiting.forEach(function (d) { if (d.tsMs > live.nowMs) applyTick(d); });
      scheduleRender();
    }, function (e) { loading = null; throw e; });
  }

  // Appends (t, v) unless the series already reaches t.
  function appendPoint(s, t, v, cap) {
    if (s.t.length > 0 && s.t[s.t.length - 1] >= t) return;
    s.t.push(t); s.v.push(v); capSeries(s, cap);
  }

  function applyTick(d) {
    debug.ticks++;
    state.dashboard = d.dashboard;
    if (state.mode !== 'live') return;
    if (loading) { loading.push(d); return; }
    var cap = state.maxPoints;
    d.components.forEach(function (p) {
      var c = state.components.get(p.name);
      if (!c) {
        c = { series: { cpu: emptySeries(), rss: emptySeries(), gpuUtil: emptySeries(), gpuMem: emptySeries(), lagP99: emptySeries() }, pids: [], last: null };
        state.components.set(p.name, c);
      }
      FIELDS.forEach(function (f) { appendPoint(c.series[f], p.t, p[f], cap); });
      c.pids = p.pids;
      c.last = p;
    });
    if (d.host) {
      state.host = d.host.view;
      if (!state.hostSeries) state.hostSeries = { cpu: emptySeries(), mem: emptySeries(), disk: emptySeries() };
      ['cpu', 'mem', 'disk'].forEach(function (k) { appendPoint(state.hostSeries[k], d.host.point.t, d.host.point[k], cap); });
    }
    if (d.gpus) state.gpus = d.gpus;
    d.alerts.forEach(function (a) { state.alerts.set(a.key, a); });
    if (d.hub) {
      state.hub = d.hub.view;
      if (!state.hubSeries) state.hubSeries = { flushP50: emptySeries(), flushP99: emptySeries(), queueDepth: emptySeries(), dropped: emptySeries() };
      ['flushP50', 'flushP99', 'queueDepth', 'dropped'].forEach(function (k) { appendPoint(state.hubSeries[k], d.hub.point.t, d.hub.point[k], cap); });
    }
    scheduleRender();
  }

  // Server-Sent Events read with fetch() rather than EventSource, which
  // cannot send an Authorization header. The stream is parsed as the SSE
  // spec says for the fields the server uses (event, data, retry, comments).
  function connect() {
    if (stream) stream.abort();
    var ac = new AbortController();
    stream = ac;
    var gen = ++streamGen;
    var retryMs = 3000;
    var h = headers();
    h.accept = 'text/event-stream';
    fetch('events', { headers: h, cache: 'no-store', signal: ac.signal }).then(function (r) {
      if (r.status === 401) { var e = new Error('unauthorized'); e.unauthorized = true; throw e; }
      if (!r.ok || !r.body) throw new Error('events: HTTP ' + r.status);
      var reader = r.body.getReader();
      var decoder = new TextDecoder();
      var buf = '';
      var ev = { type: '', data: [] };
      function line(l) {
        if (l.charAt(l.length - 1) === '\r') l = l.slice(0, -1);
        if (l === '') {
          if (ev.data.length > 0) dispatch(ev.type || 'message', ev.data.join('\n'));
          ev = { type: '', data: [] };
          return;
        }
        if (l.charAt(0) === ':') return;
        var i = l.indexOf(':');
        var field = i < 0 ? l : l.slice(0, i);
        var value = i < 0 ? '' : l.slice(i + 1);
        if (value.charAt(0) === ' ') value = value.slice(1);
        if (field === 'event') ev.type = value;
        else if (field === 'data') ev.data.push(value);
        else if (field === 'retry' && /^[0-9]+$/.test(value)) retryMs = Number(value);
      }
      function pump() {
        return reader.read().then(function (x) {
          if (x.done) return undefined;
          buf += decoder.decode(x.value, { stream: true });
          var lines = buf.split('\n');
          buf = lines.pop();
          lines.forEach(line);
          return pump();
        });
      }
      return pump();
    }).then(function () { closed(null); }, closed);
    function closed(e) {
      if (gen !== streamGen || ac.signal.aborted) return; // replaced or stopped on purpose
      if (e && e.unauthorized) { onError(e); return; } // retrying cannot help without the token
      if (state.mode === 'live') setStatus('reconnecting…', 'bad');
      setTimeout(function () { if (gen === streamGen) connect(); }, retryMs);
    }
  }

  function dispatch(type, data) {
    if (type === 'hello') {
      if (state.mode === 'live') loadLive().catch(onError);
    } else if (type === 'tick') {
      try { applyTick(JSON.parse(data)); } catch (e) { debug.errors.push(String(e)); }
    }
  }

  // ---- history ---------------------------------------------------------
  function alertFromRow(r) {
    return { key: JSON.stringify([r.rule, r.component, r.pid, r.fired_at_ms]), rule: r.rule, severity: r.severity, state: r.state,
      component: r.component, pid: r.pid, message: r.message || '', value: r.value, threshold: r.threshold,
      firedAtMs: r.fired_at_ms, resolvedAtMs: r.resolved_at_ms, tsMs: r.ts_ms };
  }

  function loadHistory(runId) {
    setStatus('loading ' + runId + '…');
    return getJson('api/runs/' + encodeURIComponent(runId)).then(function (h) {
      if (state.mode !== 'history' || debug.runId !== runId) return;
      state.components = new Map();
      h.components.forEach(function (c) { state.components.set(c.name, { series: c.series, pids: [], last: lastPoint(c.series) }); });
      state.host = null;
      state.hostSeries = h.host;
      state.hub = null;
      state.hubSeries = h.hub;
      state.gpus = [];
      state.alerts = new Map();
      h.alerts.forEach(function (r) { var a = alertFromRow(r); state.alerts.set(a.key, a); });
      state.source = h.source === 'raw' ? 'raw snapshots' : h.source === 'rollup' ? 'rollups_1m (per-minute averages)' : 'no samples stored';
      debug.source = h.source;
      setStatus('history of ' + runId + ' · ' + fmtDateTime(h.fromMs) + ' – ' + fmtTime(h.toMs) + ' · ' + state.source, 'history');
      scheduleRender();
    });
  }

  function lastPoint(series) {
    var p = { t: null };
    FIELDS.forEach(function (f) {
      var s = series[f];
      for (var i = s.v.length - 1; i >= 0; i--) if (s.v[i] !== null) { p[f] = s.v[i]; if (p.t === null || s.t[i] > p.t) p.t = s.t[i]; break; }
      if (p[f] === undefined) p[f] = null;
    });
    return p;
  }

  function loadRuns() {
    return getJson('api/runs').then(function (r) {
      var sel = el('run');
      var keep = sel.value;
      var opts = [new Option('live' + (r.live ? ' — ' + r.live : ''), '')];
      r.runs.forEach(function (run) {
        var label = run.runId + ' · ' + fmtDateTime(run.startedAtMs || run.firstTsMs) + (run.command ? ' · ' + run.command.slice(0, 60) : '') + (run.runId === r.live ? ' (this run)' : '');
        opts.push(new Option(label, run.runId));
      });
      sel.replaceChildren.apply(sel, opts);
      sel.value = keep;
      if (sel.value !== keep) sel.value = '';
      debug.runs = r.runs.length;
    });
  }

  function onError(e) {
    debug.errors.push(String(e && e.message || e));
    if (e && e.unauthorized) setStatus('unauthorized — open this page as /#token=<token>', 'bad');
    else setStatus('error: ' + (e && e.message || e), 'bad');
  }

  el('run').addEventListener('change', function (ev) {
    var v = ev.target.value;
    if (v === '') {
      state.mode = 'live';
      debug.mode = 'live';
      loadLive().catch(onError);
    } else {
      state.mode = 'history';
      debug.mode = 'history';
      debug.runId = v;
      loadHistory(v).catch(onError);
    }
  });
  el('run').addEventListener('focus', function () { loadRuns().catch(onError); });
  var resizeTimer = null;
  window.addEventListener('resize', function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () {
      Object.keys(charts).forEach(function (id) { var box = el('chart-' + id); charts[id].plot.setSize({ width: chartWidth(box), height: 200 }); });
    }, 150);
  });

  connect();
  loadRuns().catch(onError);
})();
`;
