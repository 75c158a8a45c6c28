// A RunBus in one process: a publisher, a fast subscriber, a slow async
// subscriber with a small drop-oldest queue, and the counters that show
// what each queue did (published = delivered + dropped + queued).
import { RunBus, Topic } from '../src/index.js';
import type { ResourceSnapshot } from '../src/index.js';

const bus = new RunBus({ logger: { warn: (m) => console.log(`  [warn] ${m}`) }, dropLogIntervalMs: 200 });

let fast = 0;
bus.subscribe(Topic.RESOURCE, () => { fast++; }, { name: 'fast' });
bus.subscribe(Topic.RESOURCE, async () => { await new Promise((r) => setTimeout(r, 5)); }, { name: 'slow', capacity: 50 });

const runId = `demo-${Date.now()}`;
const t0 = Date.now();
for (let tick = 0; tick < 20; tick++) {
  const mem = process.memoryUsage();
  const cpu = process.cpuUsage();
  for (let i = 0; i < 100; i++) {
    const snap: ResourceSnapshot = {
      tsMs: Date.now(), runId, component: 'demo', pid: process.pid,
      rssBytes: mem.rss, cpuUserMs: cpu.user / 1000, cpuSystemMs: cpu.system / 1000,
    };
    bus.publish(Topic.RESOURCE, snap);
  }
  await new Promise((r) => setTimeout(r, 25));
}
await bus.close();
console.log(`published 2000 snapshots in ${Date.now() - t0} ms; fast subscriber saw ${fast}`);
for (const s of bus.stats().subscribers) {
  console.log(`  ${s.name.padEnd(5)} published=${s.published} delivered=${s.delivered} dropped=${s.dropped} queued=${s.queued} highWater=${s.highWater}`);
}
