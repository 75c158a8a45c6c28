import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { RunBus } from '../../src/bus/index.js';
import { startTracking, track } from '../../src/tracker/index.js';
import type { Tracking } from '../../src/tracker/index.js';
import { Topic } from '../../src/wire/index.js';
import type { MetricSample } from '../../src/wire/index.js';
import { useTmpDir } from '../support/tmp.js';

const tmp = useTmpDir();

// A real gc() so that a freed allocation leaves the resident set before the
// tracker stops (large Buffers are mmap'd; freeing them unmaps).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function spin(ms: number): void {
  const end = performance.now() + ms;
  let x = 0;
  while (performance.now() < end) x += Math.sqrt(x + 1);
}

/**
 * Burns `ms` of this process's CPU time (not wall time: on a loaded machine
 * the two differ, and the test must not depend on the load).
 */
function burnCpu(ms: number): void {
  const t0 = process.cpuUsage();
  let x = 0;
  for (;;) {
    for (let i = 0; i < 10_000; i++) x += Math.sqrt(x + i);
    const d = process.cpuUsage(t0);
    if (d.user + d.system >= ms * 1000) break;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Allocates `bytes` (touched, so resident), holds it across a few samples,
 * frees it, and waits (up to 3 s, collecting) until the resident set is
 * back near where it was: the allocator may return the pages lazily.
 */
async function transient(bytes: number): Promise<number> {
  const before = process.memoryUsage.rss();
  let b: Buffer | null = Buffer.alloc(bytes, 1);
  const held = process.memoryUsage.rss();
  await sleep(120);
  b[0] = 2;
  b = null;
  const end = Date.now() + 3000;
  do {
    gc();
    await sleep(20);
  } while (process.memoryUsage.rss() > before + 30e6 && Date.now() < end);
  return held;
}

afterEach(() => {
  gc();
});

describe('track()', () => {
  it('cpu of a busy loop is close to its wall time (sync work)', async () => {
    const r = await track(() => {
      burnCpu(300);
      return 'done';
    });
    expect(r.value).toBe('done');
    const cpu = r.cpuUserMs + r.cpuSystemMs;
    // A single-threaded busy loop: cpu is at least what it burned, and wall
    // time at least the cpu time (more on a loaded machine). Other threads
    // of this process may add a little cpu, never much.
    expect(cpu).toBeGreaterThanOrEqual(299);
    expect(r.wallMs).toBeGreaterThanOrEqual(cpu * 0.5);
    expect(cpu).toBeLessThan(r.wallMs * 1.5 + 50);
    expect(r.gpuMemDeltaBytes).toBeUndefined();
  });

  it('reports the virtual memory size at the end, as /proc says', async () => {
    const r = await track(() => 1);
    const status = /^VmSize:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'latin1'));
    expect(status).not.toBeNull();
    // Read a moment apart: within 64 MiB of each other, and bigger than rss.
    expect(Math.abs(r.endVmsBytes! - Number(status![1]) * 1024)).toBeLessThan(64 * 2 ** 20);
    expect(r.endVmsBytes!).toBeGreaterThan(r.endRssBytes);
  });

  it('peak rss sees a transient 100 MB allocation freed before the end', async () => {
    const r = await track(() => transient(100e6));
    expect(r.peakRssBytes).toBeGreaterThanOrEqual(r.value - 5e6);
    expect(r.peakRssBytes - r.startRssBytes).toBeGreaterThan(70e6);
    // The premise: the memory really was given back before the end.
    expect(r.endRssBytes).toBeLessThan(r.peakRssBytes - 50e6);
    expect(r.samples).toBeGreaterThan(2);
  });

  it('peak rss comes from the samples when maxRSS does not grow (the process was bigger before)', async () => {
    await transient(200e6); // raises the process's maxRSS well above what follows
    const r = await track(() => transient(60e6));
    expect(process.resourceUsage().maxRSS * 1024).toBeGreaterThan(r.peakRssBytes);
    // The rss the work itself saw while holding the memory; only a sample
    // taken during the work can have seen it (start and end are lower).
    expect(r.peakRssBytes).toBeGreaterThanOrEqual(r.value - 5e6);
    expect(r.endRssBytes).toBeLessThan(r.value);
  });

  it('nested trackers are independent', async () => {
    let inner: Tracking | undefined;
    const outer = await track(async () => {
      spin(100);
      inner = await track(() => {
        spin(200);
      });
      spin(100);
    });
    expect(inner).toBeDefined();
    expect(inner!.wallMs).toBeGreaterThanOrEqual(199);
    expect(outer.wallMs).toBeGreaterThan(inner!.wallMs + 190);
    expect(outer.cpuUserMs + outer.cpuSystemMs).toBeGreaterThanOrEqual(inner!.cpuUserMs + inner!.cpuSystemMs);
  });

  it('an error thrown by the work is rethrown after the measurement is recorded', async () => {
    const seen: [Tracking, unknown][] = [];
    const boom = new Error('boom');
    const err = await track(
      async () => {
        spin(50);
        await sleep(10);
        throw boom;
      },
      { onResult: (t, e) => seen.push([t, e]) },
    ).catch((e: unknown) => e);
    expect(err).toBe(boom);
    const attached = (err as { runbusTracking?: Tracking }).runbusTracking;
    expect(attached?.wallMs).toBeGreaterThanOrEqual(50);
    expect(seen).toEqual([[attached, boom]]);

    const sync = await track(() => {
      throw new TypeError('sync');
    }).catch((e: unknown) => e);
    expect(sync).toBeInstanceOf(TypeError);
    expect((sync as { runbusTracking?: Tracking }).runbusTracking?.wallMs).toBeGreaterThanOrEqual(0);
  });

  it('publishes the result as METRIC samples on a bus', async () => {
    const bus = new RunBus();
    const got: MetricSample[] = [];
    bus.subscribe(Topic.METRIC, (m) => {
      got.push(m);
    });
    const r = await track(() => spin(20), { bus, name: 'epoch', runId: 'run-1', component: 'trainer' });
    await bus.close();
    expect(got.map((m) => m.name).sort()).toEqual(['track_cpu_system_ms', 'track_cpu_user_ms', 'track_end_vms_bytes', 'track_peak_rss_bytes', 'track_wall_ms']);
    expect(got.find((m) => m.name === 'track_wall_ms')).toMatchObject({ value: r.wallMs, runId: 'run-1', component: 'trainer', labels: { work: 'epoch' } });
  });

  it('reports the GPU memory change where nvidia-smi answers', async () => {
    const state = join(tmp(), 'calls');
    process.env.FAKE_GPU_STATE = state;
    process.env.FAKE_GPU_PID = String(process.pid);
    try {
      const r = await track(() => sleep(5), { gpu: true, gpuCommand: join(import.meta.dirname, '..', 'fixtures', 'tracker', 'fake-nvidia-smi.sh') });
      expect(r.gpuMemDeltaBytes).toBe(256 * 1024 * 1024);
      expect(r.gpuMemBytes).toBe(512 * 1024 * 1024);
      const none = await track(() => sleep(5), { gpuCommand: join(tmp(), 'no-such-nvidia-smi') });
      expect('gpuMemDeltaBytes' in none).toBe(false);
      expect('gpuMemBytes' in none).toBe(false);
    } finally {
      delete process.env.FAKE_GPU_STATE;
      delete process.env.FAKE_GPU_PID;
    }
  });

  it('rejects bad options with a message naming them', async () => {
    await expect(track(() => 1, { sampleIntervalMS: 5 } as never)).rejects.toThrow('track: unknown option "sampleIntervalMS" (did you mean "sampleIntervalMs"?)');
    await expect(track(() => 1, { sampleIntervalMs: 0 })).rejects.toThrow(RangeError);
    await expect(track('nope' as never)).rejects.toThrow(TypeError);
    expect(() => startTracking({ bus: {} as never })).toThrow(/options.bus must have a publish/);
  });
});

describe('startTracking()', () => {
  it('`using` stops it at the end of the scope', () => {
    let t: ReturnType<typeof startTracking> | undefined;
    {
      using tracker = startTracking();
      t = tracker;
      burnCpu(100);
      expect(tracker.stopped).toBe(false);
    }
    expect(t.stopped).toBe(true);
    expect(t.result!.cpuUserMs + t.result!.cpuSystemMs).toBeGreaterThanOrEqual(99);
    // Process CPU counts every thread (GC helpers too), so on two cores 100 ms
    // of it can pass in less wall time: only a lower bound well below that.
    expect(t.result!.wallMs).toBeGreaterThanOrEqual(40);
  });

  it('stop() returns the measurement, the same on every call; nested trackers independent', () => {
    const outer = startTracking();
    spin(50);
    const inner = startTracking();
    spin(50);
    const a = inner.stop();
    expect(inner.stop()).toBe(a);
    spin(50);
    const b = outer.stop();
    expect(b.wallMs).toBeGreaterThan(a.wallMs + 90);
  });
});
