import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../support/tmp.js';

const tmp = useTmpDir();
const fixture = join(import.meta.dirname, '..', 'fixtures', 'hub', 'publisher.mjs');

interface Progress { runId: string; published: number; written: number }

function start(db: string, mode: 'block' | 'drop' | 'crash'): { child: ChildProcess; progress: () => Progress | undefined; exited: Promise<{ code: number | null; signal: string | null }> } {
  const child = fork(fixture, [db, mode], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let last: Progress | undefined;
  child.on('message', (m) => { last = m as Progress; });
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, progress: () => last, exited };
}

async function until(cond: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

function seqValues(db: string, runId: string): number[] {
  const d = new Database(db, { readonly: true });
  try {
    expect(d.pragma('integrity_check', { simple: true })).toBe('ok');
    return (d.prepare("select value from metrics where run_id = ? and name = 'seq' order by value").all(runId) as { value: number }[]).map((r) => r.value);
  } finally {
    d.close();
  }
}

describe('a hub stopped by a signal loses nothing', () => {
  for (const [sig, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
    it(`${sig} mid-stream: every published sample is stored, exit code ${code}`, async () => {
      const db = join(tmp(), `${sig}.db`);
      const p = start(db, 'block');
      await until(() => (p.progress()?.written ?? 0) >= 2000);
      p.child.kill(sig);
      const { code: exitCode } = await p.exited;
      expect(exitCode).toBe(code);
      const { published, dropped } = JSON.parse(readFileSync(`${db}.count`, 'utf8')) as { published: number; dropped: number };
      expect(dropped).toBe(0);
      expect(published).toBeGreaterThan(2000);
      const values = seqValues(db, p.progress()!.runId);
      expect(values.length).toBe(published);
      expect(values.at(-1)).toBe(published - 1);
      const d = new Database(db, { readonly: true });
      const run = d.prepare('select ended_at_ms, signal from runs where run_id = ?').get(p.progress()!.runId) as { ended_at_ms: number | null; signal: string | null };
      d.close();
      expect(run.ended_at_ms).not.toBeNull();
      expect(run.signal).toBe(sig);
    });
  }
});

describe('a producer faster than the store, with the default drop-oldest policy', () => {
  it('stops cleanly on SIGTERM and every sample is either stored or counted as dropped', async () => {
    const db = join(tmp(), 'drop.db');
    const p = start(db, 'drop');
    await until(() => (p.progress()?.published ?? 0) >= 50_000);
    p.child.kill('SIGTERM');
    expect((await p.exited).code).toBe(143);
    const { published, dropped } = JSON.parse(readFileSync(`${db}.count`, 'utf8')) as { published: number; dropped: number };
    const stored = seqValues(db, p.progress()!.runId).length;
    expect(stored + dropped).toBe(published);
  });
});

describe('a hub killed with SIGKILL while ingesting', () => {
  it('leaves an intact database holding every row it reported committed (20 rounds)', async () => {
    for (let round = 0; round < 20; ++round) {
      const db = join(tmp(), `crash-${round}.db`);
      const p = start(db, 'crash');
      const target = 200 + round * 100;
      await until(() => (p.progress()?.written ?? 0) >= target);
      const reported = p.progress()!;
      p.child.kill('SIGKILL');
      const { signal } = await p.exited;
      expect(signal).toBe('SIGKILL');
      const values = seqValues(db, reported.runId);
      // One envelope of `written` is the RUN_STARTED lifecycle event.
      expect(values.length, `round ${round}`).toBeGreaterThanOrEqual(reported.written - 1);
      // Batches commit in order: what is there is a prefix of the stream.
      expect(values.every((v, i) => v === i), `round ${round}: a prefix`).toBe(true);
    }
  }, 120_000);
});
