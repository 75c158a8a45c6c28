// Host identity: a stable id per machine, so two machines that share a
// hostname stay apart in a central store, and the inventory a hub records
// once at start (the `hosts` view, `runbus report`, runbus_host_info).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import si from 'systeminformation';
import type { HostRecord } from '../store/index.js';

const kMachineIdFiles = ['/etc/machine-id', '/var/lib/dbus/machine-id'];

/**
 * The id derived from the machine id (hashed: the machine id itself is
 * meant to stay private), or null when there is none; the store then keeps
 * a generated one.
 */
export function machineHostId(files: readonly string[] = kMachineIdFiles): string | null {
  for (const f of files) {
    try {
      const id = readFileSync(f, 'utf8').trim();
      if (id !== '') return createHash('sha256').update(`runbus-host-id:${id}`).digest('hex').slice(0, 16);
    } catch {
      // Next candidate.
    }
  }
  return null;
}

async function settle<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch {
    return undefined;
  }
}

/** Reads the inventory with systeminformation; a part that cannot be read is null. */
export async function collectHostRecord(hostId: string | null = machineHostId(), now = Date.now()): Promise<HostRecord> {
  const [cpu, mem, os, gfx] = await Promise.all([settle(si.cpu()), settle(si.mem()), settle(si.osInfo()), settle(si.graphics())]);
  const model = cpu === undefined ? null : `${cpu.manufacturer} ${cpu.brand}`.trim() || null;
  const gpus = gfx?.controllers.map((c) => ({ vendor: c.vendor, model: c.model, vramMb: c.vram ?? null })) ?? null;
  return {
    hostId,
    hostname: hostname(),
    cpuModel: model,
    cpuCores: cpu?.cores ?? null,
    cpuPhysicalCores: cpu?.physicalCores ?? null,
    memTotalBytes: mem?.total ?? null,
    os: os === undefined ? null : os.distro || os.platform || null,
    osRelease: os?.release ?? null,
    kernel: os?.kernel ?? null,
    arch: os?.arch ?? null,
    gpus: gpus === null ? null : JSON.stringify(gpus),
    seenAtMs: now,
  };
}
