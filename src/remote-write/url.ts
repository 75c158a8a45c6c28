// Remote-write URLs and the module's error: small on purpose, so the
// configuration layer can check a URL without loading the writer.
import { RunbusError } from '../errors.js';

/** Codes of {@link RemoteWriteError}. */
export type RemoteWriteErrorCode = 'ERR_REMOTE_WRITE_URL' | 'ERR_REMOTE_WRITE_WORKER' | 'ERR_REMOTE_WRITE_AUTH';

/** A remote-write setting that cannot work (a malformed URL, say), or the writer thread failing. */
export class RemoteWriteError extends RunbusError {
  declare readonly code: RemoteWriteErrorCode;

  constructor(code: RemoteWriteErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'RemoteWriteError';
  }
}

/** Checks one receiver URL; a malformed one is a RemoteWriteError naming it. */
export function checkRemoteUrl(raw: unknown): string {
  if (typeof raw !== 'string' || raw.trim() === '') throw new RemoteWriteError('ERR_REMOTE_WRITE_URL', `remote write URL must be a non-empty string (got ${JSON.stringify(raw)})`);
  let u: URL;
  try {
    u = new URL(raw);
  } catch (err) {
    throw new RemoteWriteError('ERR_REMOTE_WRITE_URL', `remote write URL ${JSON.stringify(raw)} is malformed`, { cause: err });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new RemoteWriteError('ERR_REMOTE_WRITE_URL', `remote write URL ${JSON.stringify(raw)} must be http or https (got ${u.protocol})`);
  if (u.username !== '' || u.password !== '') {
    throw new RemoteWriteError('ERR_REMOTE_WRITE_URL', 'remote write URL must not carry credentials (they would show in `ps`); use a token or password file, or the environment');
  }
  return u.href;
}
