// The writer thread's CPU per batch at the hub's shapes: 20 processes,
// 1000 processes (both one RESOURCE envelope per process plus one HOST per
// second) and 50 containers (CONTAINER envelopes plus one HOST), one batch
// per simulated second. The writer engine (dist/store/writer.js: decode,
// rows, rollups, retention's keepPace, checkpoints when the WAL is large) is
// driven in this thread on the same encoded batches, so the process's CPU
// time is the writer's (no other thread has work). Retention keeps 60 s, so
// after the warm-up every batch also deletes a batch's worth of old rows, as
// in a long run. BENCH_CLI_BEFORE_ROOT=<checkout with a built dist/> runs
// that checkout's writer in interleaved rounds beside this one.
//
// Shape 'renames': 1000 processes seen as `app/sh` for 50 s (a shell that
// forked them and had not exec'd yet), then one batch renaming all of them;
// the figure is the writer's CPU for that one batch.
//
//   npm run build && BENCH_CLI_BEFORE_ROOT=/work/wt/base node --import tsx bench/writer-cpu.ts [--quick] [--shapes=1000] [--rounds=10]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { encodeBatchTransferable, LifecycleKind, Topic } from '../src/wire/index.js';
import type { Envelope } from '../src/wire/index.js';
import { median, quick, report } from './lib.js';

/** Retention window: short, so retention deletes a batch's worth of rows after every batch, as in a long run. */
const kRetentionMs = 60_000;
/** Batches written before the clock starts: past the retention window. */
const kWarmup = 70;
const kT0 = Date.now() - 3600_000;

interface Shape {
  name: string;
  batch: (i: number) => Envelope[];
  /** Batches per round after the warm-up (one per simulated second). */
  batches: number;
}

function host(ts: number): Envelope {
  return {
    topic: Topic.HOST,
    payload: {
      tsMs: ts, runId: 'bench-run', host: 'h', cpuPercent: 12.5, memPercent: 40, memAvailableBytes: 8e9, memTotalBytes: 16e9,
      load1: 0.5, load5: 0.4, load15: 0.3, cpuCount: 2, disks: [{ mount: '/', usedPercent: 50, freeBytes: 1e10, totalBytes: 2e10 }],
    },
  };
}

/** Batch i of `n` sources: one HOST envelope and one envelope of each source, second i. */
function perSecond(n: number, envelope: (i: number, j: number, ts: number) => Envelope): (i: number) => Envelope[] {
  return (i) => {
    const ts = kT0 + i * 1000;
    return [host(ts), ...Array.from({ length: n }, (_, j) => envelope(i, j, ts))];
  };
}

const processes = (n: number): ((i: number) => Envelope[]) =>
  perSecond(n, (i, j, ts) => ({
    topic: Topic.RESOURCE,
    payload: {
      tsMs: ts + (j % 7), runId: 'bench-run', component: `component-${j % 20}`, pid: 1000 + j, cpuPercent: (i * 7 + j) % 400,
      rssBytes: 100_000_000 + ((i * 13 + j) % 1000) * 4096, ussBytes: 80_000_000 + j * 4096, threads: 8 + (j % 4), openFds: 30 + (j % 7),
      loopLagP99Ms: ((i + j) % 50) / 3, cpuUserMs: i * 100 + j, cpuSystemMs: i * 10 + j, ioReadBytes: i * 4096, ioWriteBytes: i * 8192,
      state: 'S', ppid: 1, command: 'node server.js',
    },
  }));

const containers = (n: number): ((i: number) => Envelope[]) =>
  perSecond(n, (i, j, ts) => ({
    topic: Topic.CONTAINER,
    payload: {
      tsMs: ts, runId: 'bench-run', containerId: `c${j.toString(16).padStart(12, '0')}`, name: `svc-${j}`, pid: 2000 + j,
      cpuPercent: (i + j) % 100, memBytes: 50e6 + j * 4096, memLimitBytes: 1e9, pids: 3 + (j % 5), ioReadBytes: i * 100,
      ioWriteBytes: i * 200, cpuMs: i * 10 + j, source: 'cgroup',
    },
  }));

/** `--shapes=1000` (or any part of a shape's name) runs only the shapes named so. */
const only = process.argv.find((a) => a.startsWith('--shapes='))?.slice('--shapes='.length);
const kRounds = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice('--rounds='.length) ?? (quick ? 2 : 5));
const kAllShapes: Shape[] = [
  { name: '20 processes', batch: processes(20), batches: quick ? 200 : 1500 },
  { name: '50 containers', batch: containers(50), batches: quick ? 200 : 1500 },
  { name: '1000 processes', batch: processes(1000), batches: quick ? 40 : 300 },
];
const kShapes = kAllShapes.filter((s) => only === undefined || s.name.includes(only));
const kRenames = only === undefined || 'renames'.includes(only);

/** The 'renames' batches: started, kRenameTicks seconds of snapshots as `app/sh`, then the renames. */
const kRenamePids = 1000;
const kRenameTicks = quick ? 10 : 50;
function renameBatches(): ArrayBuffer[] {
  const pids = Array.from({ length: kRenamePids }, (_, j) => 10_000 + j);
  const lc = (ts: number, kind: number, pid: number, component: string, previousComponent?: string): Envelope =>
    ({ topic: Topic.LIFECYCLE, payload: { tsMs: ts, runId: 'bench-run', kind, pid, component, ppid: 1, command: 'sleep 600', ...(previousComponent === undefined ? {} : { previousComponent }) } }) as Envelope;
  const snapshot = (ts: number, pid: number, component: string): Envelope =>
    ({ topic: Topic.RESOURCE, payload: { tsMs: ts, runId: 'bench-run', pid, component, cpuPercent: 0, rssBytes: 1e6 + pid, threads: 1, state: 'S', ppid: 1 } });
  const t = kT0 - (kT0 % 60_000) + 1000;
  const out = [encodeBatchTransferable(pids.map((p) => lc(t, LifecycleKind.PROCESS_STARTED, p, 'app/sh')))];
  for (let k = 0; k < kRenameTicks; ++k) out.push(encodeBatchTransferable(pids.map((p) => snapshot(t + k * 1000, p, 'app/sh'))));
  const at = t + kRenameTicks * 1000;
  out.push(encodeBatchTransferable([...pids.map((p) => lc(at, LifecycleKind.PROCESS_RENAMED, p, 'app/sleep', 'app/sh')), ...pids.map((p) => snapshot(at, p, 'app/sleep'))]));
  return out;
}

/** Process CPU µs of the last batch alone, the others written first. */
function runLast(e: Engine, dir: string, tag: string, encoded: ArrayBuffer[]): number {
  const path = join(dir, `${tag}.db`);
  const w = new e.Writer(e.resolveStoreOptions({ path, retentionMs: 3600_000 }));
  for (let k = 0; k < encoded.length - 1; ++k) w.write(encoded[k]!.slice(0));
  const c0 = process.cpuUsage();
  w.write(encoded[encoded.length - 1]!.slice(0));
  const c = process.cpuUsage(c0);
  w.close();
  for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
  return c.user + c.system;
}

interface WriterLike {
  write(b: ArrayBuffer): number;
  keepPace(rows: number): boolean;
  walNeedsCheckpoint(): boolean;
  checkpoint(): void;
  close(): void;
}
interface Engine {
  Writer: new (o: unknown) => WriterLike;
  resolveStoreOptions: (o: { path: string; retentionMs: number }) => unknown;
}

async function engine(root: string): Promise<Engine> {
  const url = (f: string): string => pathToFileURL(join(resolve(root), 'dist/store', f)).href;
  const w = (await import(url('writer.js'))) as { Writer: Engine['Writer'] };
  const o = (await import(url('options.js'))) as { resolveStoreOptions: Engine['resolveStoreOptions'] };
  return { Writer: w.Writer, resolveStoreOptions: o.resolveStoreOptions };
}

/** Process CPU µs per batch (only this thread works) over kBatches batches, after the warm-up. */
function run(e: Engine, dir: string, tag: string, encoded: ArrayBuffer[]): number {
  const path = join(dir, `${tag}.db`);
  const w = new e.Writer(e.resolveStoreOptions({ path, retentionMs: kRetentionMs }));
  const one = (k: number): void => {
    const rows = w.write(encoded[k]!.slice(0));
    w.keepPace(rows);
    if (w.walNeedsCheckpoint()) w.checkpoint();
  };
  for (let k = 0; k < kWarmup; ++k) one(k);
  const c0 = process.cpuUsage();
  for (let k = kWarmup; k < encoded.length; ++k) one(k);
  const c = process.cpuUsage(c0);
  w.close();
  for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
  return (c.user + c.system) / (encoded.length - kWarmup);
}

const beforeRoot = process.env.BENCH_CLI_BEFORE_ROOT;
const after = await engine('.');
const before = beforeRoot === undefined ? undefined : await engine(beforeRoot);
const dir = mkdtempSync(join(tmpdir(), 'runbus-bench-writer-'));

/** kRounds of `measure` on this build and the one before, interleaved and each first in turn, so drift hits both alike. */
function paired(measure: typeof run, encoded: ArrayBuffer[]): [number[], number[]] {
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < kRounds; ++r) {
    if (before !== undefined && r % 2 === 0) b.push(measure(before, dir, `b${r}`, encoded));
    a.push(measure(after, dir, `a${r}`, encoded));
    if (before !== undefined && r % 2 === 1) b.push(measure(before, dir, `b${r}`, encoded));
  }
  return [a, b];
}

try {
  const rows = [];
  for (const shape of kShapes) {
    const encoded = Array.from({ length: kWarmup + shape.batches }, (_, i) => encodeBatchTransferable(shape.batch(i)));
    const [a, b] = paired(run, encoded);
    const ma = median(a);
    const mb = before === undefined ? undefined : median(b);
    rows.push({
      name: `writer CPU per batch, ${shape.name}`,
      value: +ma.toFixed(1),
      unit: 'µs/batch',
      better: 'lower' as const,
      ...(mb === undefined ? {} : { peer: `before (${beforeRoot})`, peerValue: +mb.toFixed(1) }),
      note: `rounds ${a.map((x) => x.toFixed(0)).join('/')}` + (mb === undefined ? '' : ` vs before ${b.map((x) => x.toFixed(0)).join('/')}; after/before ${(ma / mb).toFixed(2)}x (median of paired rounds ${median(a.map((x, r) => x / b[r]!)).toFixed(2)}x)`),
    });
  }
  if (kRenames) {
    const encoded = renameBatches();
    const [a, b] = paired(runLast, encoded);
    const ma = median(a) / 1000;
    const mb = before === undefined ? undefined : median(b) / 1000;
    rows.push({
      name: `writer CPU for one batch renaming ${kRenamePids} processes (${kRenameTicks} s of their rows stored)`,
      value: +ma.toFixed(1),
      unit: 'ms',
      better: 'lower' as const,
      ...(mb === undefined ? {} : { peer: `before (${beforeRoot})`, peerValue: +mb.toFixed(1) }),
      note: `rounds ${a.map((x) => (x / 1000).toFixed(0)).join('/')}` + (mb === undefined ? '' : ` vs before ${b.map((x) => (x / 1000).toFixed(0)).join('/')}; after/before ${(ma / mb).toFixed(3)}x`),
    });
  }
  report('writer-cpu', rows);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
