// How the cost of `runbus run --quiet` changes with its age: two command
// lines of the same build around n sleeping processes each, one started
// `age` seconds before the other, and the pidusage loop, measured from
// outside in the same windows (/proc/<pid>/task/*/schedstat). V8 optimises a
// once-a-second tick's code over minutes, on its helper threads; this shows
// how much of a young command line's cost that is (lib.ts, kSteadyMs). A
// diagnostic, not a target: it prints a table and writes nothing.
//
//   npm run build && node --import tsx bench/age.ts [processes] [ageS] [windows] [windowS]
import { cleanUp, loadAvg, spawnSleepers, startCli, startContender, taskCpu, tempDir } from './fixtures/harness.js';

const n = Number(process.argv[2] ?? 20);
const ageMs = Number(process.argv[3] ?? 300) * 1000;
const windows = Number(process.argv[4] ?? 3);
const windowMs = Number(process.argv[5] ?? 30) * 1000;
const kYoungWarmMs = 35_000;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

try {
  const app = await spawnSleepers(n);
  const old = startCli(n, tempDir('rb-bench-age-old-'));
  process.stderr.write(`age: the old command line started; the young one in ${ageMs / 1000} s\n`);
  await sleep(ageMs);
  const young = startCli(n, tempDir('rb-bench-age-young-'));
  const pidusage = await startContender('pidusage', app.pids, tempDir('rb-bench-age-'), 5);
  await sleep(kYoungWarmMs);
  process.stdout.write(`${n} processes; old = ${ageMs / 1000} s older than young; % of one core, all threads (main thread)\n`);
  for (let w = 0; w < windows; w++) {
    const pids = [pidusage.pid, old.pid!, young.pid!];
    const l0 = loadAvg();
    const t0 = performance.now();
    const a = pids.map((p) => taskCpu(p, { byTid: true }));
    await sleep(windowMs);
    const b = pids.map((p) => taskCpu(p, { byTid: true }));
    const wall = performance.now() - t0;
    const pct = (i: number): number => ((b[i]!.cpuNs - a[i]!.cpuNs) / 1e6 / wall) * 100;
    const main = (i: number): string => ((((b[i]!.threads.get('main')?.cpuNs ?? 0) - (a[i]!.threads.get('main')?.cpuNs ?? 0)) / 1e6 / wall) * 100).toFixed(3);
    const ageOf = (startS: number): string => `${(startS + (kYoungWarmMs + w * windowMs) / 1000).toFixed(0)} s`;
    process.stdout.write(
      `window ${w + 1}/${windows}, load ${l0} → ${loadAvg()}: pidusage ${pct(0).toFixed(3)} %; ` +
        `old (${ageOf(ageMs / 1000)}) ${pct(1).toFixed(3)} % (${main(1)}) ${(pct(1) / pct(0)).toFixed(2)}×; ` +
        `young (${ageOf(0)}) ${pct(2).toFixed(3)} % (${main(2)}) ${(pct(2) / pct(0)).toFixed(2)}×\n`,
    );
  }
  await pidusage.stop();
  app.kill();
} finally {
  cleanUp();
}
