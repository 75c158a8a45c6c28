// Issue 15 item 10: a config file holding only `null` was taken as "no
// settings". It is refused, naming the file and what is wrong; a YAML file
// of nothing but comments still means no settings.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, kConfigDefaults, loadConfig, readConfigFile } from '../../src/config/index.js';
import { useTmpDir } from '../support/tmp.js';

const tmp = useTmpDir();

function refusal(file: string, text: string): ConfigError {
  const path = join(tmp(), file);
  writeFileSync(path, text);
  try {
    readConfigFile(path);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error(`${file} with ${JSON.stringify(text)} was accepted`);
}

describe('a config file that is not an object of settings', () => {
  it.each([
    ['runbus.config.json', 'null', 'null'],
    ['runbus.config.yaml', 'null\n', 'null'],
    ['runbus.config.yml', '~\n', 'null'],
    ['runbus.config.json', '42', '42'],
    ['runbus.config.json', '"db.sqlite"', 'db.sqlite'],
    ['runbus.config.yaml', '- db: x\n', 'array'],
  ])('%s holding %j is refused', (file, text, got) => {
    const err = refusal(file, text);
    expect(err.code).toBe('ERR_CONFIG_FILE');
    expect(err.message).toContain(join(tmp(), file));
    expect(err.message).toContain('must hold an object of settings');
    expect(err.message).toContain(got);
  });

  it('loadConfig refuses it too (nothing is half-applied)', () => {
    writeFileSync(join(tmp(), 'runbus.config.json'), 'null');
    expect(() => loadConfig({ env: {}, cwd: tmp() })).toThrow(ConfigError);
  });

  it('a YAML file of only comments and blank lines is no settings', () => {
    writeFileSync(join(tmp(), 'runbus.config.yaml'), '# nothing yet\n\n   # really\n');
    expect(loadConfig({ env: {}, cwd: tmp() }).values).toEqual(kConfigDefaults);
  });
});
