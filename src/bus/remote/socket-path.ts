import { chmodSync, lstatSync, mkdirSync, statSync, unlinkSync } from 'node:fs';
import type { Stats } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { RemoteBusError, RemoteErrorCode } from './errors.js';

/** Longest socket path Linux accepts (sun_path is 108 bytes with its NUL). */
export const kMaxSocketPathBytes = 107;
/** File name of the hub socket inside the default directory. */
export const kDefaultSocketName = 'hub.sock';

function uid(): number {
  return typeof process.getuid === 'function' ? process.getuid() : -1;
}

/**
 * The directory the hub socket lives in by default:
 * `$XDG_RUNTIME_DIR/runbus` when that is set, else `<tmpdir>/runbus-<uid>`.
 */
export function defaultSocketDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_RUNTIME_DIR;
  if (xdg !== undefined && xdg !== '' && path.isAbsolute(xdg)) return path.join(xdg, 'runbus');
  return path.join(os.tmpdir(), `runbus-${uid()}`);
}

/** The default hub socket: `<defaultSocketDir()>/hub.sock`. */
export function defaultSocketPath(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(defaultSocketDir(env), kDefaultSocketName);
}

function insecure(dir: string, why: string): RemoteBusError {
  return new RemoteBusError(RemoteErrorCode.SOCKET_DIR_INSECURE, `socket directory ${dir} ${why}; refusing to listen there`);
}

/**
 * Makes sure `dir` exists and only we can enter it. `strict` (our own
 * directory, the default one): owned by us, a real directory, no group or
 * world bits at all. Not strict (the parent of a socket path the caller
 * chose): owned by us or root, and not writable by others unless sticky
 * (like /tmp), so nobody else can swap the socket file.
 */
export function ensureSocketDir(dir: string, strict: boolean): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new RemoteBusError(RemoteErrorCode.SOCKET_LISTEN, `cannot create socket directory ${dir}: ${(err as Error).message}`, { cause: err });
  }
  let st: Stats;
  try {
    st = strict ? lstatSync(dir) : statSync(dir);
  } catch (err) {
    throw new RemoteBusError(RemoteErrorCode.SOCKET_LISTEN, `cannot stat socket directory ${dir}: ${(err as Error).message}`, { cause: err });
  }
  if (!st.isDirectory()) throw insecure(dir, 'is not a directory (or is a symbolic link)');
  const me = uid();
  if (me < 0) return; // no POSIX ownership (Windows): nothing to check.
  if (strict) {
    if (st.uid !== me) throw insecure(dir, `is owned by uid ${st.uid}, not by us (uid ${me})`);
    if ((st.mode & 0o077) !== 0) throw insecure(dir, `has mode ${(st.mode & 0o777).toString(8)}; it must be 700`);
  } else {
    if (st.uid !== me && st.uid !== 0) throw insecure(dir, `is owned by uid ${st.uid}, not by us (uid ${me}) or root`);
    if ((st.mode & 0o022) !== 0 && (st.mode & 0o1000) === 0) {
      throw insecure(dir, `has mode ${(st.mode & 0o777).toString(8)}: writable by others and not sticky`);
    }
  }
}

/** Resolves true when something accepts connections on `socketPath`. */
export function probeSocket(socketPath: string, timeoutMs = 1000): Promise<'live' | 'stale' | 'absent'> {
  return new Promise((resolve, reject) => {
    const s = net.connect(socketPath);
    const timer = setTimeout(() => {
      s.destroy();
      // Accepting nothing within the timeout: a hung hub still owns it.
      resolve('live');
    }, timeoutMs);
    timer.unref();
    s.once('connect', () => {
      clearTimeout(timer);
      s.destroy();
      resolve('live');
    });
    s.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      s.destroy();
      if (err.code === 'ECONNREFUSED') resolve('stale');
      else if (err.code === 'ENOENT') resolve('absent');
      else reject(new RemoteBusError(RemoteErrorCode.SOCKET_LISTEN, `cannot probe ${socketPath}: ${err.message}`, { cause: err }));
    });
  });
}

/**
 * Gets `socketPath` ready to listen on: checks its directory, and removes
 * a stale socket file left by a dead hub. A live socket (something accepts
 * connections) is ERR_SOCKET_IN_USE; a path that is not a socket is
 * ERR_SOCKET_NOT_SOCKET and is never deleted.
 */
export async function prepareSocketPath(socketPath: string, isDefault: boolean): Promise<void> {
  if (Buffer.byteLength(socketPath) > kMaxSocketPathBytes) {
    throw new RemoteBusError(RemoteErrorCode.SOCKET_PATH_TOO_LONG, `socket path is ${Buffer.byteLength(socketPath)} bytes; Unix sockets allow ${kMaxSocketPathBytes}: ${socketPath}`);
  }
  ensureSocketDir(path.dirname(socketPath), isDefault);
  let st: Stats;
  try {
    st = lstatSync(socketPath);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new RemoteBusError(RemoteErrorCode.SOCKET_LISTEN, `cannot stat ${socketPath}: ${(err as Error).message}`, { cause: err });
  }
  if (!st.isSocket()) throw new RemoteBusError(RemoteErrorCode.SOCKET_NOT_SOCKET, `${socketPath} exists and is not a socket; refusing to replace it`);
  const state = await probeSocket(socketPath);
  if (state === 'live') throw new RemoteBusError(RemoteErrorCode.SOCKET_IN_USE, `a hub is already listening on ${socketPath}`);
  if (state === 'stale') {
    try {
      unlinkSync(socketPath);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new RemoteBusError(RemoteErrorCode.SOCKET_LISTEN, `cannot remove stale socket ${socketPath}: ${(err as Error).message}`, { cause: err });
      }
    }
  }
}

/** Owner-only access to the socket file; returns its inode for a later safe unlink. */
export function lockDownSocket(socketPath: string): number {
  chmodSync(socketPath, 0o600);
  return statSync(socketPath).ino;
}

/** Removes the socket file if it is still the one we created. */
export function removeSocketFile(socketPath: string, ino: number): void {
  try {
    if (lstatSync(socketPath).ino === ino) unlinkSync(socketPath);
  } catch {
    // Gone already, or replaced: nothing of ours to remove.
  }
}
