import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { kSharedDir } from './docker-engine.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// vitest globalSetup: nothing at start (the container tests start dockerd
// lazily, only when they run and none answers); at the end, stops a dockerd
// that the tests started and removes its directory.
export async function teardown(): Promise<void> {
  if (!existsSync(join(kSharedDir, 'started-by-tests'))) return;
  let pid = 0;
  try {
    pid = Number(readFileSync(join(kSharedDir, 'pid'), 'utf8'));
    if (pid > 0) process.kill(pid, 'SIGTERM');
  } catch {
    // already gone
  }
  const end = Date.now() + 15_000;
  while (pid > 0 && alive(pid) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  try {
    rmSync(kSharedDir, { recursive: true, force: true });
  } catch {
    // a mount still busy: the next run's helper starts over in the same place
  }
}
