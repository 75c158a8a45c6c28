// publish → deliver rate of the RunBus, beside bare eventemitter3 emit in
// the same process. Both deliver the same payload objects to counting
// listeners; the bus also queues each message, applies the overflow policy
// and keeps its counters.
import { EventEmitter } from 'eventemitter3';
import { RunBus } from '../src/bus/index.js';
import { Topic } from '../src/wire/index.js';
import type { ResourceSnapshot } from '../src/wire/index.js';
import { median, quick, report } from './lib.js';
import type { BenchRow } from './lib.js';

const kChunk = 1000; // publishes between yields: below the default capacity
const trialMs = quick ? 150 : 1000;
const trials = quick ? 3 : 5;

const payloads: ResourceSnapshot[] = Array.from({ length: kChunk }, (_, i) => ({
  tsMs: Date.now(), runId: 'bench', component: 'c', pid: i + 1, cpuPercent: 1, rssBytes: 1e8,
}));

async function runbusRate(subscribers: number): Promise<number> {
  const bus = new RunBus();
  let delivered = 0;
  for (let i = 0; i < subscribers; ++i) bus.subscribe(Topic.RESOURCE, () => { delivered++; });
  const t0 = performance.now();
  const end = t0 + trialMs;
  let now = t0;
  while (now < end) {
    for (let i = 0; i < kChunk; ++i) bus.publish(Topic.RESOURCE, payloads[i]!);
    await Promise.resolve(); // let the microtask deliveries run
    now = performance.now();
  }
  await bus.close();
  const dropped = bus.stats().dropped;
  if (dropped !== 0) throw new Error(`bench is misconfigured: ${dropped} drops`);
  return delivered / ((performance.now() - t0) / 1000);
}

async function emitterRate(listeners: number): Promise<number> {
  const ee = new EventEmitter();
  let delivered = 0;
  for (let i = 0; i < listeners; ++i) ee.on('r', () => { delivered++; });
  const t0 = performance.now();
  const end = t0 + trialMs;
  let now = t0;
  while (now < end) {
    for (let i = 0; i < kChunk; ++i) ee.emit('r', payloads[i]!);
    await Promise.resolve();
    now = performance.now();
  }
  return delivered / ((performance.now() - t0) / 1000);
}

const rows: BenchRow[] = [];
for (const n of [1, 8]) {
  const ours: number[] = [];
  const peer: number[] = [];
  // Alternate so drift on a shared machine hits both alike.
  for (let t = 0; t < trials; ++t) {
    ours.push(await runbusRate(n));
    peer.push(await emitterRate(n));
  }
  rows.push({
    name: `publish→deliver, ${n} subscriber${n > 1 ? 's' : ''}`,
    value: median(ours),
    unit: 'deliveries/s',
    better: 'higher',
    peer: 'eventemitter3 emit',
    peerValue: median(peer),
    target: n === 1 ? '>= 5,000,000' : undefined,
  });
}
report('bus', rows);
