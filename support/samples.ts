// Sample payloads of every topic, shared by wire and bus tests.
import { AlertState, LifecycleKind, Severity, Topic } from '../src/wire/index.js';
import type { Envelope, ResourceSnapshot } from '../src/wire/index.js';

export const kTs = 1_763_900_000_000;

export function resource(over: Partial<ResourceSnapshot> = {}): ResourceSnapshot {
  return {
    tsMs: kTs,
    runId: 'run-1',
    component: 'trainer',
    pid: 4242,
    cpuPercent: 97.5,
    rssBytes: 512 * 1024 * 1024,
    ussBytes: 400 * 1024 * 1024,
    threads: 12,
    openFds: 33,
    loopLagP99Ms: 21.5,
    cpuUserMs: 1234.5,
    cpuSystemMs: 56.25,
    pssBytes: 410 * 1024 * 1024,
    vmsBytes: 2 ** 40 + 12345, // above 2^32: 64-bit path
    ioReadBytes: 1e9,
    ioWriteBytes: 5e8,
    ctxSwitchesVoluntary: 100,
    ctxSwitchesInvoluntary: 7,
    state: 'R',
    loopLagP50Ms: 20.1,
    loopLagMaxMs: 40.2,
    loopUtilization: 0.42,
    ppid: 1,
    command: 'node',
    ...over,
  };
}

/** One envelope of every topic. */
export function everyTopic(): Envelope[] {
  return [
    { topic: Topic.RESOURCE, payload: resource({ errors: [{ figure: 'io_read_bytes', reason: 'EACCES' }], ioReadBytes: null }) },
    {
      topic: Topic.HOST,
      payload: {
        tsMs: kTs, runId: 'run-1', host: 'box', cpuPercent: 12.5, memTotalBytes: 24 * 2 ** 30, memAvailableBytes: 20 * 2 ** 30,
        memPercent: 16.7, disks: [{ mount: '/', usedPercent: 40, freeBytes: 5e10, totalBytes: 1e11 }], load1: 0.5, load5: 0.4, load15: 0.3, cpuCount: 2,
      },
    },
    {
      topic: Topic.GPU,
      payload: {
        tsMs: kTs, runId: 'run-1', host: 'box',
        devices: [{ index: 0, uuid: 'GPU-1', name: 'Fake', utilPercent: 55, memUsedBytes: 3e9, memTotalBytes: 8e9, temperatureC: 60, powerW: 120, processes: [{ pid: 4242, usedMemBytes: 2e9, name: 'python' }] }],
      },
    },
    { topic: Topic.METRIC, payload: { tsMs: kTs, runId: 'run-1', component: 'loop', pid: 7, name: 'success_rate', labels: { strategy: 'a' }, value: 0.25 } },
    {
      topic: Topic.ALERT,
      payload: { tsMs: kTs, runId: 'run-1', rule: 'host_memory_high', severity: Severity.WARNING, state: AlertState.FIRING, value: 85, threshold: 80, message: 'memory 85 %', component: '', pid: 0, firedAtMs: kTs, labels: {} },
    },
    {
      topic: Topic.HEARTBEAT,
      payload: { tsMs: kTs, runId: 'run-1', component: 'hub', pid: 9, uptimeMs: 1000, queues: [{ name: 'store', capacity: 10000, depth: 3, published: 10, delivered: 7, dropped: 0, highWater: 5 }], droppedTotal: 0, rowsWritten: 7, flushP50Ms: 1.5, flushP99Ms: 3, walBytes: 4096, lastBatchSize: 7, ticksSkipped: 0, connections: 2 },
    },
    { topic: Topic.LIFECYCLE, payload: { tsMs: kTs, runId: 'run-1', kind: LifecycleKind.PROCESS_EXITED, component: 'worker', pid: 77, ppid: 4242, command: 'node', exitCode: 3, signal: '', host: 'box' } },
  ];
}
