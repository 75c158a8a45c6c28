// What remote write costs, into a real Prometheus (Debian package
// `prometheus`, --web.enable-remote-write-receiver; without it, a local HTTP
// sink that answers 204, named in the notes):
//  1. Steady cost at 20 processes, 1 s cadence: the remote-write thread as
//     the hub runs it (startRemoteWrite: its own thread, commits announced
//     after each store write, counters refreshed once a second like the
//     heartbeat does), its CPU read from /proc/self/task/<tid>/schedstat
//     over three 20 s windows, as % of one core; beside, in the same
//     windows, the same 20 processes' snapshots scraped from /metrics
//     (prom-client collector, text format) once a second; and, also in the
//     same windows, the floor: a thread of its own woken after each commit
//     that only reads every table's new rows from its cursor and POSTs a
//     body encoded beforehand (one steady pass's) to a local 204 sink.
//  2. Catch-up after a simulated 10-minute outage: a store holding 600 ticks
//     of 20 processes and the host, sent as fast as the writer goes (on this
//     thread); samples/s and CPU µs per sample; beside, the same samples
//     through the /metrics text renderer.
//  3. Encoding one steady pass's WriteRequest (the series of one 1 s tick of
//     20 processes and the host, as the writer sent them): the hand-written
//     encoder with its kept labels, beside protobufjs encoding the same
//     series, alternating rounds in this process.
//
//   npm run build && node --import tsx bench/remote-write.ts [--quick]
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createMetricsCollector } from '../src/export/index.js';
import { RunBus } from '../src/bus/index.js';
import { kSources, remoteWriteHeaders, RemoteWriter, resolveRemoteWriteOptions, snappyDecompress, startRemoteWrite } from '../src/remote-write/index.js';
import type { Series } from '../src/remote-write/index.js';
import { WriteRequestEncoder } from '../src/remote-write/encode.js';
import { prometheus } from '../src/remote-write/gen/remote.js';
import { encodeWriteRequestProtobufjs } from '../src/remote-write/request.js';
import type { RemoteWriterSettings, WriterEnv } from '../src/remote-write/index.js';
import { openStore } from '../src/store/index.js';
import { encodeBatchTransferable, Topic } from '../src/wire/index.js';
import type { Envelope } from '../src/wire/index.js';
import { resource } from '../support/samples.js';
import { PromServer } from '../support/prom-server.js';
import { cleanUp, loadAvg, tempDir } from './fixtures/harness.js';
import { cpuMs, fromRuns, median, quick, report } from './lib.js';
import type { BenchRow } from './lib.js';

const kProcesses = 20;
const kWindows = quick ? 1 : 3;
const kWindowS = quick ? 8 : 20;
const kOutageTicks = quick ? 120 : 600;
const log = (m: string): void => { process.stderr.write(`remote-write: ${m}\n`); };

function tick(tsMs: number, runId: string): Envelope[] {
  const out: Envelope[] = [];
  for (let p = 0; p < kProcesses; p++) {
    out.push({ topic: Topic.RESOURCE, payload: resource({ tsMs, runId, component: `worker-${p % 4}`, pid: 1000 + p, rssBytes: 1e8 + tsMs % 1e6 + p, cpuPercent: (tsMs / 1000 + p) % 100 }) });
  }
  out.push({
    topic: Topic.HOST,
    payload: { tsMs, runId, host: 'bench', cpuPercent: 12.5, memTotalBytes: 24e9, memAvailableBytes: 20e9, memPercent: 16.7, disks: [{ mount: '/', usedPercent: 40, freeBytes: 5e10, totalBytes: 1e11 }], load1: 0.5, load5: 0.4, load15: 0.3, cpuCount: 2 },
  });
  return out;
}

async function sink(): Promise<{ url: string; close(): Promise<void> }> {
  const s = createServer((req, res) => { req.resume(); req.on('end', () => { res.writeHead(204).end(); }); });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(s.address() as AddressInfo).port}/api/v1/write`, close: () => new Promise((r) => { s.close(() => { r(); }); }) };
}

function env(): WriterEnv {
  return {
    now: Date.now,
    sleep: (ms) => new Promise((r) => { setTimeout(r, ms); }),
    delay: (ms) => new Promise((r) => { setTimeout(r, ms); }),
    wake: () => {},
    random: Math.random,
    log,
  };
}

/** One steady pass's request body (a tick of 20 processes and the host), as the writer sends it. */
async function steadyBody(path: string, settings: RemoteWriterSettings): Promise<Uint8Array> {
  const store = await openStore({ path });
  await store.write(encodeBatchTransferable(tick(Date.now(), 'encode')));
  const db = new Database(path);
  let body: Uint8Array | undefined;
  const capture: WriterEnv = { ...env(), fetch: (_u, init) => { body = init.body; return Promise.resolve({ status: 204, headers: { get: () => null }, text: () => Promise.resolve('') }); } };
  await new RemoteWriter(db, { ...settings, targets: [{ url: 'http://capture.invalid/api/v1/write', auth: { kind: 'none' } }] }, capture).catchUp();
  db.close();
  await store.close();
  return body!;
}

// The floor thread: per message, each table's rows after its cursor, then one POST of the given body.
const kFloorWorker = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const Database = require(workerData.sqlite);
const db = new Database(workerData.path, { readonly: true });
const reads = workerData.sqls.map((q) => db.prepare(q));
const last = reads.map(() => 0);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const body = Buffer.from(workerData.body);
parentPort.on('message', () => {
  reads.forEach((st, i) => { const r = st.all(last[i], 2000); if (r.length > 0) last[i] = r[r.length - 1].rid; });
  const req = http.request(workerData.url, { method: 'POST', agent, headers: workerData.headers }, (res) => { res.resume(); });
  req.on('error', () => {});
  req.end(body);
});
parentPort.postMessage(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
`;

const dir = tempDir('rb-bench-rw-');
const haveProm = spawnSync('prometheus', ['--version']).status === 0;
let prom: PromServer | undefined;
let local: Awaited<ReturnType<typeof sink>> | undefined;
try {
  let url: string;
  if (haveProm) {
    prom = await PromServer.start(join(dir, 'prom'));
    url = prom.writeUrl;
  } else {
    local = await sink();
    url = local.url;
    log('prometheus not installed (Debian package "prometheus"): sending to a local 204 sink');
  }
  const receiver = haveProm ? 'Prometheus 2.42 receiver' : 'local 204 sink (no prometheus installed)';
  const settings = { ...resolveRemoteWriteOptions({ urls: [url], host: 'bench', hostId: 'bench', maxSamplesPerSecond: 100_000_000, maxRowsPerRequest: 2000 }), hostId: 'bench' };
  const rows: BenchRow[] = [];

  // ─── 1. steady: the writer's thread, as in the hub ───
  {
    const path = join(dir, 'steady.db');
    const store = await openStore({ path });
    const before = new Set(readdirSync('/proc/self/task'));
    const rw = await startRemoteWrite(path, { urls: [url], host: 'bench', hostId: 'bench' }, { warn: log }, 'bench');
    // The thread started for it (and any it started): what the hub pays for remote write.
    const tids = readdirSync('/proc/self/task').filter((t) => !before.has(t));
    const floorSink = await sink();
    const floorBody = await steadyBody(join(dir, 'floor.db'), settings);
    const floor = new Worker(kFloorWorker, {
      eval: true,
      workerData: { path, sqls: kSources.map((x) => x.sql), sqlite: createRequire(import.meta.url).resolve('better-sqlite3'), url: floorSink.url, headers: remoteWriteHeaders(), body: floorBody },
    });
    const floorTid = await new Promise<string>((r) => { floor.once('message', r); });
    const threadCpu = (of = tids): { ms: number; slices: number } => {
      let ns = 0;
      let slices = 0;
      for (const t of of) {
        try {
          const [a, , c] = readFileSync(`/proc/self/task/${t}/schedstat`, 'latin1').trim().split(' ').map(Number);
          ns += a ?? 0;
          slices += c ?? 0;
        } catch { /* exited */ }
      }
      return { ms: ns / 1e6, slices };
    };
    const bus = new RunBus();
    const collector = createMetricsCollector({ bus, withPid: true, staleAfterMs: 0 });
    let i = 0;
    const second = async (): Promise<number> => {
      const t = Date.now();
      const envs = tick(t, 'steady');
      await store.write(encodeBatchTransferable(envs));
      rw.kick();
      floor.postMessage(0);
      void rw.refresh();
      for (const e of envs) bus.publish(e.topic, e.payload);
      await new Promise((r) => setImmediate(r));
      const c = cpuMs();
      await collector.metricsText();
      const scrape = cpuMs() - c;
      i++;
      await new Promise((r) => setTimeout(r, Math.max(0, t + 1000 - Date.now())));
      return scrape;
    };
    for (let w = 0; w < 3; w++) await second();
    const runs: number[] = [];
    const peerRuns: number[] = [];
    const wakes: number[] = [];
    const floorRuns: number[] = [];
    const load0 = loadAvg();
    for (let w = 0; w < kWindows; w++) {
      const a = threadCpu();
      const fa = threadCpu([floorTid]);
      const t0 = performance.now();
      let scrapeMs = 0;
      for (let k = 0; k < kWindowS; k++) scrapeMs += await second();
      const wallS = (performance.now() - t0) / 1000;
      const b = threadCpu();
      floorRuns.push((threadCpu([floorTid]).ms - fa.ms) / 10 / wallS);
      runs.push((b.ms - a.ms) / 10 / wallS);
      peerRuns.push(scrapeMs / 10 / wallS);
      wakes.push((b.slices - a.slices) / wallS);
    }
    const st = (await rw.refresh()).targets[0]!;
    rows.push({
      name: `steady cost, ${kProcesses} processes at 1 s (remote-write thread)`, ...fromRuns(runs), unit: '% of one core', better: 'lower',
      peer: '/metrics scrape at 1 s (prom-client, pid labels)', peerValue: median(peerRuns), peerRuns, target: '<= 0.1',
      goal: { what: `remote write steady cost, ${kProcesses} processes at 1 s`, on: 'value', max: 0.1 },
      note: `${(st.samplesSent / i).toFixed(0)} samples/s in ${st.requestsSent} requests over ${i} s (${(st.requestsSent / i).toFixed(2)}/s) into ${receiver}; ` +
        `thread timeslices ${median(wakes).toFixed(1)}/s; ${kWindows} windows of ${kWindowS} s; load ${load0} before, ${loadAvg()} after`,
    });
    rows.push({
      name: 'steady floor: a thread that only reads the new rows and POSTs a body encoded beforehand', ...fromRuns(floorRuns), unit: '% of one core', better: 'lower',
      peer: 'the remote-write thread, same windows', peerValue: median(runs), peerRuns: runs,
      note: `woken after each commit by a message; each table read from its cursor; one POST of ${floorBody.length} bytes to a local 204 sink (its answer is read)`,
    });
    await floor.terminate();
    await floorSink.close();
    await rw.close();
    await collector.close();
    await store.close();
  }

  // ─── 2. catch-up after a simulated outage ───
  {
    const path = join(dir, 'outage.db');
    const store = await openStore({ path });
    const t0 = Date.now() - kOutageTicks * 1000;
    for (let i = 0; i < kOutageTicks; i += 50) {
      const envs: Envelope[] = [];
      for (let k = i; k < Math.min(kOutageTicks, i + 50); k++) envs.push(...tick(t0 + k * 1000, 'outage'));
      await store.write(encodeBatchTransferable(envs));
    }
    const db = new Database(path);
    db.pragma('synchronous = NORMAL');
    const w = new RemoteWriter(db, settings, env());
    const c0 = cpuMs();
    const t = performance.now();
    await w.catchUp();
    const wallS = (performance.now() - t) / 1000;
    const cpu = cpuMs() - c0;
    const sent = w.stats()[0]!.samplesSent;
    // Peer: the same samples rendered as /metrics text (one scrape per tick of data).
    const bus = new RunBus({ });
    const collector = createMetricsCollector({ bus, withPid: true, staleAfterMs: 0, capacity: 100_000 });
    let peerCpu = 0;
    let peerSamples = 0;
    for (let i = 0; i < kOutageTicks; i++) {
      for (const e of tick(t0 + i * 1000, 'outage')) bus.publish(e.topic, e.payload);
      await new Promise((r) => setImmediate(r));
      const c = cpuMs();
      const text = await collector.metricsText();
      peerCpu += cpuMs() - c;
      peerSamples += text.split('\n').filter((l) => l.startsWith('runbus_process_') || l.startsWith('runbus_host_')).length;
    }
    rows.push({
      name: `catch-up after a ${kOutageTicks / 60}-minute outage (${kProcesses} processes + host at 1 s)`, value: sent / wallS, unit: 'samples/s', better: 'higher',
      peer: '/metrics text render of the same samples', peerValue: peerSamples / (peerCpu / 1000), target: '>= 50000',
      note: `${sent} samples in ${wallS.toFixed(1)} s into ${receiver}; ${((cpu * 1000) / sent).toFixed(2)} µs CPU per sample (peer ${((peerCpu * 1000) / peerSamples).toFixed(2)})`,
    });
    if (prom !== undefined) {
      const n = await prom.query('count_over_time(runbus_process_resident_memory_bytes{run_id="outage",pid="1000"}[1h])');
      log(`server holds ${n[0]?.value[1] ?? 0} samples of one series (of ${kOutageTicks})`);
    }
    await collector.close();
    db.close();
    await store.close();
  }
  // ─── 3. encoding one steady pass: hand-written (kept labels) vs protobufjs ───
  {
    const body = await steadyBody(join(dir, 'encode.db'), settings);
    const req = prometheus.WriteRequest.decode(snappyDecompress(body));
    const series: Series[] = req.timeseries.map((t) => ({
      labels: (t.labels ?? []).map((l): [string, string] => [l.name ?? '', l.value ?? '']),
      samples: (t.samples ?? []).map((x) => ({ value: x.value ?? 0, timestampMs: Number(x.timestamp) })),
    }));
    const keys = series.map((x) => x.labels.map(([k, v]) => `${k}\u0001${v}`).join('\u0000'));
    const enc = new WriteRequestEncoder();
    const next = (k: number): void => {
      for (const x of series) for (const y of x.samples) { y.value += 1; y.timestampMs = 1_700_000_000_000 + k * 1000; }
    };
    const kIter = quick ? 200 : 1000;
    const ours: number[] = [];
    const theirs: number[] = [];
    let sink = 0;
    for (let r = 0; r < (quick ? 3 : 7); r++) {
      let t = performance.now();
      for (let k = 0; k < kIter; k++) { next(k); sink += enc.encode(series, [], keys).length; }
      ours.push(((performance.now() - t) * 1000) / kIter);
      t = performance.now();
      for (let k = 0; k < kIter; k++) { next(k); sink += encodeWriteRequestProtobufjs(series).length; }
      theirs.push(((performance.now() - t) * 1000) / kIter);
    }
    rows.push({
      name: `WriteRequest encode, one steady pass (${series.length} series)`, ...fromRuns(ours), unit: 'µs per pass', better: 'lower',
      peer: 'protobufjs (compiled proto/remote.proto), same series', peerValue: median(theirs), peerRuns: theirs,
      note: `${enc.encode(series, [], keys).length} bytes, ${body.length} after snappy; ${kIter} passes a round, rounds alternating; sample values change each pass (${sink > 0 ? 'checked' : ''})`,
    });
  }
  report('remote-write', rows);
} finally {
  await prom?.stop();
  await local?.close();
  cleanUp();
}
