import { createRequire } from 'node:module';
import type { Duplex } from 'node:stream';

/*
 * Who is at the other end of an accepted Unix socket, as the kernel saw it
 * at connect() (SO_PEERCRED). Node has no API for it, so a 40-line addon
 * (native/peer-cred.c, built by `npm ci`) reads it. Without the addon the
 * hub cannot verify a client's pid: it says why once and samples no client
 * pid (the connection itself is still served).
 */

export interface PeerCred {
  readonly pid: number;
  readonly uid: number;
  readonly gid: number;
}

type PeerCredFn = (fd: number) => PeerCred;

let loaded: { fn: PeerCredFn | null; reason: string } | null = null;

function load(): { fn: PeerCredFn | null; reason: string } {
  if (loaded !== null) return loaded;
  if (process.platform !== 'linux') {
    loaded = { fn: null, reason: 'peer credentials are read on Linux only' };
    return loaded;
  }
  try {
    // Same depth from src/bus/remote and dist/bus/remote to the package root.
    const req = createRequire(import.meta.url);
    const mod = req('../../../build/Release/runbus_peercred.node') as { peerCred?: unknown };
    if (typeof mod.peerCred !== 'function') throw new Error('the addon has no peerCred()');
    loaded = { fn: mod.peerCred as PeerCredFn, reason: '' };
  } catch (err) {
    loaded = { fn: null, reason: `the peer-credential addon is not built (run npm ci or npm run install; ${(err as Error).message.split('\n')[0] ?? ''})` };
  }
  return loaded;
}

/** Why peer credentials cannot be read here, or '' when they can. */
export function peerCredUnavailable(): string {
  return load().reason;
}

/**
 * The connecting process's pid and uid for an accepted Unix socket, or a
 * reason string when they cannot be read (no addon, not a Unix socket, a
 * socket already closed).
 */
export function peerCred(socket: Duplex): PeerCred | string {
  const { fn, reason } = load();
  if (fn === null) return reason;
  // A net.Socket's libuv pipe handle exposes its descriptor as `fd`.
  const fd = (socket as unknown as { _handle?: { fd?: unknown } | null })._handle?.fd;
  if (typeof fd !== 'number' || fd < 0) return 'the connection has no file descriptor (not a Unix socket, or already closed)';
  try {
    return fn(fd);
  } catch (err) {
    return `SO_PEERCRED failed: ${(err as Error).message}`;
  }
}
