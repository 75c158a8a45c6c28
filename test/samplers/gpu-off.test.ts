import { afterEach, describe, expect, it } from 'vitest';
import { createGpuSampler } from '../../src/samplers/index.js';
import { fixture } from './helpers.js';

const command = fixture('nvidia-smi');

afterEach(() => {
  delete process.env.FAKE_NVSMI_MODE;
});

describe('GPU sampler turns itself off when there is no GPU to read', () => {
  it.each([
    ['no binary', 'normal', '/nonexistent/nvidia-smi', /not found/],
    ['a non-zero exit (no driver)', 'fail', command, /exited with code 9/],
    ['malformed output', 'malformed', command, /unexpected nvidia-smi line/],
    ['a hang past the timeout', 'hang', command, /did not answer within 300 ms/],
  ])('%s: one note, then null without running it again', async (_name, mode, cmd, why) => {
    process.env.FAKE_NVSMI_MODE = mode;
    const g = createGpuSampler({ command: cmd, timeoutMs: 300 });
    const a = await g.sample('run', Date.now());
    expect(a.snapshot).toBeNull();
    expect(a.note).toMatch(/GPU sampling off/);
    expect(a.note).toMatch(why);
    expect(g.enabled).toBe(false);
    const b = await g.sample('run', Date.now());
    expect(b).toEqual({ snapshot: null });
  });
});
