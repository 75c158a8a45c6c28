// fast-check arbitraries shared by the codec's property tests.
import fc from 'fast-check';
import type { ResourceSnapshot } from '../../src/wire/index.js';

export const opt = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(a, { nil: undefined });

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
