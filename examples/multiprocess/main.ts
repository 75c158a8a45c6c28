// The multi-process example: a parent app starts a hub, forks three workers
// (CPU-heavy, growing memory, idle) that embed the bus, subscribes to
// RESOURCE and prints a live line per component; at the end it reads the
// history back from the SQLite file.
//   npm run demo                      (about 10 s)
//   npm run demo -- --seconds 4 --json --db /tmp/x.db
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createHub, openReader, Topic } from '../../src/index.js';
import type { ResourceSnapshot } from '../../src/index.js';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    db: { type: 'string', default: './runbus.db' },
    json: { type: 'boolean', default: false },
  },
});
const seconds = Number(args.seconds);
const socket = join(mkdtempSync(join(tmpdir(), 'runbus-demo-')), 'hub.sock');
const hub = await createHub({ db: args.db, socket, intervalMs: 500, self: 'app', command: 'examples/multiprocess', gpu: false });

// Latest snapshot per pid (a worker is first seen as a child of the app,
// then under the component it announces when it connects).
const latest = new Map<number, ResourceSnapshot>();
const seenPids = new Map<string, number>();
hub.bus.subscribe(Topic.RESOURCE, (s) => {
  latest.set(s.pid, s);
  seenPids.set(s.component, s.pid);
}, { name: 'console' });
let metrics = 0;
hub.bus.subscribe(Topic.METRIC, () => { metrics++; }, { name: 'metric-count' });

// `npm run demo` runs the compiled JavaScript (dist-examples/): the workers
// are plain node processes then. Run as TypeScript (tsx), they need tsx too.
const here = import.meta.dirname;
const compiled = import.meta.filename.endsWith('.js');
const workers: ChildProcess[] = ['cpu', 'mem', 'idle'].map((kind) =>
  fork(join(here, compiled ? 'worker.js' : 'worker.ts'), [kind, socket, hub.runId], { execArgv: compiled ? [] : ['--import', 'tsx'], stdio: 'inherit' }));

const mib = (b: number | null | undefined) => (b == null ? '   –  ' : (b / 2 ** 20).toFixed(1).padStart(6));
const pct = (p: number | null | undefined) => (p == null ? '   – ' : p.toFixed(1).padStart(5));
const tty = process.stdout.isTTY && !args.json;
let drawn = 0;
function draw(): void {
  const fresh = Date.now() - 1500;
  const rows = [...latest.values()].filter((s) => s.tsMs >= fresh).sort((a, b) => a.component.localeCompare(b.component));
  const lines = rows.map((s) => `${s.component.padEnd(12)} pid ${String(s.pid).padEnd(7)} cpu ${pct(s.cpuPercent)} %  rss ${mib(s.rssBytes)} MiB  threads ${s.threads ?? '–'}`);
  lines.push(`metrics received: ${metrics}   rows written: ${hub.stats().store?.rowsWritten ?? 0}`);
  if (tty && drawn > 0) process.stdout.write(`\x1b[${drawn}A`);
  for (const l of lines) process.stdout.write(tty ? `\x1b[2K${l}\n` : `${l}\n`);
  if (!tty) process.stdout.write('\n');
  drawn = lines.length;
}
if (!args.json) console.log(`runbus demo: run ${hub.runId}, ${seconds} s, database ${args.db}`);
const ticker = setInterval(() => { if (!args.json) draw(); }, 1000);

// The clock starts once every worker is sampled (a worker starts in a second
// or two; on a busy machine it can take longer).
const kWorkers = ['cpu-worker', 'mem-worker', 'idle-worker'];
const startBy = Date.now() + 30_000;
while (!kWorkers.every((c) => seenPids.has(c)) && Date.now() < startBy) await new Promise((r) => setTimeout(r, 100));
await new Promise((r) => setTimeout(r, seconds * 1000));
clearInterval(ticker);
await Promise.all(workers.map((w) => new Promise((r) => { w.once('exit', r); w.send('stop'); })));
await hub.close({ exitCode: 0 });

const reader = openReader(args.db);
const perComponent: Record<string, number> = {};
for (const row of reader.snapshots({ runId: hub.runId })) perComponent[row.component] = (perComponent[row.component] ?? 0) + 1;
const storedMetrics = reader.metrics({ runId: hub.runId }).length;
reader.close();
const summary = { runId: hub.runId, sampler: hub.stats().sampler, components: Object.fromEntries(seenPids), snapshotsStored: perComponent, metricsReceived: metrics, metricsStored: storedMetrics };
if (args.json) console.log(JSON.stringify(summary));
else {
  draw();
  console.log(`\nstored: ${Object.entries(perComponent).map(([c, n]) => `${c} ${n}`).join(', ')}; ${storedMetrics} metric samples`);
  console.log(`history: sqlite3 ${args.db} "select component, count(*), max(rss_bytes) from snapshots where run_id = '${hub.runId}' group by 1"`);
}
