import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGpuSampler } from '../../src/samplers/index.js';
import { fixture, tempDir } from './helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  delete process.env.FAKE_NVSMI_MODE_FILE;
  for (const c of cleanups.splice(0)) c();
});

describe('GPU sampler after it has worked once', () => {
  it('reports a failure in errors (no devices, no zeros) and recovers', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const modeFile = join(dir, 'mode');
    process.env.FAKE_NVSMI_MODE_FILE = modeFile;
    const g = createGpuSampler({ command: fixture('nvidia-smi'), timeoutMs: 300 });

    writeFileSync(modeFile, 'normal\n');
    expect((await g.sample('run', Date.now())).snapshot!.devices).toHaveLength(1);

    for (const [mode, reason] of [
      ['fail', 'exit 9'],
      ['hang', 'timeout'],
      ['malformed', 'malformed'],
    ] as const) {
      writeFileSync(modeFile, `${mode}\n`);
      const { snapshot, note } = await g.sample('run', Date.now());
      expect(note).toBeUndefined();
      expect(snapshot!.devices).toEqual([]);
      expect(snapshot!.errors).toEqual([{ figure: 'devices', reason }]);
    }
    expect(g.enabled).toBe(true);

    writeFileSync(modeFile, 'normal\n');
    expect((await g.sample('run', Date.now())).snapshot!.devices![0]!.utilPercent).toBe(42);
  });
});
