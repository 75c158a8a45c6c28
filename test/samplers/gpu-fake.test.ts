import { afterEach, describe, expect, it } from 'vitest';
import { createGpuSampler, parseGpuPmon } from '../../src/samplers/index.js';
import { fixture } from './helpers.js';

const kMiB = 1024 * 1024;
const command = fixture('nvidia-smi');

afterEach(() => {
  delete process.env.FAKE_NVSMI_MODE;
});

describe('GPU sampler with a fake nvidia-smi', () => {
  it('reads one GPU and its compute processes', async () => {
    process.env.FAKE_NVSMI_MODE = 'normal';
    const g = createGpuSampler({ command });
    const { snapshot, note } = await g.sample('run', Date.now());
    expect(note).toBeUndefined();
    expect(snapshot!.errors).toEqual([]);
    expect(snapshot!.devices).toEqual([
      {
        index: 0,
        uuid: 'GPU-aaaa-0000',
        name: 'NVIDIA GeForce RTX 3090',
        utilPercent: 42,
        memUsedBytes: 2048 * kMiB,
        memTotalBytes: 24576 * kMiB,
        temperatureC: 61,
        powerW: 120.75,
        processes: [{ pid: 4242, name: 'python3', usedMemBytes: 2000 * kMiB }],
      },
    ]);
  });

  it('reads several GPUs and puts each process on its own GPU', async () => {
    process.env.FAKE_NVSMI_MODE = 'multi';
    const g = createGpuSampler({ command });
    const { snapshot } = await g.sample('run', Date.now());
    const d = snapshot!.devices!;
    expect(d.map((x) => x.index)).toEqual([0, 1, 2]);
    expect(d[0]!.processes).toEqual([{ pid: 4242, name: '/usr/bin/python3', usedMemBytes: 30000 * kMiB }]);
    expect(d[1]!.processes).toEqual([{ pid: 4243, name: 'trainer, with comma', usedMemBytes: 1000 * kMiB }]);
    expect(d[2]!.processes).toEqual([]);
    expect(d[2]!.utilPercent).toBe(0);
  });

  it('leaves [N/A] and [Not Supported] absent, never 0', async () => {
    process.env.FAKE_NVSMI_MODE = 'na';
    const g = createGpuSampler({ command });
    const { snapshot } = await g.sample('run', Date.now());
    const d = snapshot!.devices![0]!;
    expect(d.utilPercent).toBeUndefined();
    expect(d.temperatureC).toBeUndefined();
    expect(d.powerW).toBeUndefined();
    expect(d.memUsedBytes).toBe(512 * kMiB);
    expect(d.processes).toEqual([{ pid: 5151, name: 'python3' }]);
  });

  it('reads per-process utilisation from pmon: summed over GPUs, absent where pmon shows "-"', async () => {
    process.env.FAKE_NVSMI_MODE = 'normal';
    expect((await createGpuSampler({ command }).sample('run', Date.now())).utilByPid).toEqual(new Map([[4242, 37]]));
    process.env.FAKE_NVSMI_MODE = 'multi';
    expect((await createGpuSampler({ command }).sample('run', Date.now())).utilByPid).toEqual(new Map([[4242, 92], [4243, 3]]));
    process.env.FAKE_NVSMI_MODE = 'na';
    expect((await createGpuSampler({ command }).sample('run', Date.now())).utilByPid).toEqual(new Map());
    process.env.FAKE_NVSMI_MODE = 'noapps';
    expect((await createGpuSampler({ command }).sample('run', Date.now())).utilByPid).toEqual(new Map());
  });

  it('parses pmon lines of older and newer drivers, skipping headers and nonsense', () => {
    const old = ['# gpu        pid  type    sm   mem   enc   dec   command', '# Idx          #   C/G     %     %     %     %   name', '    0      12345     C    45    12     -     -   python'].join('\n');
    expect(parseGpuPmon(old)).toEqual(new Map([[12345, 45]]));
    expect(parseGpuPmon('garbage line\n0 abc C 5 5\n0 -1 C 5 5\n')).toEqual(new Map());
  });
});
