// The dashboard page. No inline script or style (the Content-Security-Policy
// forbids both): the markup loads app.css, uPlot and the page script
// (js/app.js, an ES module; page-assets.ts puts a modulepreload link for each
// of its imports at <!-- preload -->) from the same server. Relative URLs,
// so the page also works behind a path prefix.

export const kPageHtml = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>runbus dashboard</title>
<link rel="stylesheet" href="vendor/uplot.min.css">
<link rel="stylesheet" href="app.css">
<script src="vendor/uplot.min.js" defer></script>
<script type="module" src="js/app.js"></script>
<!-- preload -->
</head>
<body>
<header>
  <h1>runbus</h1>
  <label for="run">Run</label>
  <select id="run"><option value="">live</option></select>
  <span id="host-info" class="host-info"></span>
  <span id="status" class="status">loading…</span>
</header>
<main>
  <section class="card" id="card-cpu"><h2>CPU % per component <small>(100 = one core)</small></h2><div class="chart" id="chart-cpu" data-points="0"></div></section>
  <section class="card" id="card-rss"><h2>Resident memory per component</h2><div class="chart" id="chart-rss" data-points="0"></div></section>
  <section class="card hidden" id="card-lagP99"><h2>Event-loop lag p99 <small>(Node processes)</small></h2><div class="chart" id="chart-lagP99" data-points="0"></div></section>
  <section class="card hidden" id="card-runtime"><h2>Node runtime</h2>
    <h3>Heap used per component <small>(dashed: heap total)</small></h3><div class="chart" id="chart-heap" data-points="0"></div>
    <h3>GC pause per component <small>(ms per second, every kind)</small></h3><div class="chart" id="chart-gcRate" data-points="0"></div>
  </section>
  <section class="card hidden" id="card-gpuUtil"><h2>GPU utilisation %</h2><div class="chart" id="chart-gpuUtil" data-points="0"></div></section>
  <section class="card hidden" id="card-gpuMem"><h2>GPU memory</h2><div class="chart" id="chart-gpuMem" data-points="0"></div></section>
  <section class="card full hidden" id="card-containers"><h2>Containers</h2>
    <div class="trio">
      <div><h3>Active containers</h3><div class="chart" id="chart-containersActive" data-points="0"></div></div>
      <div><h3>CPU % per container <small>(100 = one core)</small></h3><div class="chart" id="chart-containersCpu" data-points="0"></div></div>
      <div><h3>Memory per container</h3><div class="chart" id="chart-containersMem" data-points="0"></div></div>
    </div>
    <table id="containers"><thead><tr><th>name</th><th>image</th><th class="num">cpu %</th><th class="num">mem</th><th class="num">limit</th><th class="num">pids</th><th>status</th><th>orphan / cleaned</th></tr></thead><tbody></tbody></table>
  </section>
  <section class="card" id="card-host"><h2>Host</h2><div class="chart" id="chart-host" data-points="0"></div><dl class="kv" id="host-kv"></dl></section>
  <section class="card full" id="card-components"><h2>Components</h2>
    <table id="components"><thead><tr><th>component</th><th>pids</th><th class="num">cpu %</th><th class="num">rss</th><th class="num">gpu %</th><th class="num">gpu mem</th><th class="num">lag p99</th><th>last sample</th></tr></thead><tbody></tbody></table>
  </section>
  <section class="card full" id="card-alerts"><h2>Alerts <small id="alert-count"></small></h2>
    <table id="alerts"><thead><tr><th>state</th><th>severity</th><th>rule</th><th>component</th><th>message</th><th class="num">value</th><th>fired</th><th>resolved</th></tr></thead><tbody></tbody></table>
  </section>
  <details class="card full" id="card-hub"><summary><h2>Hub internals</h2> <small id="hub-summary"></small></summary>
    <div class="chart" id="chart-hub" data-points="0"></div><dl class="kv" id="hub-kv"></dl>
  </details>
</main>
</body>
</html>
`;

export const kPageCss = `
:root { --fg: #1d2330; --muted: #6b7385; --bg: #f4f5f8; --card: #fff; --line: #e3e6ec; --firing: #c62828; --resolved: #2e7d32; --warn: #ef6c00; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
header { display: flex; align-items: center; gap: 12px; padding: 10px 16px; background: #1d2330; color: #fff; position: sticky; top: 0; z-index: 10; line-height: 1; }
header h1 { font-size: 18px; line-height: 1; margin: 0 16px 0 0; letter-spacing: .5px; }
header label { font-size: 13px; color: #cfd5e2; }
header select { max-width: 60ch; padding: 3px 6px; font: inherit; font-size: 13px; }
.host-info { font-size: 13px; color: #cfd5e2; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; min-width: 0; flex: 0 1 auto; }
.host-info b { color: #fff; font-weight: 600; }
.status { margin-left: auto; font-size: 13px; color: #cfd5e2; white-space: nowrap; }
.status.live::before { content: "● "; color: #4caf50; }
.status.bad::before { content: "● "; color: #ff7043; }
main { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 12px; padding: 12px 16px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; min-width: 0; }
.card.full { grid-column: 1 / -1; }
.card h2 { font-size: 14px; margin: 0 0 6px; font-weight: 600; }
.card h3 { font-size: 13px; margin: 0 0 4px; font-weight: 500; }
.card h3 small { font-weight: 400; color: var(--muted); }
.trio { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 12px; margin-bottom: 8px; }
details.card > summary { cursor: pointer; list-style-position: inside; }
details.card > summary h2 { display: inline; margin: 0; }
details.card > summary small { color: var(--muted); }
details.card[open] > summary { margin-bottom: 6px; }
.card h2 small { font-weight: 400; color: var(--muted); }
.chart { min-height: 40px; }
.chart .empty { color: var(--muted); padding: 16px 0; }
.hidden { display: none; }
table { width: 100%; border-collapse: collapse; font-size: 13px; }
th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: anywhere; }
th { color: var(--muted); font-weight: 500; }
th.num, td.num { text-align: right; }
td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
td.warn { color: var(--warn); }
.badge { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 12px; color: #fff; }
.badge.firing { background: var(--firing); }
.badge.resolved { background: var(--resolved); }
.badge.unspecified { background: var(--muted); }
.sev-critical { color: var(--firing); font-weight: 600; }
.sev-warning { color: var(--warn); }
dl.kv { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 8px 0 0; font-size: 13px; }
dl.kv dt { color: var(--muted); }
dl.kv dd { margin: 0; font-variant-numeric: tabular-nums; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; vertical-align: middle; }
.uplot { font-family: inherit; }
@media (max-width: 900px) { main, .trio { grid-template-columns: 1fr; } }
`;
