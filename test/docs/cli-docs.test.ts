// docs/cli.md against the command itself: every flag `runbus <cmd> --help`
// lists is documented, and every flag the page names exists. docs/ and
// the code drifted before (the dashboard was "not available yet" there long
// after it shipped).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commandHelp, kCommands, mainHelp } from '../../src/cli/commands.js';

const kDocs = join(dirname(fileURLToPath(import.meta.url)), '../../docs');

/** Flags of other programs that docs/cli.md quotes. */
const kForeignFlags = new Set(['--query-compute-apps', '--format']);

function flagsIn(text: string): Set<string> {
  return new Set([...text.matchAll(/(?<![\w-])--[a-z][a-z0-9-]*/g)].map((m) => m[0]));
}

describe('docs/cli.md', () => {
  const doc = readFileSync(join(kDocs, 'cli.md'), 'utf8');
  const documented = flagsIn(doc);

  it('documents every flag of every command, as --help lists it', () => {
    for (const c of kCommands) {
      const help = flagsIn(commandHelp(c).split('\n\n').slice(0, 3).join('\n\n'));
      const missing = [...help].filter((f) => !documented.has(f));
      expect(missing, `runbus ${c.name} --help`).toEqual([]);
    }
  });

  it('names no flag the command does not have', () => {
    const real = new Set<string>(flagsIn(mainHelp('x')));
    for (const c of kCommands) for (const f of c.flags) real.add(`--${f.name}`);
    const unknown = [...documented].filter((f) => !real.has(f) && !kForeignFlags.has(f));
    expect(unknown).toEqual([]);
  });

  it('and docs/configuration.md do not call shipped features unavailable', () => {
    for (const page of ['cli.md', 'configuration.md']) {
      const text = readFileSync(join(kDocs, page), 'utf8');
      expect(text, page).not.toMatch(/not (?:available|part of this version) yet/i);
    }
  });
});
