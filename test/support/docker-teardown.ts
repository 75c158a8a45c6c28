import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { kSharedDir } from './docker.js';

// vitest globalSetup: nothing at start (the container tests start dockerd
// lazily, only when they run and none answers); at the end, stops a dockerd
// that the tests started and removes its directory.
export function teardown(): void {
  if (!existsSync(join(kSharedDir, 'started-by-tests'))) return;
  try {
    const pid = Number(readFileSync(join(kSharedDir, 'pid'), 'utf8'));
    if (pid > 0) process.kill(pid, 'SIGTERM');
  } catch {
    // already gone
  }
  // dockerd needs a moment to unmount; leave the dir if it is still busy.
  setTimeout(() => { try { rmSync(kSharedDir, { recursive: true, force: true }); } catch { /* busy */ } }, 3000).unref();
}
