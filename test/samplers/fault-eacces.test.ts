import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createProcessSampler } from '../../src/samplers/index.js';

function ioDenied(): boolean {
  try {
    readFileSync('/proc/1/io');
    return false;
  } catch (err) {
    return (err as { code?: string }).code === 'EACCES';
  }
}

describe('faults: permission denied on /proc/<pid>/io', () => {
  // Needs a process whose io we may not read (another user's, or pid 1 in a
  // container). Where every io file is readable the case cannot arise.
  it.skipIf(!ioDenied())('leaves io figures absent with reason EACCES and keeps the rest', () => {
    const s = createProcessSampler();
    const r = s.sample(1, 'init', 'run', Date.now());
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.snapshot.ioReadBytes).toBeUndefined();
    expect(r.snapshot.ioWriteBytes).toBeUndefined();
    expect(r.snapshot.errors).toContainEqual({ figure: 'io_read_bytes', reason: 'EACCES' });
    expect(r.snapshot.threads).toBeGreaterThan(0);
    expect(r.snapshot.cpuUserMs).toBeGreaterThanOrEqual(0);
  });
});
