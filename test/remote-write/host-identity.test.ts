// Host identity: the machine id, hashed; without one, an id generated once
// and kept in the store; the inventory lands in the `hosts` view.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/index.js';
import { collectHostRecord, machineHostId } from '../../src/remote-write/index.js';
import { useTmpDir } from '../support/tmp.js';

const tmp = useTmpDir();
let store: Store | undefined;
afterEach(async () => { await store?.close(); store = undefined; });

describe('host identity', () => {
  it('hashes the machine id (stable, not the id itself); null without one', () => {
    const f = join(tmp(), 'machine-id');
    writeFileSync(f, '0123456789abcdef0123456789abcdef\n');
    const id = machineHostId([f]);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(machineHostId([f])).toBe(id);
    expect(id).not.toContain('0123456789abcdef');
    expect(machineHostId([join(tmp(), 'absent')])).toBeNull();
  });

  it('without a machine id the store keeps a generated one; the inventory is in the hosts view', async () => {
    const db = join(tmp(), 'h.db');
    store = await openStore({ path: db });
    const rec = await collectHostRecord(null, 1000);
    const a = await store.recordHost(rec);
    const b = await store.recordHost({ ...rec, seenAtMs: 2000 });
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(b).toBe(a);
    await store.close();
    store = undefined;
    const d = new Database(db, { readonly: true });
    const rows = d.prepare('SELECT * FROM hosts').all() as Record<string, unknown>[];
    d.close();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ host_id: a, hostname: rec.hostname, first_seen_ms: 1000, last_seen_ms: 2000 });
    expect(rows[0]!.cpu_cores).toBeGreaterThan(0);
    expect(rows[0]!.mem_total_bytes).toBeGreaterThan(0);
    expect(JSON.parse(rows[0]!.gpus as string)).toBeInstanceOf(Array);
  });
});
