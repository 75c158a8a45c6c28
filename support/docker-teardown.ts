import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { alive, kSharedDir } from './docker-engine.js';


// vitest globalSetup: at start, a lease for this run (the container tests
// start dockerd lazily, only when they run and none answers); at the end,
// stops a dockerd that the tests started and removes its directory, unless
// another vitest run (another checkout) still holds a lease on it.
const kLeases = `${kSharedDir}-leases`;

export function setup(): void {
  mkdirSync(kLeases, { recursive: true, mode: 0o700 });
  writeFileSync(join(kLeases, String(process.pid)), '');
}

function othersLeasing(): boolean {
  let others = false;
  let names: string[] = [];
  try {
    names = readdirSync(kLeases);
  } catch {
    return false;
  }
  for (const name of names) {
    const pid = Number(name);
    if (pid === process.pid) continue;
    if (pid > 0 && alive(pid)) others = true;
    else rmSync(join(kLeases, name), { force: true });
  }
  return others;
}

export async function teardown(): Promise<void> {
  rmSync(join(kLeases, String(process.pid)), { force: true });
  if (othersLeasing()) return;
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
