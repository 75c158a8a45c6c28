import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { fieldsOf } from '../../src/alerts/index.js';
import { kComponentFields, kDerivedComponentFields } from '../../src/dashboard/points.js';
import { kFigureFamilies, kMetricNames } from '../../src/export/index.js';
import { openWriterDb } from '../../src/store/db.js';
import { resolveStoreOptions } from '../../src/store/index.js';
import { kMigrations } from '../../src/store/schema.js';
import {
  BatchScanner, encodeBatch, encodeBatchReference, kCol, kGpuFigures, kHeartbeatFigures, kHostFigures, kResourceFigures, kSnapshotColumns, Topic,
} from '../../src/wire/index.js';
import type { ResourceSnapshot } from '../../src/wire/index.js';
import { resource } from '../../support/samples.js';
import { tempDir } from '../store/helpers.js';

// The figure tables (src/wire/figures.ts) are the one description of each
// figure. What derives from them at run time needs no test; these check the
// places that cannot derive from them — the .proto, the hand-written decoder
// and encoder, the SQL of the released migration, the dashboard — against them.

const root = new protobuf.Root().loadSync(new URL('../../proto/telemetry.proto', import.meta.url).pathname, { keepCase: true });
const type = (name: string): protobuf.Type => root.lookupType(`runbus.v1.${name}`);

function camel(snake: string): string {
  return snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The proto's type of a field as the table names it. */
function wireType(f: protobuf.Field): string {
  if (f.repeated) return f.type === 'FigureError' ? 'errors' : `repeated ${f.type}`;
  return f.type;
}

/** proto3 `optional`: protobufjs gives the field a synthetic oneof. */
function isOptional(f: protobuf.Field): boolean {
  return f.partOf !== null && f.partOf.name === `_${f.name}`;
}

function columns(db: Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
}

describe('figure tables against the .proto', () => {
  it('ResourceSnapshot: every field once, with its number, type and optional-ness', () => {
    const t = type('ResourceSnapshot');
    expect(kResourceFigures.map((f) => f.field).sort()).toEqual(t.fieldsArray.map((f) => f.name).sort());
    for (const f of kResourceFigures) {
      const p = t.fields[f.field]!;
      expect(p.id, f.field).toBe(f.number);
      expect(wireType(p), f.field).toBe(f.type);
      expect(f.key, f.field).toBe(camel(f.field));
      const numeric = f.type !== 'string' && f.type !== 'errors';
      expect(isOptional(p), f.field).toBe(numeric && !('scalar' in f));
    }
  });

  it('HostSnapshot and DiskUsage, GpuDevice, Heartbeat: every figure is an optional or scalar number field of that number', () => {
    const check = (msg: string, name: string, key: string, number: number, wt: string): void => {
      const p = type(msg).fields[name];
      expect(p, `${msg}.${name}`).toBeDefined();
      expect(p!.id, name).toBe(number);
      expect(p!.type, name).toBe(wt);
      expect(key, name).toBe(camel(name));
    };
    for (const f of kHostFigures) {
      if ('disk' in f) check('DiskUsage', f.field.replace(/^disk_percent$/, 'used_percent').replace(/^disk_/, ''), f.disk, f.number, f.type);
      else check('HostSnapshot', f.field, f.key, f.number, f.type);
    }
    for (const f of kGpuFigures) check('GpuDevice', f.field, f.key, f.number, f.type);
    for (const f of kHeartbeatFigures) check('Heartbeat', f.field, f.key, f.number, f.type);
  });

  it('leaves out no number a payload carries', () => {
    const numbers = (msg: string, skip: string[]): string[] =>
      type(msg).fieldsArray.filter((f) => !f.repeated && f.type !== 'string' && !skip.includes(f.name)).map((f) => f.name).sort();
    expect(kHostFigures.flatMap((f) => ('key' in f ? [f.field] : [])).sort()).toEqual(numbers('HostSnapshot', ['ts_ms']));
    expect(kGpuFigures.map((f) => f.field).sort()).toEqual(numbers('GpuDevice', ['index']));
    expect(kHeartbeatFigures.map((f) => f.field).sort()).toEqual(numbers('Heartbeat', ['ts_ms', 'pid']));
  });
});

describe('the hand-written RESOURCE decoder and encoder against the table', () => {
  const numeric = kResourceFigures.filter((f) => f.type !== 'string' && f.type !== 'errors' && f.col !== 'ts' && f.col !== 'pid');
  it.each(numeric.map((f) => [f.field, f] as const))('%s: field number, snapshot key and column position', (_name, f) => {
    const value = f.type === 'double' ? 12.25 : f.type === 'uint64' ? 2 ** 40 + 3 : 77;
    const p: ResourceSnapshot = { ...resource(), [f.key]: value };
    const ref = encodeBatchReference([{ topic: Topic.RESOURCE, payload: p }]);
    // The fast encoder writes what protobufjs writes.
    expect(Buffer.from(encodeBatch([{ topic: Topic.RESOURCE, payload: p }]))).toEqual(Buffer.from(ref));
    const sc = new BatchScanner(ref, Date.now());
    expect(sc.next()).toBe('resource');
    expect((sc.snapshot as unknown as Record<string, unknown>)[f.key]).toBe(value);
    expect(sc.row.values[kCol[f.col]]).toBe(value);
    expect(sc.row.values).toHaveLength(kSnapshotColumns);
  });

  it('strings, pid, ts and errors land in their columns', () => {
    const p = resource({ state: 'R', command: 'node', pid: 4242, errors: [{ figure: 'uss_bytes', reason: 'EACCES' }] });
    const sc = new BatchScanner(encodeBatchReference([{ topic: Topic.RESOURCE, payload: p }]), Date.now());
    sc.next();
    const v = sc.row.values;
    expect([v[kCol.state], v[kCol.command], v[kCol.pid], v[kCol.ts]]).toEqual(['R', 'node', 4242, p.tsMs]);
    expect(JSON.parse(v[kCol.errors] as string)).toEqual([{ figure: 'uss_bytes', reason: 'EACCES' }]);
    expect([sc.row.runId, sc.row.component]).toEqual([p.runId, p.component]);
  });
});

describe('the store schema against the table', () => {
  it('the released migration is unchanged (entries are never edited)', () => {
    expect(createHash('sha256').update(kMigrations[0]!).digest('hex')).toBe('134834a1470f6fb9b9bde0c317c9d8ee9de63252f82201610cb38ddc8fab644c');
  });

  it('t_snapshot is in table order; the views, rollups and other raw tables have a column per figure', () => {
    using tmp = tempDir();
    const db = openWriterDb(resolveStoreOptions({ path: tmp.db }));
    try {
      expect(columns(db, 't_snapshot')).toEqual(kResourceFigures.map((f) => f.column));
      expect(columns(db, 'snapshots')).toEqual(kResourceFigures.map((f) => f.field));
      const stats = (prefix: string): string[] => ['count', 'sum', 'avg', 'min', 'max'].map((s) => `${prefix}_${s}`);
      const rollups = columns(db, 'rollups_1m');
      expect(rollups.slice(4)).toEqual(kResourceFigures.flatMap((f) => ('rollup' in f ? stats(f.rollup) : [])));
      const host = columns(db, 'host_snapshots');
      for (const f of kHostFigures) expect(host.includes(f.field), f.field).toBe('column' in f);
      expect(columns(db, 'host_rollups_1m').slice(3)).toEqual(kHostFigures.flatMap((f) => ('rollup' in f ? stats(f.rollup) : [])));
      expect(columns(db, 'gpu_snapshots')).toEqual(expect.arrayContaining(kGpuFigures.map((f) => f.field)));
      expect(columns(db, 'heartbeats')).toEqual(expect.arrayContaining(kHeartbeatFigures.map((f) => f.field)));
    } finally {
      db.close();
    }
  });
});

describe('exporter, alerts, dashboard and docs against the table', () => {
  it('every family has a unit suffix that matches its figure', () => {
    for (const f of [...kResourceFigures, ...kHostFigures, ...kGpuFigures, ...kHeartbeatFigures]) {
      if (!('prom' in f)) continue;
      const { name, type: kind, factor } = f.prom;
      expect(name.endsWith('_total'), name).toBe(kind === 'counter');
      if (f.field.endsWith('_bytes')) expect(name, f.field).toMatch(/_bytes(_total)?$/);
      if (f.field.endsWith('_ms')) {
        expect(name, f.field).toMatch(/_seconds(_total)?$/);
        expect(factor).toBe(1e-3);
      } else {
        expect(factor, f.field).toBe(1);
      }
    }
    expect(kMetricNames.process.rss).toBe('runbus_process_resident_memory_bytes');
    expect(kFigureFamilies.resource!.loop_lag_p99_ms).toEqual(['runbus_process_event_loop_lag_p99_seconds', 1e-3]);
  });

  it('alert figures are the table’s, and docs/alerts.md lists them', () => {
    const docs = readFileSync(new URL('../../docs/alerts.md', import.meta.url), 'utf8');
    const listed = (source: string): string[] => {
      const line = docs.split('\n').find((l) => l.startsWith(`| \`${source}\` |`))!;
      return line.split('|')[3]!.split(',').map((s) => s.trim()).sort();
    };
    expect(fieldsOf('resource')).toEqual(kResourceFigures.flatMap((f) => ('alert' in f ? [f.field] : [])));
    expect(listed('resource')).toEqual([...fieldsOf('resource')].sort());
    expect(fieldsOf('host')).toEqual(expect.arrayContaining(kHostFigures.map((f) => f.field)));
    expect(fieldsOf('gpu')).toEqual(expect.arrayContaining(kGpuFigures.map((f) => f.field)));
    expect(fieldsOf('heartbeat')).toEqual(expect.arrayContaining(kHeartbeatFigures.map((f) => f.field)));
  });

  it('the dashboard charts the table’s dashboard figures, under their kCol keys', () => {
    expect([...kComponentFields]).toEqual([...kResourceFigures.flatMap((f) => ('dashboard' in f ? [f.col] : [])), ...kDerivedComponentFields]);
  });
});
