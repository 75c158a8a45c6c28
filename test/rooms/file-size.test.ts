import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Rooms stay small enough to read: no hand-written file under src/ over 500
// lines. Generated code (src/wire/gen) is exempt.
const kMaxLines = 500;
const src = fileURLToPath(new URL('../../src', import.meta.url));
function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'gen' ? [] : files(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

describe('rooms', () => {
  it(`no hand-written file under src/ is over ${kMaxLines} lines`, () => {
    const big = files(src)
      .map((p) => [relative(src, p), readFileSync(p, 'utf8').split('\n').length - 1] as const)
      .filter(([, n]) => n > kMaxLines);
    expect(big).toEqual([]);
  });
});
