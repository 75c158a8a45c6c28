import { fork, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RunBus } from '../../src/bus/index.js';
import { Topic } from '../../src/wire/index.js';
import type { TopicPayloads } from '../../src/wire/index.js';

export const kFixtures = fileURLToPath(new URL('../fixtures/samplers/', import.meta.url));
export const fixture = (name: string): string => join(kFixtures, name);

const children = new Set<ChildProcess>();

/** Forks a fixture with IPC; killed by killAll(). */
export function forkFixture(name: string, args: string[] = []): ChildProcess {
  const c = fork(fixture(name), args, { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  children.add(c);
  return c;
}

/** Spawns a command; killed by killAll(). */
export function spawnChild(cmd: string, args: string[] = [], stdout: 'pipe' | 'ignore' = 'ignore'): ChildProcess {
  const c = spawn(cmd, args, { stdio: ['ignore', stdout, 'inherit'] });
  children.add(c);
  return c;
}

/** SIGKILLs every child these helpers started (call in afterEach). */
export function killAll(): void {
  for (const c of children) {
    if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  }
  children.clear();
}

/** The next IPC message of a forked child. */
export function nextMessage<T>(c: ChildProcess, send?: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (): void => {
      reject(new Error('child exited before answering'));
    };
    c.once('exit', onExit);
    c.once('message', (m) => {
      c.off('exit', onExit);
      resolve(m as T);
    });
    if (send !== undefined) c.send(send as object);
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls `fn` until it returns a value other than undefined (or times out). */
export async function waitFor<T>(fn: () => T | undefined, timeoutMs = 10_000, stepMs = 20): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('waitFor timed out');
    await sleep(stepMs);
  }
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'runbus-samplers-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A bus with one subscriber per sampler topic that records everything. */
export function recordingBus(): {
  bus: RunBus;
  resource: TopicPayloads[1][];
  host: TopicPayloads[2][];
  gpu: TopicPayloads[3][];
  lifecycle: { kind: number; pid: number; ppid: number; command: string; component: string; exitCode?: number | null; signal?: string | null; previousComponent?: string }[];
} {
  const bus = new RunBus({ logger: { warn: () => undefined } });
  const out = { bus, resource: [] as TopicPayloads[1][], host: [] as TopicPayloads[2][], gpu: [] as TopicPayloads[3][], lifecycle: [] as never[] };
  bus.subscribe(Topic.RESOURCE, (p) => out.resource.push(p), { capacity: 100_000 });
  bus.subscribe(Topic.HOST, (p) => out.host.push(p));
  bus.subscribe(Topic.GPU, (p) => out.gpu.push(p));
  bus.subscribe(Topic.LIFECYCLE, (p) => (out.lifecycle as unknown[]).push(p), { capacity: 100_000 });
  return out;
}

/** Lets bus handlers (run in microtasks) catch up. */
export function settle(): Promise<void> {
  return new Promise((r) => setImmediate(r));
}
