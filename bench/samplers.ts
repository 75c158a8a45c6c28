// Sampler cost: CPU time per process per tick for runbus's /proc path, beside
// pidusage and systeminformation on the same sets of sleeping children
// (10, 100, 1000; --quick: 10, 100), in one process run; and the whole
// sampler (scheduler + pool, host figures on) at 1 s cadence monitoring 20
// processes (and 1000 in a full run) as % of one core, beside pidusage
// polling the same pids at the same cadence, each in a fresh process.
//
// CPU time, not wall time, is the cost: pidusage does its reads on libuv's
// thread pool and systeminformation in a `ps` child, so each figure counts
// every thread of this process plus reaped children (/proc/self/stat fields
// utime, stime, cutime, cstime; process.cpuUsage() where it is finer).
//
//   npm run build && node --import tsx bench/samplers.ts [--quick] [--sets=1000] [--per-process-only]
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, readSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pidusage from 'pidusage';
import si from 'systeminformation';
import { createProcessSampler, createProcessTree } from '../src/samplers/index.js';
import { cpuMs, median, quick, report } from './lib.js';
import type { BenchRow } from './lib.js';

// --sets=10,1000 picks the set sizes; --per-process-only leaves out the
// whole-sampler windows (for a quick look at one size).
const kSetsArg = process.argv.find((a) => a.startsWith('--sets='))?.slice('--sets='.length);
const kSets = kSetsArg !== undefined ? kSetsArg.split(',').map(Number) : quick ? [10, 100] : [10, 100, 1000];
const kPerProcessOnly = process.argv.includes('--per-process-only');
const kRounds = quick ? 3 : 5;
const kWholeMs = quick ? 1500 : 5000;
const kWholeReps = quick ? 1 : 3;
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
  await new Promise((r) => setTimeout(r, 200 + n));
  return pids;
}

/** CPU ms of this process and its reaped children (10 ms resolution). */
function cpuWithChildrenMs(): number {
  const s = readFileSync('/proc/self/stat', 'latin1');
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  // Fields 14..17 (utime stime cutime cstime) are at 11..14 after ")".
  return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * 10;
}

/**
 * CPU ms of another process: the sum of its threads' run time from
 * /proc/<pid>/task/<tid>/schedstat (nanoseconds; stat's utime/stime come in
 * 10 ms ticks, too coarse for a short window). No thread of the contenders
 * exits during a window.
 */
function cpuOfPidMs(pid: number): number {
  let ns = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'latin1').split(' ')[0]);
    } catch {
      // A thread that ended between the listing and the read.
    }
  }
  return ns / 1e6;
}

const kRoot = fileURLToPath(new URL('..', import.meta.url));

// The contender of one whole-sampler window, run with `node -e` from the
// repository root (it imports the compiled dist/). argv: mode, interval,
// pids. It warms up, says ready, runs until told to stop, then replies with
// its stats.
const kWholeChild = `
const [mode, intervalMs, list, warm] = process.argv.slice(1);
const pids = list.split(',').map(Number);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// Collect the warm-up's garbage now: otherwise V8's memory reducer runs full
// collections during the window, a cost of the warm-up, not of sampling.
const settle = () => { globalThis.gc(); globalThis.gc(); };
let stop = false;
let stats = {};
let done;
if (mode === 'runbus' || mode === 'all') {
  const { RunBus } = await import('./dist/bus/index.js');
  const { Topic } = await import('./dist/wire/index.js');
  const { createSampler } = await import('./dist/samplers/index.js');
  const bus = new RunBus();
  bus.subscribe([Topic.RESOURCE, Topic.HOST, Topic.LIFECYCLE], () => {});
  const sampler = createSampler({ bus, runId: 'bench', intervalMs: Number(intervalMs), gpu: false,
    statusEveryTicks: mode === 'all' ? 1 : 10, roots: pids.map((pid) => ({ pid, component: 'bench' })) });
  // Pool start-up and JIT warm-up are not steady-state cost.
  for (let i = 0; i < Number(warm); i++) await sampler.tickNow();
  settle();
  process.send('ready');
  sampler.start();
  done = async () => { stats = sampler.stats(); await sampler.close(); };
} else if (mode === 'pidusage') {
  const { default: pidusage } = await import('pidusage');
  for (let i = 0; i < 3; i++) await pidusage(pids);
  settle();
  process.send('ready');
  const loop = (async () => {
    while (!stop) {
      const t = performance.now();
      await pidusage(pids);
      await sleep(Math.max(0, Number(intervalMs) - (performance.now() - t)));
    }
  })();
  done = () => loop;
} else {
  const keep = setInterval(() => {}, 1 << 30);
  settle();
  process.send('ready');
  done = async () => clearInterval(keep);
}
process.on('message', async () => {
  stop = true;
  await done();
  process.send(stats);
});
`;

/** µs of CPU per process per tick, median of rounds. */
// The rounds of the last costPerProcess() call (its result is their median).
let lastRuns: number[] = [];

async function costPerProcess(pids: number[], ticksPerRound: number, tick: () => unknown, children = false, rounds = kRounds): Promise<number> {
  await tick(); // warm-up: first-sample paths, JIT
  const xs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const c0 = children ? cpuWithChildrenMs() : cpuMs();
    for (let t = 0; t < ticksPerRound; t++) await tick();
    const c1 = children ? cpuWithChildrenMs() : cpuMs();
    xs.push(((c1 - c0) * 1000) / (ticksPerRound * pids.length));
  }
  lastRuns = xs;
  return median(xs);
}

const rows: BenchRow[] = [];
const notes: string[] = [];

try {
  for (const n of kSets) {
    const pids = await spawnSleepers(n);
    const ticks = Math.max(10, Math.round(20_000 / n / (quick ? 8 : 1)));

    // runbus, every figure every tick (status, io and fds too), smaps_rollup every 10th.
    const proc = createProcessSampler({ smapsEveryTicks: 10, statusEveryTicks: 1, rareEveryTicks: 1 });
    const runbusTick = (): void => {
      const ts = Date.now();
      for (const pid of pids) proc.sample(pid, 'bench', 'bench', ts);
    };
    const everyUs = await costPerProcess(pids, ticks, runbusTick);
    const everyRuns = lastRuns;

    // runbus defaults: status (context switches) every 10th sample,
    // smaps_rollup every 60th; stat every tick; io and the fd count every
    // tick up to 100 pids, every 10th sample above.
    const defaults = createProcessSampler();
    const defaultsUs = await costPerProcess(pids, ticks, () => {
      const ts = Date.now();
      for (const pid of pids) defaults.sample(pid, 'bench', 'bench', ts);
    });
    const defaultsRuns = lastRuns;
    proc.close();
    defaults.close();

    // runbus with descendant discovery (ppid scan of /proc) on top.
    const proc2 = createProcessSampler();
    const tree = createProcessTree();
    tree.setRoots(new Map([[process.pid, 'bench']]));
    const treeTick = (): void => {
      tree.scan();
      const ts = Date.now();
      for (const pid of tree.members.keys()) proc2.sample(pid, 'bench', 'bench', ts);
    };
    const treeUs = await costPerProcess(pids, ticks, treeTick);
    const treeRuns = lastRuns;

    // The floor of any /proc reader: one read of /proc/<pid>/stat (the file
    // pidusage reads) per process through a kept descriptor, nothing parsed
    // or built. No sampler can cost less per process than this.
    const statFds = pids.map((pid) => openSync(`/proc/${pid}/stat`, 'r'));
    const floorBuf = Buffer.allocUnsafe(4096);
    const floorUs = await costPerProcess(pids, ticks, () => {
      for (const fd of statFds) readSync(fd, floorBuf, 0, 4096, 0);
    });
    const floorRuns = lastRuns;
    for (const fd of statFds) closeSync(fd);

    // pidusage on the same pids (cpu % and rss only).
    const pidusageUs = await costPerProcess(pids, Math.max(3, Math.round(ticks / 4)), () => pidusage(pids));
    const pidusageRuns = lastRuns;
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
      quick ? 1 : kRounds,
    );
    const siRuns = lastRuns;

    rows.push(
      {
        name: `per process per tick, defaults, ${n} sleeping children`,
        value: defaultsUs,
        runs: defaultsRuns,
        unit: 'µs CPU/process',
        better: 'lower',
        peer: 'pidusage',
        peerValue: pidusageUs,
        peerRuns: pidusageRuns,
        target: '<= 20 µs; >= 20x cheaper than pidusage',
        note: `runbus: stat each tick, io+fd count ${n > 100 ? '1 in 10' : 'each tick'}, status 1 in 10, smaps 1 in 60 (14 figures); pidusage: stat only (2 figures)`,
      },
      {
        name: `per process per tick, every figure every tick, ${n} children`,
        value: everyUs,
        runs: everyRuns,
        unit: 'µs CPU/process',
        better: 'lower',
        peer: 'pidusage',
        peerValue: pidusageUs,
        peerRuns: pidusageRuns,
        target: '<= 20 µs',
        note: 'statusEveryTicks 1, rareEveryTicks 1 (context switches, io and fds each tick)',
      },
      {
        name: `per process per tick, defaults, ${n} children`,
        value: defaultsUs,
        runs: defaultsRuns,
        unit: 'µs CPU/process',
        better: 'lower',
        peer: 'systeminformation processes()',
        peerValue: siUs,
        peerRuns: siRuns,
        note: 'si: ps child + /proc reads of every host process, divided by the set size',
      },
      {
        name: `floor: one read of /proc/<pid>/stat per process, nothing else, ${n} children`,
        value: floorUs,
        runs: floorRuns,
        unit: 'µs CPU/process',
        better: 'lower',
        peer: 'pidusage',
        peerValue: pidusageUs,
        peerRuns: pidusageRuns,
        note: 'the file pidusage reads, through a kept descriptor, unparsed: its ratio to pidusage bounds what any /proc reader can reach',
      },
      {
        name: `per process per tick incl. tree discovery, defaults, ${n} children`,
        value: treeUs,
        runs: treeRuns,
        unit: 'µs CPU/process',
        better: 'lower',
        peer: 'pidusage',
        peerValue: pidusageUs,
        peerRuns: pidusageRuns,
        note: 'readdir /proc + stat of new pids each tick, then the figures',
      },
      {
        name: `per process per tick, defaults, ${n} children, against the floor`,
        value: defaultsUs,
        runs: defaultsRuns,
        unit: 'µs CPU/process',
        better: 'lower',
        peer: 'floor: one read of /proc/<pid>/stat',
        peerValue: floorUs,
        peerRuns: floorRuns,
        ...(n === kSets[kSets.length - 1] ? { goal: { what: `per-process sampling vs the floor row, ${n} processes`, on: 'ratio' as const, max: 2 } } : {}),
        note: 'the floor is the least any /proc reader can do per process',
      },
    );
    process.stderr.write(
      `samplers: n=${n} defaults ${defaultsUs.toFixed(2)} µs, floor ${floorUs.toFixed(2)} µs, every figure ${everyUs.toFixed(2)} µs, +tree ${treeUs.toFixed(2)} µs, pidusage ${pidusageUs.toFixed(1)} µs, si ${siUs.toFixed(0)} µs per process per tick\n`,
    );
    killAll();
  }

  // The whole sampler at 1 s cadence: scheduler, pool thread, encode,
  // decode, publish, host figures. Each contender runs in a fresh node
  // process of its own (so nothing this bench did earlier, its garbage or
  // its children, is counted), and this process reads that one's CPU time
  // from its threads' schedstat over the window: runbus's sampler, pidusage polled
  // at the same cadence on the same pids, and an idle node as the baseline.
  const whole = async (n: number): Promise<{ runbus: number; peer: number; idle: number; all: number; runbusRuns: number[]; allRuns: number[]; peerRuns: number[] }> => {
    const pids = await spawnSleepers(n);
    const run = async (mode: 'idle' | 'runbus' | 'all' | 'pidusage'): Promise<number> => {
      const child = spawn(process.execPath, ['--expose-gc', '--input-type=module', '-e', kWholeChild, mode, String(kTickMs), pids.join(','), quick ? '5' : '20'], {
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
        cwd: kRoot,
      });
      children.push(child);
      await new Promise<void>((resolve, reject) => {
        child.once('message', () => {
          resolve();
        });
        child.once('exit', (code) => {
          reject(new Error(`whole-sampler child (${mode}) exited with ${code}`));
        });
      });
      const c0 = cpuOfPidMs(child.pid!);
      const t0 = performance.now();
      await new Promise((r) => setTimeout(r, kWholeMs));
      const pct = ((cpuOfPidMs(child.pid!) - c0) / (performance.now() - t0)) * 100;
      const stats = await new Promise<unknown>((resolve) => {
        child.once('message', resolve);
        child.send('stop');
      });
      if (mode === 'runbus' || mode === 'all') {
        const st = stats as { processes: number; errors: number; ticks: number };
        if (st.processes !== n || st.errors !== 0) notes.push(`whole sampler n=${n} ${mode}: ${JSON.stringify(st)}`);
      }
      child.kill('SIGKILL');
      return pct;
    };
    // On a shared machine one window is noise-prone: interleave the
    // contenders and take the median of each.
    const m = { idle: [] as number[], runbus: [] as number[], all: [] as number[], pidusage: [] as number[] };
    for (let rep = 0; rep < kWholeReps; rep++) {
      if (quick) {
        // --quick leaves out the every-figure variant and runs the others
        // side by side, to stay short.
        const modes = ['idle', 'runbus', 'pidusage'] as const;
        const got = await Promise.all(modes.map((mode) => run(mode)));
        for (const [i, mode] of modes.entries()) m[mode].push(got[i]!);
        continue;
      }
      for (const mode of ['idle', 'runbus', 'all', 'pidusage'] as const) m[mode].push(await run(mode));
    }
    killAll();
    const idle = median(m.idle);
    // Each rep's figure net of the same rep's idle node.
    const net = (xs: number[]): number[] => xs.map((x, i) => Math.max(0, x - (m.idle[i] ?? idle)));
    return { runbus: median(m.runbus) - idle, all: quick ? 0 : median(m.all) - idle, peer: median(m.pidusage) - idle, idle, runbusRuns: net(m.runbus), allRuns: net(m.all), peerRuns: net(m.pidusage) };
  };

  for (const n of kPerProcessOnly ? [] : quick ? [20] : [20, 1000]) {
    const w = await whole(n);
    rows.push({
      name: `whole sampler, defaults, 1 s cadence, ${n} processes`,
      value: Math.max(0, w.runbus),
      runs: w.runbusRuns,
      peerRuns: w.peerRuns,
      unit: '% of one core',
      better: 'lower',
      peer: 'pidusage at 1 Hz, same pids',
      peerValue: Math.max(0, w.peer),
      target: n === 1000 ? '<= 2 %' : undefined,
      note: `fresh process each; idle node baseline ${w.idle.toFixed(2)} % subtracted; median of ${kWholeReps} × ${kWholeMs / 1000} s windows`,
    });
    if (!quick) rows.push({
      name: `whole sampler, every figure every tick, 1 s cadence, ${n} processes`,
      value: Math.max(0, w.all),
      runs: w.allRuns,
      peerRuns: w.peerRuns,
      unit: '% of one core',
      better: 'lower',
      peer: 'pidusage at 1 Hz, same pids',
      peerValue: Math.max(0, w.peer),
      target: n === 1000 ? '<= 2 %' : undefined,
      note: 'statusEveryTicks 1 (io and fds still 1 in 10 above 100 pids: the rare cadence is not a hub setting)',
    });
    process.stderr.write(`samplers: whole n=${n} defaults ${w.runbus.toFixed(3)} %, every figure ${w.all.toFixed(3)} %, pidusage ${w.peer.toFixed(3)} %, idle ${w.idle.toFixed(3)} %\n`);
  }
} finally {
  killAll();
}

for (const n of notes) process.stderr.write(`samplers: ${n}\n`);
report('samplers', rows);
