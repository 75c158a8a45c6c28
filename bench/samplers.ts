// Sampler cost: CPU time per process per tick for runbus's /proc path, beside
// pidusage and systeminformation on the same sets of sleeping children
// (10, 100, 1000; --quick: 10, 100), in one process run; and the whole
// sampler (scheduler + pool, host figures on) at 1 s cadence monitoring 20
// processes (and 1000 in a full run) as % of one core, beside pidusage
// polling the same pids at the same cadence.
//
// CPU time, not wall time, is the cost: pidusage does its reads on libuv's
// thread pool and systeminformation in a `ps` child, so each figure counts
// every thread of this process plus reaped children (/proc/self/stat fields
// utime, stime, cutime, cstime; process.cpuUsage() where it is finer).
//
//   npm run build && node --import tsx bench/samplers.ts [--quick]
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import pidusage from 'pidusage';
import si from 'systeminformation';
import { RunBus } from '../src/bus/index.js';
import { Topic } from '../src/wire/index.js';
import { createProcessSampler, createProcessTree, createSampler } from '../src/samplers/index.js';
import { cpuMs, median, quick, report } from './lib.js';
import type { BenchRow } from './lib.js';

const kSets = quick ? [10, 100] : [10, 100, 1000];
const kRounds = quick ? 3 : 5;
const kWholeMs = quick ? 2500 : 8000;
const kTickMs = 1000;

const children: ChildProcess[] = [];
function killAll(): void {
  for (const c of children.splice(0)) {
    if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  }
}
process.on('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    killAll();
    process.exit(130);
  });
}

async function spawnSleepers(n: number): Promise<number[]> {
  const pids: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = spawn('sleep', ['600'], { stdio: 'ignore' });
    children.push(c);
    pids.push(c.pid!);
    if (i % 50 === 49) await new Promise((r) => setImmediate(r));
  }
  // Let every child finish exec() so all three tools see `sleep`.
  await new Promise((r) => setTimeout(r, 300 + n));
  return pids;
}

/** CPU ms of this process and its reaped children (10 ms resolution). */
function cpuWithChildrenMs(): number {
  const s = readFileSync('/proc/self/stat', 'latin1');
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  // Fields 14..17 (utime stime cutime cstime) are at 11..14 after ")".
  return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * 10;
}

/** µs of CPU per process per tick, median of rounds. */
async function costPerProcess(pids: number[], ticksPerRound: number, tick: () => unknown, children = false): Promise<number> {
  await tick(); // warm-up: first-sample paths, JIT
  const xs: number[] = [];
  for (let r = 0; r < kRounds; r++) {
    const c0 = children ? cpuWithChildrenMs() : cpuMs();
    for (let t = 0; t < ticksPerRound; t++) await tick();
    const c1 = children ? cpuWithChildrenMs() : cpuMs();
    xs.push(((c1 - c0) * 1000) / (ticksPerRound * pids.length));
  }
  return median(xs);
}

const rows: BenchRow[] = [];
const notes: string[] = [];

try {
  for (const n of kSets) {
    const pids = await spawnSleepers(n);
    const ticks = Math.max(10, Math.round(20_000 / n / (quick ? 4 : 1)));

    // runbus: every figure, smaps_rollup every 10th sample (the default).
    const proc = createProcessSampler({ smapsEveryTicks: 10 });
    const runbusTick = (): void => {
      const ts = Date.now();
      for (const pid of pids) proc.sample(pid, 'bench', 'bench', ts);
    };
    const runbusUs = await costPerProcess(pids, ticks, runbusTick);

    // runbus lean: status (context switches) and smaps_rollup every 10th
    // sample; stat, io and the fd count every tick.
    const lean = createProcessSampler({ smapsEveryTicks: 10, statusEveryTicks: 10 });
    const leanUs = await costPerProcess(pids, ticks, () => {
      const ts = Date.now();
      for (const pid of pids) lean.sample(pid, 'bench', 'bench', ts);
    });
    proc.close();
    lean.close();

    // runbus with descendant discovery (ppid scan of /proc) on top.
    const proc2 = createProcessSampler({ smapsEveryTicks: 10 });
    const tree = createProcessTree();
    tree.setRoots(new Map([[process.pid, 'bench']]));
    const treeTick = (): void => {
      tree.scan();
      const ts = Date.now();
      for (const pid of tree.members.keys()) proc2.sample(pid, 'bench', 'bench', ts);
    };
    const treeUs = await costPerProcess(pids, ticks, treeTick);

    // pidusage on the same pids (cpu % and rss only).
    const pidusageUs = await costPerProcess(pids, Math.max(3, Math.round(ticks / 4)), () => pidusage(pids));
    pidusage.clear();

    // systeminformation: processes() spawns ps and reads every process on
    // the host; the cost is divided over our pids only.
    // It returns its cached result when called again within 500 ms, so the
    // calls are spaced (the wait is idle time, not counted as CPU).
    const siTicks = quick ? 1 : 2;
    const siUs = await costPerProcess(
      pids,
      siTicks,
      async () => {
        await new Promise((r) => setTimeout(r, 520));
        await si.processes();
      },
      true,
    );

    rows.push(
      {
        name: `per process per tick, ${n} sleeping children`,
        value: runbusUs,
        unit: 'µs CPU/process',
        better: 'lower',
        peer: 'pidusage',
        peerValue: pidusageUs,
        target: '<= 20 µs; >= 20x cheaper than pidusage',
        note: 'runbus reads stat+status+io+fd count (+smaps 1/10); pidusage reads stat only',
      },
      {
        name: `per process per tick, lean (status+smaps 1/10), ${n} children`,
        value: leanUs,
        unit: 'µs CPU/process',
        better: 'lower',
        peer: 'pidusage',
        peerValue: pidusageUs,
        target: '<= 20 µs',
        note: 'statusEveryTicks 10: ctx switches on 1 tick in 10',
      },
      {
        name: `per process per tick, ${n} children, vs systeminformation`,
        value: runbusUs,
        unit: 'µs CPU/process',
        better: 'lower',
        peer: 'systeminformation processes()',
        peerValue: siUs,
        note: 'si: ps child + /proc reads of every host process, divided by the set size',
      },
      {
        name: `per process per tick incl. tree discovery, ${n} children`,
        value: treeUs,
        unit: 'µs CPU/process',
        better: 'lower',
        peer: 'pidusage',
        peerValue: pidusageUs,
        note: 'readdir /proc + stat of new pids, then every figure',
      },
    );
    process.stderr.write(
      `samplers: n=${n} runbus ${runbusUs.toFixed(2)} µs, lean ${leanUs.toFixed(2)} µs, +tree ${treeUs.toFixed(2)} µs, pidusage ${pidusageUs.toFixed(1)} µs, si ${siUs.toFixed(0)} µs per process per tick\n`,
    );
    killAll();
  }

  // The whole sampler at 1 s cadence: scheduler, pool thread, encode,
  // decode, publish, host figures; this process's total CPU over the window
  // minus the same window idle.
  const whole = async (n: number): Promise<{ runbus: number; peer: number; idle: number }> => {
    const pids = await spawnSleepers(n);
    const window = async (fn: () => Promise<void>): Promise<number> => {
      const c0 = cpuMs();
      const t0 = performance.now();
      await fn();
      return ((cpuMs() - c0) / (performance.now() - t0)) * 100;
    };
    const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
    // Let the reaping of the previous phase's children finish first.
    await sleep(1000);
    const idle = await window(() => sleep(kWholeMs));

    const bus = new RunBus();
    let published = 0;
    bus.subscribe([Topic.RESOURCE, Topic.HOST, Topic.LIFECYCLE], () => {
      published++;
    });
    const sampler = createSampler({ bus, runId: 'bench', intervalMs: kTickMs, gpu: false, roots: pids.map((pid) => ({ pid, component: 'bench' })) });
    // Pool start-up and the worker's JIT warm-up are not steady-state cost.
    for (let i = 0; i < 20; i++) await sampler.tickNow();
    const runbus = await window(async () => {
      sampler.start();
      await sleep(kWholeMs);
    });
    const st = sampler.stats();
    await sampler.close();
    if (st.processes !== n || st.errors !== 0 || published === 0) notes.push(`whole sampler n=${n}: ${JSON.stringify(st)}`);

    for (let i = 0; i < 3; i++) await pidusage(pids);
    const peer = await window(async () => {
      const end = performance.now() + kWholeMs;
      while (performance.now() < end) {
        const t = performance.now();
        await pidusage(pids);
        await sleep(Math.max(0, kTickMs - (performance.now() - t)));
      }
    });
    pidusage.clear();
    killAll();
    return { runbus: runbus - idle, peer: peer - idle, idle };
  };

  for (const n of quick ? [20] : [20, 1000]) {
    const w = await whole(n);
    rows.push({
      name: `whole sampler, 1 s cadence, ${n} processes`,
      value: Math.max(0, w.runbus),
      unit: '% of one core',
      better: 'lower',
      peer: 'pidusage at 1 Hz, same pids',
      peerValue: Math.max(0, w.peer),
      target: n === 1000 ? '<= 2 %' : undefined,
      note: `idle process baseline ${w.idle.toFixed(2)} % subtracted; ${kWholeMs / 1000} s window`,
    });
    process.stderr.write(`samplers: whole n=${n} runbus ${w.runbus.toFixed(3)} %, pidusage ${w.peer.toFixed(3)} %, idle ${w.idle.toFixed(3)} %\n`);
  }
} finally {
  killAll();
}

for (const n of notes) process.stderr.write(`samplers: ${n}\n`);
report('samplers', rows);
