import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHostSampler, createProcessSampler, parseGpuApps, parseGpuDevices, parseGpuNumber } from '../../src/samplers/index.js';
import { tempDir } from './helpers.js';

describe('decoders never throw anything but their own errors', () => {
  it('parseGpuDevices: devices or a "malformed" error, never a stray exception', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        try {
          const d = parseGpuDevices(s);
          for (const x of d) {
            expect(Number.isInteger(x.index)).toBe(true);
            for (const v of [x.utilPercent, x.memUsedBytes, x.memTotalBytes, x.temperatureC, x.powerW]) {
              if (v !== undefined) expect(Number.isFinite(v) && v! >= 0).toBe(true);
            }
          }
        } catch (err) {
          expect((err as { reason?: string }).reason).toBe('malformed');
        }
        parseGpuApps(s);
        const n = parseGpuNumber(s);
        if (n !== undefined) expect(n).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('/proc parsers: any stat, status, io or meminfo content gives a result, never an exception', () => {
    const { dir, cleanup } = tempDir();
    try {
      const p = join(dir, '7');
      mkdirSync(join(p, 'fd'), { recursive: true });
      const proc = createProcessSampler({ procRoot: dir, smapsEveryTicks: 1 });
      const host = createHostSampler({ procRoot: dir, disks: [] });
      const text = fc.oneof(
        fc.string({ maxLength: 400 }),
        fc.constantFrom(
          '7 (a b) c) S 1 2 3',
          '7 (x) Z 1 1 1 0 -1 0 0 0 0 0 5 6 0 0 20 0 1 0 99 100 10 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 256',
          'VmRSS:\n',
          'cpu  1 2',
        ),
      );
      fc.assert(
        fc.property(text, text, text, (stat, status, io) => {
          writeFileSync(join(p, 'stat'), stat);
          writeFileSync(join(p, 'status'), status);
          writeFileSync(join(p, 'io'), io);
          writeFileSync(join(p, 'smaps_rollup'), status);
          writeFileSync(join(dir, 'stat'), stat);
          writeFileSync(join(dir, 'meminfo'), status);
          const r = proc.sample(7, 'x', 'run', Date.now());
          if (r.kind === 'ok') {
            for (const v of [r.snapshot.rssBytes, r.snapshot.threads, r.snapshot.cpuPercent, r.snapshot.ioReadBytes]) {
              if (v != null) expect(v).toBeGreaterThanOrEqual(0);
            }
          }
          proc.forget(7);
          host.sample('run', Date.now());
        }),
        { numRuns: 300 },
      );
    } finally {
      cleanup();
    }
  });
});
