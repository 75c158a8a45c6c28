import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectHostRecord, linuxHostRecord } from '../../src/remote-write/host.js';
import { useTmpDir } from '../support/tmp.js';

const tmp = useTmpDir();

function put(root: string, path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

// The inventory is read from files on Linux: nothing is spawned, so an app
// that embeds the hub shows no `app/sh` helpers in its process list.
describe('host inventory from files', () => {
  it('reads cpu, os and display controllers from fixture trees', () => {
    const root = tmp();
    const cpu = (n: number, core: number): string => `processor\t: ${n}\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) Gold 6230\nphysical id\t: 0\ncore id\t\t: ${core}\n`;
    put(root, 'proc/cpuinfo', [cpu(0, 0), cpu(1, 1), cpu(2, 0), cpu(3, 1)].join('\n'));
    put(root, 'etc/os-release', 'PRETTY_NAME="Ubuntu 24.04 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\n');
    put(root, 'sys/bus/pci/devices/0000:00:02.0/class', '0x030000\n');
    put(root, 'sys/bus/pci/devices/0000:00:02.0/vendor', '0x10de\n');
    put(root, 'sys/bus/pci/devices/0000:00:02.0/device', '0x20b0\n');
    put(root, 'proc/driver/nvidia/gpus/0000:00:02.0/information', 'Model: \t\t NVIDIA A100-SXM4-40GB\nIRQ:  34\n');
    put(root, 'sys/bus/pci/devices/0000:00:03.0/class', '0x030200\n');
    put(root, 'sys/bus/pci/devices/0000:00:03.0/vendor', '0x1002\n');
    put(root, 'sys/bus/pci/devices/0000:00:03.0/device', '0x740f\n');
    put(root, 'sys/bus/pci/devices/0000:00:04.0/class', '0x020000\n');
    const rec = linuxHostRecord('abc', 7, { proc: join(root, 'proc'), sys: join(root, 'sys'), etc: join(root, 'etc') });
    expect(rec).toMatchObject({ hostId: 'abc', seenAtMs: 7, cpuModel: 'Intel(R) Xeon(R) Gold 6230', cpuCores: 4, cpuPhysicalCores: 2, os: 'Ubuntu', osRelease: '24.04' });
    expect(JSON.parse(rec!.gpus!)).toEqual([
      { vendor: 'NVIDIA', model: 'NVIDIA A100-SXM4-40GB', vramMb: null },
      { vendor: 'AMD', model: 'device 0x740f', vramMb: null },
    ]);
  });

  it('is null without /proc/cpuinfo (another platform: systeminformation reads it then)', () => {
    const root = tmp();
    expect(linuxHostRecord(null, 1, { proc: join(root, 'proc'), sys: join(root, 'sys'), etc: join(root, 'etc') })).toBeNull();
  });

  it.runIf(process.platform === 'linux')('is what the hub records on this machine', async () => {
    expect(await collectHostRecord(null, 5)).toEqual(linuxHostRecord(null, 5));
  });
});
