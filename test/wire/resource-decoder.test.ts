import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WireError } from '../../src/errors.js';
import { BatchScanner, decodeBatch, encodeBatch, kCol, publishOf, Topic } from '../../src/wire/index.js';
import type { Envelope, ResourceSnapshot } from '../../src/wire/index.js';
import { everyTopic, kTs } from '../../support/samples.js';

// The store writer's view of the RESOURCE reader (row.values in column
// order) must see exactly what the wire codec sees. (The codec's own use of
// it is checked against protobufjs in fast-decode.test.ts.)

const kT0 = kTs;

const kFields: [keyof ResourceSnapshot, number][] = [
  ['pid', kCol.pid], ['tsMs', kCol.ts], ['cpuPercent', kCol.cpu], ['rssBytes', kCol.rss], ['ussBytes', kCol.uss], ['threads', kCol.threads],
  ['openFds', kCol.fds], ['gpuUtilPercent', kCol.gpuUtil], ['gpuMemBytes', kCol.gpuMem], ['loopLagP99Ms', kCol.lagP99],
  ['cpuUserMs', kCol.cpuUser], ['cpuSystemMs', kCol.cpuSystem], ['pssBytes', kCol.pss], ['vmsBytes', kCol.vms],
  ['ioReadBytes', kCol.ioRead], ['ioWriteBytes', kCol.ioWrite], ['ctxSwitchesVoluntary', kCol.ctxVol],
  ['ctxSwitchesInvoluntary', kCol.ctxInvol], ['loopLagP50Ms', kCol.lagP50], ['loopLagMaxMs', kCol.lagMax],
  ['loopUtilization', kCol.elu], ['ppid', kCol.ppid],
];

function scan(bytes: Uint8Array): { resources: { values: unknown[]; runId: string; component: string }[]; others: Envelope[] } {
  const sc = new BatchScanner(bytes, Date.now());
  const resources = [];
  const ranges: [number, number][] = [];
  for (let k = sc.next(); k !== 'done'; k = sc.next()) {
    if (k === 'other') ranges.push([sc.otherStart, sc.otherEnd]);
    else resources.push({ values: [...sc.row.values], runId: sc.row.runId, component: sc.row.component });
  }
  return { resources, others: ranges.length ? decodeBatch(publishOf(bytes, ranges)) : [] };
}

const optD = fc.option(fc.double({ min: 0, max: 1e12, noNaN: true, noDefaultInfinity: true }), { nil: undefined });
const optU = fc.option(fc.maxSafeNat(), { nil: undefined });
const optU32 = fc.option(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { nil: undefined });
const arbSnap: fc.Arbitrary<ResourceSnapshot> = fc.record({
  tsMs: fc.integer({ min: kT0 - 1e10, max: kT0 + 1e9 }),
  runId: fc.string({ maxLength: 20 }),
  component: fc.string({ unit: 'grapheme', maxLength: 20 }),
  pid: fc.integer({ min: 1, max: 2 ** 32 - 1 }),
  cpuPercent: optD, rssBytes: optU, ussBytes: optU, threads: optU32, openFds: optU32, gpuUtilPercent: optD, gpuMemBytes: optU,
  loopLagP99Ms: optD, cpuUserMs: optD, cpuSystemMs: optD, pssBytes: optU, vmsBytes: optU, ioReadBytes: optU, ioWriteBytes: optU,
  ctxSwitchesVoluntary: optU, ctxSwitchesInvoluntary: optU, state: fc.constantFrom('', 'R', 'S', 'Z'), loopLagP50Ms: optD,
  loopLagMaxMs: optD, loopUtilization: optD, ppid: optU32, command: fc.string({ maxLength: 15 }),
  errors: fc.array(fc.record({ figure: fc.string({ maxLength: 8 }), reason: fc.string({ maxLength: 8 }) }), { maxLength: 2 }),
});

describe('BatchScanner rows (the store writer’s RESOURCE fast path)', () => {
  it('reads every field exactly as decodeBatch() does, and hands other topics back in order', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(arbSnap.map((p): Envelope => ({ topic: Topic.RESOURCE, payload: p })), fc.constantFrom(...everyTopic().slice(1))), { maxLength: 30 }), (envs) => {
        const bytes = encodeBatch(envs);
        const want = decodeBatch(bytes);
        const got = scan(bytes);
        const wantRes = want.filter((e) => e.topic === Topic.RESOURCE).map((e) => e.payload);
        expect(got.resources).toHaveLength(wantRes.length);
        wantRes.forEach((p, i) => {
          const g = got.resources[i]!;
          expect(g.runId).toBe(p.runId ?? '');
          expect(g.component).toBe(p.component ?? '');
          for (const [f, col] of kFields) expect(g.values[col], f).toBe((p[f] as number | null | undefined) ?? (f === 'ppid' ? 0 : null));
          expect(g.values[kCol.state]).toBe(p.state || null);
          expect(g.values[kCol.command]).toBe(p.command || null);
          const errs = (p.errors ?? []).map((e) => ({ ...(e.figure ? { figure: e.figure } : {}), ...(e.reason ? { reason: e.reason } : {}) }));
          expect(g.values[kCol.errors]).toBe(errs.length ? JSON.stringify(errs) : null);
        });
        expect(got.others).toEqual(want.filter((e) => e.topic !== Topic.RESOURCE));
      }),
      { numRuns: 300 },
    );
  });

  it('rejects what the validator rejects, with WireError', () => {
    const bad: Partial<ResourceSnapshot>[] = [
      { tsMs: 1_000_000 }, // seconds, not ms
      { tsMs: Date.now() + 2 * 86_400_000 },
      { pid: 0 },
      { cpuPercent: -1 },
      { loopUtilization: Number.NaN },
      { gpuUtilPercent: Number.POSITIVE_INFINITY },
      { runId: 'x'.repeat(513) },
      { component: 'y'.repeat(513) },
    ];
    for (const over of bad) {
      const bytes = encodeBatch([{ topic: Topic.RESOURCE, payload: { tsMs: kT0, runId: 'r', component: 'c', pid: 1, ...over } }]);
      expect(() => decodeBatch(bytes), JSON.stringify(over)).toThrow(WireError);
      expect(() => scan(bytes), JSON.stringify(over)).toThrow(WireError);
    }
  });

  it('never hangs and only throws WireError on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          scan(bytes);
        } catch (err) {
          expect(err).toBeInstanceOf(WireError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
