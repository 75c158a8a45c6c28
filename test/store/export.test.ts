import { describe, expect, it } from 'vitest';
import { kExportTables, openReader, openStore } from '../../src/store/index.js';
import { batch, kT0, metric, snap, tempDir } from './helpers.js';

/** A small RFC 4180 parser, to read back what export() wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let f = '';
  let q = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i]!;
    if (q) {
      if (c === '"' && text[i + 1] === '"') {
        f += '"';
        ++i;
      } else if (c === '"') q = false;
      else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(f);
      f = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(f);
      rows.push(row);
      row = [];
      f = '';
      ++i;
    } else f += c;
  }
  return rows;
}

describe('export', () => {
  it('writes CSV with awkward text quoted, and JSON of every public view', async () => {
    using tmp = tempDir();
    const awkward = 'say "hi", then\nleave';
    const store = await openStore({ path: tmp.db });
    await store.write(batch([
      snap({ runId: 'r', component: awkward, tsMs: kT0, cpuPercent: undefined }),
      snap({ runId: 'r', component: 'plain', tsMs: kT0 + 1 }),
      snap({ runId: 'other', tsMs: kT0 }),
      metric('r', 'm,1', 1.5, kT0),
    ]));
    await store.close();
    const r = openReader(tmp.db);
    try {
      const csv = r.export('r', 'csv');
      const rows = parseCsv(csv);
      const header = rows[0]!;
      expect(header.slice(0, 4)).toEqual(['run_id', 'component', 'pid', 'ts_ms']);
      expect(rows).toHaveLength(3);
      const col = (name: string): number => header.indexOf(name);
      expect(rows[1]![col('component')]).toBe(awkward);
      expect(rows[1]![col('cpu_percent')]).toBe(''); // absent, not 0
      expect(rows[2]![col('component')]).toBe('plain');
      expect(csv).toContain('"say ""hi"", then\nleave"');

      expect(parseCsv(r.export('r', 'csv', { table: 'metrics' }))[1]).toEqual(['r', 'loop', 'm,1', String(kT0), '1.5', '7', '{"k":"v"}']);
      // An empty table still has its header.
      expect(parseCsv(r.export('r', 'csv', { table: 'alerts' }))).toEqual([expect.arrayContaining(['rule', 'fired_at_ms'])]);

      const json = JSON.parse(r.export('r', 'json')) as Record<string, unknown[]>;
      for (const t of kExportTables) expect(Array.isArray(json[t]), t).toBe(true);
      expect(json.snapshots).toHaveLength(2);
      expect(json.runs).toEqual([expect.objectContaining({ run_id: 'r' })]);
      const all = JSON.parse(r.export(undefined, 'json')) as Record<string, unknown[]>;
      expect(all.snapshots).toHaveLength(3);
      expect(JSON.parse(r.export(undefined, 'json', { table: 'runs' }))).toHaveLength(2);
      expect(() => r.export('r', 'xml' as 'csv')).toThrow(TypeError);
      expect(() => r.export('r', 'csv', { table: 't_snapshot' as 'runs' })).toThrow(TypeError);
    } finally {
      r.close();
    }
  });
});
