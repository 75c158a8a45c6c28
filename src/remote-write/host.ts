// Host identity: a stable id per machine, so two machines that share a
// hostname stay apart in a central store, and the inventory a hub records
// once at start (the `hosts` view, `runbus report`, runbus_host_info).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { arch, cpus, hostname, release, totalmem } from 'node:os';
import { join } from 'node:path';
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

/** Where the Linux reader looks (tests point it at fixture trees). */
export interface HostFiles {
  proc: string;
  sys: string;
  etc: string;
}

const kHostFiles: HostFiles = { proc: '/proc', sys: '/sys', etc: '/etc' };

const read = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

/** PCI vendor ids of display controllers, for a name without a pci.ids lookup. */
const kGpuVendors: Readonly<Record<string, string>> = {
  '0x10de': 'NVIDIA', '0x1002': 'AMD', '0x8086': 'Intel', '0x1af4': 'Red Hat', '0x1234': 'QEMU', '0x15ad': 'VMware', '0x1414': 'Microsoft', '0x1a03': 'ASPEED',
};

/** Display controllers (PCI class 0x03xxxx) from sysfs; the NVIDIA driver's own file names the model. */
function linuxGpus(f: HostFiles): { vendor: string; model: string; vramMb: null }[] {
  let devices: string[];
  try {
    devices = readdirSync(join(f.sys, 'bus/pci/devices'));
  } catch {
    return [];
  }
  const out: { vendor: string; model: string; vramMb: null }[] = [];
  for (const d of devices.sort()) {
    const dir = join(f.sys, 'bus/pci/devices', d);
    if (!(read(join(dir, 'class'))?.trim().startsWith('0x03') ?? false)) continue;
    const vendorId = read(join(dir, 'vendor'))?.trim() ?? '';
    const deviceId = read(join(dir, 'device'))?.trim() ?? '';
    const nvidia = read(join(f.proc, 'driver/nvidia/gpus', d, 'information'));
    const model = (nvidia === null ? undefined : /^Model:\s*(.+)$/m.exec(nvidia)?.[1]?.trim()) ?? `device ${deviceId}`;
    out.push({ vendor: kGpuVendors[vendorId] ?? `vendor ${vendorId}`, model, vramMb: null });
  }
  return out;
}

/**
 * The inventory on Linux from files alone: /proc/cpuinfo, /etc/os-release,
 * sysfs. Nothing is spawned (systeminformation's osInfo() and graphics()
 * start shells, which would show up as children of an embedding app).
 */
export function linuxHostRecord(hostId: string | null, now: number, f: HostFiles = kHostFiles): HostRecord | null {
  const cpuinfo = read(join(f.proc, 'cpuinfo'));
  if (cpuinfo === null) return null;
  const field = (text: string, name: string): string | undefined => new RegExp(`^${name}\\s*:\\s*(.*)$`, 'm').exec(text)?.[1]?.trim();
  const cores = new Set<string>();
  let processors = 0;
  for (const block of cpuinfo.split(/\n\s*\n/)) {
    if (field(block, 'processor') === undefined) continue;
    processors++;
    cores.add(`${field(block, 'physical id') ?? '0'}:${field(block, 'core id') ?? String(processors)}`);
  }
  const osRelease = read(join(f.etc, 'os-release')) ?? read('/usr/lib/os-release') ?? '';
  const osField = (name: string): string | null => {
    const v = new RegExp(`^${name}=(.*)$`, 'm').exec(osRelease)?.[1]?.trim().replace(/^"(.*)"$/, '$1');
    return v === undefined || v === '' ? null : v;
  };
  return {
    hostId,
    hostname: hostname(),
    cpuModel: field(cpuinfo, 'model name') ?? field(cpuinfo, 'Hardware') ?? null,
    cpuCores: processors || cpus().length || null,
    cpuPhysicalCores: cores.size || null,
    memTotalBytes: totalmem(),
    os: osField('NAME'),
    osRelease: osField('VERSION_ID'),
    kernel: release(),
    arch: arch(),
    gpus: JSON.stringify(linuxGpus(f)),
    seenAtMs: now,
  };
}

/** Reads the inventory (from files on Linux, else systeminformation); a part that cannot be read is null. */
export async function collectHostRecord(hostId: string | null = machineHostId(), now = Date.now()): Promise<HostRecord> {
  const linux = process.platform === 'linux' ? linuxHostRecord(hostId, now) : null;
  if (linux !== null) return linux;
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
