import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../support/tmp.js';

const tmp = useTmpDir();
const cli = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'main.js');

describe('runbus hub --dashboard', () => {
  it('serves the page on a free port, says where, and stops cleanly on SIGTERM', async () => {
    const dir = tmp();
    const child = spawn(process.execPath, [cli, 'hub', '--dashboard', '--no-gpu', '--socket', join(dir, 'h.sock'), '--db', join(dir, 'h.db')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => { reject(new Error(`no dashboard line; stderr: ${stderr}`)); }, 20_000);
      child.stderr.on('data', (d: string) => {
        stderr += d;
        const m = /dashboard on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
    });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => { r(code); }));
    try {
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/<html/i);
      expect((await fetch(`${url}metrics`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
