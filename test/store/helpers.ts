// Shared by the store tests: a fresh temp directory per test, envelope
// builders, and the sqlite3 CLI when it is installed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlertState, LifecycleKind, Severity, Topic, encodeBatchTransferable } from '../../src/wire/index.js';
import type { Envelope, ResourceSnapshot } from '../../src/wire/index.js';
import { resource } from '../../support/samples.js';

/** A fixed base time, aligned to a minute, well in the past. */
export const kT0 = 1_763_900_040_000 - (1_763_900_040_000 % 60_000);

export interface TempDir {
  dir: string;
  db: string;
  [Symbol.dispose](): void;
}

/** A fresh directory with a database path in it; removed on dispose. */
export function tempDir(prefix = 'runbus-store-'): TempDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    db: join(dir, 'runbus.db'),
    [Symbol.dispose]() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function snap(over: Partial<ResourceSnapshot> = {}): Envelope {
  return { topic: Topic.RESOURCE, payload: resource({ tsMs: kT0, ...over }) };
}

export function batch(envs: readonly Envelope[]): ArrayBuffer {
  return encodeBatchTransferable(envs);
}

/** A LIFECYCLE envelope (the wire's Lifecycle type reduces to never, hence the cast). */
export function lifecycle(payload: { tsMs: number; runId: string; kind: number; [k: string]: unknown }): Envelope {
  return { topic: Topic.LIFECYCLE, payload } as unknown as Envelope;
}

export function runStarted(runId: string, tsMs: number, command = 'node train.js', host = 'box'): Envelope {
  return lifecycle({ tsMs, runId, kind: LifecycleKind.RUN_STARTED, component: '', pid: 100, command, host });
}

export function runEnded(runId: string, tsMs: number, exitCode: number): Envelope {
  return lifecycle({ tsMs, runId, kind: LifecycleKind.RUN_ENDED, exitCode });
}

export function alert(runId: string, rule: string, state: AlertState, firedAtMs: number, tsMs: number, component = ''): Envelope {
  return {
    topic: Topic.ALERT,
    payload: { tsMs, runId, rule, severity: Severity.CRITICAL, state, value: 95, threshold: 90, message: `${rule} at 95`, component, pid: 0, firedAtMs },
  };
}

export function metric(runId: string, name: string, value: number, tsMs: number, component = 'loop'): Envelope {
  return { topic: Topic.METRIC, payload: { tsMs, runId, component, pid: 7, name, labels: { k: 'v' }, value } };
}

export const kSqlite3 = '/usr/bin/sqlite3';
export const hasSqlite3 = existsSync(kSqlite3);
/** Why CLI checks are skipped, when they are. */
export const kNoSqlite3 = 'sqlite3 CLI not found at /usr/bin/sqlite3: install the Debian package "sqlite3" to run these checks';

/** Runs SQL through the sqlite3 CLI (read-only), returning JSON rows. */
export function cli(db: string, sql: string): Record<string, unknown>[] {
  const out = execFileSync(kSqlite3, ['-readonly', '-json', db, sql], { encoding: 'utf8' });
  return out.trim() === '' ? [] : (JSON.parse(out) as Record<string, unknown>[]);
}
