// Which thread should own the tick timer: a two-thread model of the hub's
// tick, with the same work in the worker either way (20 reads of a small
// /proc file, a 2 KiB buffer moved back), driven by the main thread's timer
// and a message to the worker ('main', as the hub does it) or by a timer in
// the worker with the main thread only receiving ('worker'). Two processes
// of each run side by side and are measured from outside in the same
// windows (/proc/<pid>/task/*/schedstat), main thread, worker and all
// threads. A diagnostic, not a target: it prints a table and writes nothing.
//
//   node --import tsx bench/tick-driver.ts [warmS] [windowS] [windows]
import { spawn } from 'node:child_process';
import { cleanUp, loadAvg, taskCpu, track } from './fixtures/harness.js';
import type { TaskCpu } from './fixtures/harness.js';

// The model, run as `node -e <kModel> <mode>`.
const kModel = `
const { Worker, MessageChannel } = require('node:worker_threads');
const mode = process.argv[1];
const w = new Worker(\`
  const { parentPort } = require('node:worker_threads');
  const { readFileSync } = require('node:fs');
  parentPort.once('message', ({ port, mode }) => {
    const work = () => {
      let s = 0;
      for (let i = 0; i < 20; i++) s += readFileSync('/proc/self/stat').length;
      const ab = new ArrayBuffer(2048);
      port.postMessage({ ab, s }, [ab]);
    };
    if (mode === 'worker') setInterval(work, 1000); else port.on('message', work);
  });\`, { eval: true });
const { port1, port2 } = new MessageChannel();
w.postMessage({ port: port2, mode }, [port2]);
let got = 0;
port1.on('message', (m) => { got += m.s; });
if (mode === 'main') setInterval(() => { port1.postMessage({ roots: null, tsMs: Date.now() }); }, 1000);
`;

const warmMs = Number(process.argv[2] ?? 60) * 1000;
const windowMs = Number(process.argv[3] ?? 60) * 1000;
const windows = Number(process.argv[4] ?? 3);
if (!(warmMs >= 0) || !(windowMs > 0) || !Number.isInteger(windows) || windows < 1) {
  process.stderr.write('usage: node --import tsx bench/tick-driver.ts [warmS >= 0] [windowS > 0] [windows >= 1]\n');
  process.exit(2);
}

function row(label: string, a: TaskCpu, b: TaskCpu, wallMs: number): string {
  const pct = (ns: number): string => ((ns / 1e6 / wallMs) * 100).toFixed(3);
  const thread = (k: string): string => {
    const t = b.threads.get(k);
    const s = a.threads.get(k);
    return t === undefined || s === undefined ? '?' : `${pct(t.cpuNs - s.cpuNs)} % ${(((t.slices - s.slices) / wallMs) * 1000).toFixed(1)}/s`;
  };
  // The worker is the busiest thread but the main one.
  let worker = '';
  let most = -1;
  for (const [k, t] of b.threads) {
    const d = t.cpuNs - (a.threads.get(k)?.cpuNs ?? 0);
    if (k !== 'main' && d > most) {
      most = d;
      worker = k;
    }
  }
  return `${label.padEnd(8)} main ${thread('main').padEnd(18)} worker ${thread(worker).padEnd(18)} all ${pct(b.cpuNs - a.cpuNs)} %`;
}

try {
  const modes = ['main', 'worker', 'main', 'worker'];
  const procs = modes.map((m) => track(spawn(process.execPath, ['-e', kModel, m], { stdio: 'ignore' })));
  await new Promise((r) => setTimeout(r, warmMs));
  for (let w = 0; w < windows; w++) {
    const l0 = loadAvg();
    const t0 = performance.now();
    const a = procs.map((p) => taskCpu(p.pid!, { byTid: true }));
    await new Promise((r) => setTimeout(r, windowMs));
    const b = procs.map((p) => taskCpu(p.pid!, { byTid: true }));
    const wall = performance.now() - t0;
    process.stdout.write(`window ${w + 1}/${windows}, ${(wall / 1000).toFixed(1)} s, load ${l0} → ${loadAvg()}\n`);
    for (const [i, m] of modes.entries()) process.stdout.write(`${row(m, a[i]!, b[i]!, wall)}\n`);
  }
  for (const p of procs) p.kill();
} finally {
  cleanUp();
}
