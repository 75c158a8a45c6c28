// fast-check arbitraries shared by the codec's property tests.
import fc from 'fast-check';
import type { ResourceSnapshot } from '../../src/wire/index.js';

export const opt = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(a, { nil: undefined });

/**
 * Fields of any payload as an encoder may be handed them (for the payloads
 * the hand-written readers take: CONTAINER, HOST): 64-bit figures negative,
 * fractional or past 2^53, doubles the validator refuses, strings empty,
 * long or with a BOM, times implausible; `nowMs` bounds the plausible ones.
 */
export function anyFields(tsMs: number, nowMs: number) {
  const str = fc.oneof(
    fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 10 }), fc.constant(''), fc.constant('\uFEFFbom'),
    fc.string({ minLength: 40, maxLength: 200 }), fc.string({ minLength: 500, maxLength: 600 }),
  );
  return {
    u64: fc.oneof(
      fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: -(2 ** 40), max: -1 }),
      fc.double({ min: 0, max: 1e15, noNaN: true }), fc.constantFrom(2 ** 31, 2 ** 32 - 1, 2 ** 53, 2 ** 60),
    ),
    u32: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: -5, max: -1 })),
    dbl: fc.oneof({ weight: 6, arbitrary: fc.double({ min: 0, max: 1e12, noNaN: true }) }, { weight: 1, arbitrary: fc.double() }),
    str,
    ts: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: tsMs - 1e10, max: nowMs }) }, { weight: 1, arbitrary: fc.integer({ min: -(2 ** 45), max: 2 ** 45 }) }),
    error: fc.record({ figure: opt(str), reason: opt(str) }),
  };
}

/** How each kind of ResourceSnapshot field is drawn. */
export interface SnapshotParts {
  ts: fc.Arbitrary<number>;
  pid: fc.Arbitrary<number>;
  u32: fc.Arbitrary<number>;
  u64: fc.Arbitrary<number>;
  dbl: fc.Arbitrary<number>;
  str: fc.Arbitrary<string>;
}

/** A ResourceSnapshot with every field of the .proto, optional ones often absent. */
export function snapshotOf({ ts, pid, u32, u64, dbl, str }: SnapshotParts): fc.Arbitrary<ResourceSnapshot> {
  return fc.record({
    tsMs: ts, runId: str, component: str, pid,
    cpuPercent: opt(dbl), rssBytes: opt(u64), ussBytes: opt(u64), threads: opt(u32), openFds: opt(u32),
    gpuUtilPercent: opt(dbl), gpuMemBytes: opt(u64), loopLagP99Ms: opt(dbl), cpuUserMs: opt(dbl), cpuSystemMs: opt(dbl),
    pssBytes: opt(u64), vmsBytes: opt(u64), ioReadBytes: opt(u64), ioWriteBytes: opt(u64),
    ctxSwitchesVoluntary: opt(u64), ctxSwitchesInvoluntary: opt(u64), state: str,
    loopLagP50Ms: opt(dbl), loopLagMaxMs: opt(dbl), loopUtilization: opt(dbl), ppid: u32, command: str,
    errors: opt(fc.array(fc.record({ figure: opt(str), reason: opt(str) }), { maxLength: 3 })),
  }, { requiredKeys: ['tsMs', 'runId', 'component', 'pid'] });
}
