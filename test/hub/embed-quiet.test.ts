import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../support/tmp.js';

const tmp = useTmpDir();
const fixture = join(import.meta.dirname, '..', 'fixtures', 'hub', 'embed-default.mjs');

function run(dir: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  // PATH without nvidia-smi: the GPU sampler turns itself off and has something to say.
  const child = spawn(process.execPath, [fixture, join(dir, 'app.db'), join(dir, 'hub.sock')], {
    env: { PATH: dirname(process.execPath), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => {
    resolve({ code, stderr });
  }));
}

describe('an embedded hub and bus print nothing unasked', () => {
  it('default options: nothing on stderr; NODE_DEBUG=runbus shows the same warnings', async () => {
    const quiet = await run(tmp(), {});
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    const told = await run(tmp(), { NODE_DEBUG: 'runbus' });
    expect(told.code).toBe(0);
    expect(told.stderr).toContain('GPU sampling off');
  });
});
