import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const kRoot = join(import.meta.dirname, '..', '..');

function tsFiles(dir: string): string[] {
  return readdirSync(join(kRoot, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') || f.endsWith('.mjs'))
    .map((f) => join(dir, f));
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(kRoot, file), 'utf8');
  return [...text.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);
}

describe('rooms outside src/', () => {
  it('bench/ and support/ never import from test/', () => {
    const bad: string[] = [];
    for (const f of [...tsFiles('bench'), ...tsFiles('support')]) {
      for (const spec of importsOf(f)) if (/(^|\/)test\//.test(spec)) bad.push(`${f} imports ${spec}`);
    }
    expect(bad).toEqual([]);
  });
});
