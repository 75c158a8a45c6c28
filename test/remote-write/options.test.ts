// Remote-write settings: malformed URLs are typed errors at start that
// change nothing; the environment and config-file forms; credentials only
// from files or the environment.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, readLibraryEnv } from '../../src/config/index.js';
import { createHub } from '../../src/hub/index.js';
import { RemoteWriteError, readCredentialFile, resolveRemoteWriteOptions } from '../../src/remote-write/index.js';
import { remoteWriteFromConfig } from '../../src/cli/remote-write.js';
import { useTmpDir } from '../support/tmp.js';

const tmp = useTmpDir();

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (err) {
    return (err as { code?: string }).code ?? (err as Error).name;
  }
  return undefined;
}

describe('remote write options', () => {
  it('a malformed, non-http or credential-carrying URL is ERR_REMOTE_WRITE_URL', () => {
    for (const u of ['', 'nope', 'http//x', 'ftp://x/y', 'http://user:pw@x/api/v1/write']) {
      expect(code(() => resolveRemoteWriteOptions({ urls: [u] }))).toBe('ERR_REMOTE_WRITE_URL');
    }
    expect(() => resolveRemoteWriteOptions({ urls: ['http://x/w'], bearerToken: 'a', basicAuth: { username: 'u', password: 'p' } })).toThrow(TypeError);
    expect(() => resolveRemoteWriteOptions({ urls: ['http://x/w'], pollMS: 5 } as never)).toThrow(/did you mean "pollMs"/);
    expect(() => resolveRemoteWriteOptions({ urls: ['http://x/w'], minBackoffMs: 10, maxBackoffMs: 5 })).toThrow(RangeError);
  });

  it('createHub with a malformed URL rejects with the typed error and creates no database', async () => {
    const db = join(tmp(), 'x.db');
    await expect(createHub({ db, handleSignals: false, remoteWrite: { urls: ['not a url'] } })).rejects.toBeInstanceOf(RemoteWriteError);
    expect(existsSync(db)).toBe(false);
    await expect(createHub({ db: false, handleSignals: false, remoteWrite: { urls: ['http://x/w'] } })).rejects.toThrow(/needs the store/);
  });

  it('environment: RUNBUS_REMOTE_WRITE_URL (commas or spaces) and the token or user/password variables', () => {
    expect(readLibraryEnv({}).remoteWrite).toBeUndefined();
    expect(readLibraryEnv({ RUNBUS_REMOTE_WRITE_URL: 'http://a/w, http://b/w', RUNBUS_REMOTE_WRITE_BEARER_TOKEN: 't' }).remoteWrite).toEqual({ urls: ['http://a/w', 'http://b/w'], bearerToken: 't' });
    expect(readLibraryEnv({ RUNBUS_REMOTE_WRITE_URL: 'http://a/w', RUNBUS_REMOTE_WRITE_USERNAME: 'u', RUNBUS_REMOTE_WRITE_PASSWORD: 'p' }).remoteWrite).toEqual({ urls: ['http://a/w'], basicAuth: { username: 'u', password: 'p' } });
    expect(() => readLibraryEnv({ RUNBUS_REMOTE_WRITE_URL: 'nope' })).toThrow(/RUNBUS_REMOTE_WRITE_URL/);
  });

  it('config: flag > env > file for the URLs; a bad URL names its source; credentials from files', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'runbus.config.json'), JSON.stringify({ remoteWrite: ['http://file/w'], remoteWritePasswordFile: 'pw' }));
    writeFileSync(join(dir, 'pw'), 'alice:s3 cret\n');
    const fromFile = loadConfig({ cwd: dir, env: {} });
    expect(fromFile.values.remoteWrite).toEqual(['http://file/w']);
    expect(remoteWriteFromConfig(fromFile.values, dir)).toMatchObject({ urls: ['http://file/w'], basicAuth: { username: 'alice', password: 's3 cret' } });
    const fromEnv = loadConfig({ cwd: dir, env: { RUNBUS_REMOTE_WRITE_URL: 'http://env/w' } });
    expect(fromEnv.values.remoteWrite).toEqual(['http://env/w']);
    expect(fromEnv.sources.remoteWrite).toBe('env');
    const err = (() => { try { loadConfig({ cwd: dir, env: { RUNBUS_REMOTE_WRITE_URL: 'http//bad' } }); } catch (e) { return e as { code: string; message: string }; } return undefined; })();
    expect(err?.code).toBe('ERR_CONFIG_VALUE');
    expect(err?.message).toContain('RUNBUS_REMOTE_WRITE_URL');
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    expect(remoteWriteFromConfig(loadConfig({ cwd: empty, env: {} }).values, empty)).toBe(false);
  });

  it('credential files: a missing or empty one is ERR_REMOTE_WRITE_AUTH naming the file', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'empty'), '\n');
    writeFileSync(join(dir, 'nocolon'), 'alice\n');
    expect(code(() => readCredentialFile(join(dir, 'absent'), 'bearer'))).toBe('ERR_REMOTE_WRITE_AUTH');
    expect(code(() => readCredentialFile(join(dir, 'empty'), 'bearer'))).toBe('ERR_REMOTE_WRITE_AUTH');
    expect(code(() => readCredentialFile(join(dir, 'nocolon'), 'basic'))).toBe('ERR_REMOTE_WRITE_AUTH');
  });
});
