import { describe, expect, it } from 'vitest';
import { RunBus } from '../../src/bus/index.js';
import { createLoopSampler, createSampler, resolveSamplerOptions } from '../../src/samplers/index.js';
import type { SamplerOptions } from '../../src/samplers/index.js';

const bus = new RunBus();
const base = { bus, runId: 'r' };

describe('sampler options', () => {
  it('fills the documented defaults', () => {
    const o = resolveSamplerOptions(base);
    expect(o).toMatchObject({
      intervalMs: 1000,
      host: true,
      disks: ['/'],
      gpu: { intervalMs: 5000, command: 'nvidia-smi', timeoutMs: 3000 },
      smapsEveryTicks: 60,
      statusEveryTicks: 10,
      roots: [],
      backend: 'auto',
    });
    expect(resolveSamplerOptions({ ...base, gpu: false }).gpu).toBeNull();
  });

  it('rejects an unknown key with a TypeError naming it (and the likely intent)', () => {
    expect(() => createSampler({ ...base, intervalMS: 5 } as unknown as SamplerOptions)).toThrow(
      new TypeError('createSampler: unknown option "intervalMS" (did you mean "intervalMs"?)'),
    );
    expect(() => createSampler({ ...base, gpu: { comand: 'x' } } as unknown as SamplerOptions)).toThrow(/unknown option "comand"/);
    expect(() => createSampler({ ...base, roots: [{ pid: 1, component: 'a', name: 'x' }] } as unknown as SamplerOptions)).toThrow(
      /options\.roots\[0\]: unknown option "name"/,
    );
    expect(() => createLoopSampler({ resolution: 20 } as never)).toThrow(/unknown option "resolution"/);
  });

  it.each([
    [{ intervalMs: 0 }, RangeError, /options\.intervalMs must be from 10/],
    [{ intervalMs: 1.5 }, TypeError, /options\.intervalMs must be an integer/],
    [{ host: 'yes' }, TypeError, /options\.host must be a boolean/],
    [{ disks: '/' }, TypeError, /options\.disks must be an array/],
    [{ disks: [1] }, TypeError, /options\.disks\[0\] must be a string/],
    [{ gpu: 'on' }, TypeError, /options\.gpu must be a boolean or an object/],
    [{ gpu: { timeoutMs: 1 } }, RangeError, /options\.gpu\.timeoutMs/],
    [{ smapsEveryTicks: -1 }, RangeError, /options\.smapsEveryTicks/],
    [{ roots: [{ pid: 0, component: 'a' }] }, RangeError, /options\.roots\[0\]\.pid/],
    [{ roots: [{ pid: 5, component: 3 }] }, TypeError, /options\.roots\[0\]\.component must be a string/],
    [{ backend: 'ps' }, TypeError, /options\.backend must be one of "auto", "procfs", "pidusage"/],
    [{ logger: {} }, TypeError, /options\.logger must have a warn/],
    [{ bus: {} }, TypeError, /options\.bus must be a RunBus/],
    [{ runId: 5 }, TypeError, /options\.runId must be a string/],
  ])('rejects %o', (patch, type, message) => {
    const bad = { ...base, ...patch } as unknown as SamplerOptions;
    expect(() => resolveSamplerOptions(bad)).toThrow(type);
    expect(() => resolveSamplerOptions(bad)).toThrow(message);
  });

  it('rejects a loop resolution finer than 20 ms', () => {
    expect(() => createLoopSampler({ resolutionMs: 1 })).toThrow(RangeError);
  });
});
