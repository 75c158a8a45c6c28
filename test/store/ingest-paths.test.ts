import { describe, expect, it } from 'vitest';
import { openWriterDb } from '../../src/store/db.js';
import { Ingestor } from '../../src/store/ingest.js';
import { resolveStoreOptions } from '../../src/store/index.js';
import { BatchScanner, encodeBatch, kResourceFigures, Topic } from '../../src/wire/index.js';
import type { ResourceSnapshot } from '../../src/wire/index.js';
import { resource } from '../../support/samples.js';
import { kT0, tempDir } from './helpers.js';

// A RESOURCE envelope normally takes the scanner's column path; one encoded
// unusually (its payload given twice, which protobufjs merges) takes the
// general path, whose row comes from the figure table. Both must store the
// same row and the same rollup figures.

/** `p` as a Publish whose envelope carries the payload, then an empty second payload. */
function payloadTwice(p: ResourceSnapshot): Uint8Array {
  const one = encodeBatch([{ topic: Topic.RESOURCE, payload: p }]);
  // Publish = 0x0a <varint len> Envelope.
  expect(one[0]).toBe(0x0a);
  let at = 1;
  while (one[at]! >= 0x80) at++;
  const envelope = [...one.subarray(at + 1), 0x12, 0x00];
  const len: number[] = [];
  for (let n = envelope.length; ; n >>>= 7) {
    if (n < 0x80) {
      len.push(n);
      break;
    }
    len.push((n & 0x7f) | 0x80);
  }
  return Uint8Array.from([0x0a, ...len, ...envelope]);
}

describe('ingest: the fast and the general RESOURCE path store the same row', () => {
  it.each([
    ['every figure', resource({ tsMs: kT0, errors: [{ figure: 'gpu_mem_bytes', reason: 'unsupported' }] })],
    ['absent figures, empty strings, no ppid', resource({ tsMs: kT0, cpuPercent: null, rssBytes: null, state: '', command: '', ppid: 0, loopUtilization: null })],
  ])('%s', (_name, p) => {
    using tmp = tempDir();
    const db = openWriterDb(resolveStoreOptions({ path: tmp.db }));
    try {
      const ing = new Ingestor(db, { retentionMs: 3_600_000, rollupRetentionMs: 86_400_000, maxSamplesPerRun: undefined });
      expect(ing.write(encodeBatch([{ topic: Topic.RESOURCE, payload: { ...p, pid: 1 } }]))).toBe(1);
      const twice = payloadTwice({ ...p, pid: 2 });
      // The scanner hands it back for the general path.
      expect(new BatchScanner(twice, Date.now()).next()).toBe('other');
      expect(ing.write(twice)).toBe(1);
      const rows = db.prepare('SELECT * FROM t_snapshot ORDER BY pid').all() as Record<string, unknown>[];
      expect(rows).toHaveLength(2);
      expect(Object.keys(rows[0]!)).toEqual(kResourceFigures.map((f) => f.column));
      expect({ ...rows[1], pid: 1 }).toEqual(rows[0]);
      const segments = db.prepare('SELECT count(*) AS n, sum(rows) AS rows FROM t_segment').get();
      expect(segments).toEqual({ n: 2, rows: 2 });
      const rollup = db.prepare('SELECT * FROM rollups_1m').all() as Record<string, unknown>[];
      expect(rollup).toHaveLength(1);
      expect(rollup[0]).toMatchObject({ samples: 2, cpu_count: p.cpuPercent == null ? 0 : 2, rss_max: p.rssBytes ?? null, loop_utilization_sum: p.loopUtilization == null ? null : 2 * p.loopUtilization });
    } finally {
      db.close();
    }
  });
});
