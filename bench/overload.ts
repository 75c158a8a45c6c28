// Memory under overload: snapshots published at 10× the rate the hub can
// store (measured first in the same run, storeOverflow 'block') into a hub
// with the default drop-oldest storeOverflow (db in a temp dir, no sampler
// figures of its own) for 60 s (--quick: 6 s). Hub RSS each second: start,
// peak and end, which should level off; and published = stored + dropped,
// with stored counted in the database. Beside it, the same stream into a
// naive writer: an unbounded array queue drained by batched better-sqlite3
// inserts, capped at 2 GiB of RSS for safety. Each side runs in a fresh
// process (bench/fixtures/overload.mjs); the per-second RSS series are
// in the rows' notes.
//
//   npm run build && node --import tsx bench/overload.ts [--quick]
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cleanUp, kRoot, loadAvg, tempDir, track } from './fixtures/harness.js';
import { quick, report } from './lib.js';
import type { BenchRow } from './lib.js';

const kSeconds = quick ? 4 : 60;
const kCalibrateSeconds = quick ? 1 : 5;
const kFactor = 10;
const kCapMiB = 2048;
const kChild = fileURLToPath(new URL('./fixtures/overload.mjs', import.meta.url));
const log = (m: string): void => { process.stderr.write(`overload: ${m}\n`); };
const loads: string[] = [loadAvg()];

interface Out {
  mode: string;
  rate?: number;
  published: number;
  seconds: number;
  stored: number;
  rss: number[];
  dropped?: number;
  queuePublished?: number;
  highWater?: number;
  written?: number;
  backlog?: number;
  capped?: boolean;
}

async function side(mode: string, seconds: number, rate: number, dir: string): Promise<Out> {
  const child = track(spawn(process.execPath, [kChild, mode, String(seconds), String(rate), dir, String(kCapMiB)], { cwd: kRoot, stdio: ['ignore', 'pipe', 'inherit'] }));
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => { out += d; });
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`overload child (${mode}) exited with ${code}`);
  return JSON.parse(out.trim()) as Out;
}

const rows: BenchRow[] = [];
try {
  const dir = tempDir('rb-bench-overload-');
  const cal = await side('calibrate', kCalibrateSeconds, 0, dir);
  const sustainable = cal.rate!;
  const rate = Math.round(sustainable * kFactor);
  log(`sustainable ${sustainable.toFixed(0)}/s (block mode, committed); publishing ${rate}/s for ${kSeconds} s; load ${loadAvg()}`);
  // --quick runs both sides at once to stay short; a full run one after the other.
  const [hub, naive] = quick
    ? await Promise.all([side('runbus', kSeconds, rate, dir), side('naive', kSeconds, rate, dir)])
    : [await side('runbus', kSeconds, rate, dir), await side('naive', kSeconds, rate, dir)];
  loads.push(loadAvg());
  const peak = (xs: number[]): number => Math.max(...xs);
  const first = (xs: number[]): number => xs[0]!; // hub (or db) open, before the first publish
  const last = (xs: number[]): number => xs[xs.length - 1]!;
  // Growth over the second half of the run: flat means it levelled off.
  const slope = (xs: number[]): number => {
    const h = Math.floor(xs.length / 2);
    return xs.length - 1 > h ? (last(xs) - xs[h]!) / (xs.length - 1 - h) : NaN;
  };
  const series = (o: Out): string => o.rss.map((x) => x.toFixed(0)).join(' ');
  const dropped = hub.dropped ?? 0;
  const other = (hub.queuePublished ?? 0) - hub.published;
  const naiveNote = `naive: ${naive.published} published in ${naive.seconds.toFixed(1)} s, ${naive.stored} stored, ${naive.backlog} still queued in memory${naive.capped === true ? `, stopped at the ${kCapMiB} MiB cap` : ''}`;
  const hubNote = `runbus: ${hub.published} published in ${hub.seconds.toFixed(1)} s (${(hub.published / hub.seconds).toFixed(0)}/s, ${(hub.published / hub.seconds / sustainable).toFixed(1)}× the ${sustainable.toFixed(0)}/s sustainable), ${hub.stored} stored (rows in the db), ${dropped} dropped (counted), queue high water ${hub.highWater}`;
  rows.push(
    { name: `RSS at start, ${kFactor}× overload`, value: first(hub.rss), unit: 'MiB', better: 'lower', peer: 'unbounded array queue + batched insert', peerValue: first(naive.rss), note: `RSS per second, MiB — runbus: ${series(hub)}` },
    { name: `RSS peak, ${kFactor}× overload, ${kSeconds} s`, value: peak(hub.rss), unit: 'MiB', better: 'lower', peer: 'unbounded array queue + batched insert', peerValue: peak(naive.rss), note: `RSS per second, MiB — naive: ${series(naive)}` },
    { name: `RSS at end, ${kFactor}× overload, ${kSeconds} s`, value: last(hub.rss), unit: 'MiB', better: 'lower', peer: 'unbounded array queue + batched insert', peerValue: last(naive.rss), target: 'flat (levels off)', note: `${hubNote}; ${naiveNote}` },
    { name: `RSS growth, second half of the run`, value: slope(hub.rss), unit: 'MiB/s', better: 'lower', peer: 'unbounded array queue + batched insert', peerValue: slope(naive.rss), target: '≈ 0' },
    {
      // Every envelope into the store queue, the stream's and the hub's own
      // (lifecycle, heartbeats, which drop-oldest may drop too), is either
      // written or counted as dropped; the stream's written rows are counted
      // in the database.
      name: 'published − (written + dropped), every envelope into the store', value: (hub.queuePublished ?? 0) - (hub.written ?? 0) - dropped, unit: 'messages', better: 'lower',
      peer: 'naive: published − stored (held in memory, unstored)', peerValue: naive.published - naive.stored, target: '0',
      note: `all topics: published ${hub.queuePublished} = written ${hub.written} + dropped ${dropped}; the stream: published ${hub.published}, ${hub.stored} rows in the db, so ${hub.published - hub.stored} dropped; the hub's own: ${other} envelopes, ${(hub.written ?? 0) - hub.stored} written`,
    },
    { name: 'messages stored in the run', value: hub.stored, unit: 'rows', better: 'higher', peer: 'unbounded array queue + batched insert', peerValue: naive.stored, note: 'runbus writes on its writer thread; the naive writer on the publishing thread' },
  );
  log(`runbus rss ${series(hub)}`);
  log(`naive  rss ${series(naive)}`);
  log(`${hubNote}; ${naiveNote}`);
} finally {
  cleanUp();
}

for (const r of rows) r.note = `${r.note ?? ''}; load avg (1/5 min) during run: ${loads.join(' → ')}`;
report('overload', rows);
