// The sampler reads a tick's numbers without a string per read: a one-number
// file straight from the read buffer (CgroupFiles.number), one figure of a
// keyed file (memory.stat, cpu.stat) without splitting it into a map
// (flatKeyedValue). Both must give what the string route gives, for any text.
import { mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CgroupFiles, flatKeyedValue, parseFlatKeyed } from '../../src/containers/cgroup.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'runbus-cgroup-numbers-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('CgroupFiles.number', () => {
  it('gives Number(text.trim()) for what cgroup files hold and for anything else', () => {
    const file = join(dir, 'memory.usage_in_bytes');
    const files = new CgroupFiles();
    const texts = fc.oneof(
      fc.bigInt({ min: 0n, max: 2n ** 64n }).map((n) => `${n}\n`),
      fc.nat().map((n) => `${n}`),
      fc.constantFrom('', '\n', 'max\n', '-1\n', ' 12\n', '12 \n', '1e3\n', '0x10\n', '007\n', '9007199254740993\n', '123456789012345\n', '1234567890123456\n'),
      fc.string({ maxLength: 24 }),
    );
    fc.assert(fc.property(texts, (t) => {
      writeFileSync(file, t, 'latin1');
      // The same descriptor throughout: each read is a pread at offset 0.
      expect(Object.is(files.number(file), Number(files.read(file).trim()))).toBe(true);
    }), { numRuns: 400 });
    files.close();
  });

  it('keeps one descriptor per file and reads the file afresh each time', () => {
    const file = join(dir, 'pids.current');
    let opens = 0;
    const files = new CgroupFiles((p) => { opens++; return openSync(p, 'r'); });
    writeFileSync(file, '3\n');
    expect(files.number(file)).toBe(3);
    writeFileSync(file, '17\n');
    expect(files.number(file)).toBe(17);
    expect(opens).toBe(1);
    files.close();
  });
});

describe('flatKeyedValue', () => {
  it('gives parseFlatKeyed(text).get(key) for memory.stat and cpu.stat texts and arbitrary lines', () => {
    const keys = ['inactive_file', 'total_inactive_file', 'usage_usec', 'file', 'active_file'];
    const line = fc.oneof(
      fc.tuple(fc.constantFrom(...keys), fc.oneof(fc.nat().map(String), fc.constantFrom('', 'x', ' 5', '5 6', '1e3', '-2', '5\r'))).map(([k, v]) => `${k} ${v}`),
      fc.string({ maxLength: 30 }),
      fc.constantFrom('inactive_file', 'inactive_file5 1', 'xinactive_file 3', ''),
    );
    fc.assert(fc.property(fc.array(line, { maxLength: 12 }), fc.constantFrom(...keys), fc.boolean(), (lines, key, nl) => {
      const text = lines.join('\n') + (nl ? '\n' : '');
      expect(flatKeyedValue(text, key)).toBe(parseFlatKeyed(text).get(key));
    }), { numRuns: 2000 });
  });

  it('finds a key at the start, in the middle and on the last line without a newline', () => {
    expect(flatKeyedValue('inactive_file 5\nactive_file 6\n', 'inactive_file')).toBe(5);
    expect(flatKeyedValue('active_file 6\ninactive_file 7\n', 'inactive_file')).toBe(7);
    expect(flatKeyedValue('active_file 6\ninactive_file 8', 'inactive_file')).toBe(8);
    expect(flatKeyedValue('total_inactive_file 9\n', 'inactive_file')).toBeUndefined();
  });
});
