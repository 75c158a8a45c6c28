import { fork } from 'node:child_process';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

// kill -9 while ingesting: the file must stay intact and keep every row whose
// write() had resolved (WAL + synchronous=NORMAL survives a process crash).

const kFixture = new URL('../fixtures/store/crash-ingest.mjs', import.meta.url);
const kRounds = 20;

interface Outcome {
  committed: number;
  base: number;
}

function ingestThenKill(db: string, runId: string, killAfterRows: number): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = fork(kFixture, [db, runId], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const last: Outcome = { committed: 0, base: 0 };
    let killed = false;
    child.on('message', (m: { committed?: number; base: number }) => {
      last.base = m.base;
      if (m.committed !== undefined) last.committed = m.committed;
      if (!killed && last.committed >= killAfterRows) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child exited ${code}/${signal} before the kill: ${stderr}`));
      else resolve(last);
    });
  });
}

describe('crash (kill -9 while ingesting)', () => {
  it(`keeps the file intact and every committed row, ${kRounds} rounds`, async () => {
    using tmp = tempDir();
    for (let round = 0; round < kRounds; ++round) {
      const runId = `round-${round}`;
      // Vary the moment of the kill: from the first commit to a few dozen in.
      const out = await ingestThenKill(tmp.db, runId, 200 * (1 + ((round * 7) % 30)));
      const db = new Database(tmp.db, { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true }), `round ${round}`).toBe('ok');
        const got = db
          .prepare("SELECT count(*) AS n, min(ts_ms) AS lo FROM snapshots WHERE run_id = ? AND ts_ms < ?")
          .get(runId, out.base + out.committed) as { n: number; lo: number | null };
        expect(out.committed, `round ${round}`).toBeGreaterThan(0);
        expect(got.n, `round ${round}: committed rows present`).toBe(out.committed);
        expect(got.lo).toBe(out.base);
      } finally {
        db.close();
      }
    }
  }, 120_000);
});
