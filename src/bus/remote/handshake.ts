import { createHash, timingSafeEqual } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { kProtocolVersion } from '../../wire/index.js';
import type { Hello } from '../../wire/index.js';
import { RemoteBusError, RemoteErrorCode } from './errors.js';
import { peerCred } from './peer-cred.js';
import type { PeerCred } from './peer-cred.js';

/*
 * What the hub checks in a client's Hello, in this order: the protocol
 * version, the token (compared in constant time), the peer's user, and the
 * pid it announces against what the hub can prove about the peer.
 */

/**
 * How a connection's peer can prove its pid: the kernel's peer credentials
 * of a Unix socket (or why they could not be read), or being the hub's own
 * fork() child.
 */
export type PeerProof = { kind: 'cred'; cred: PeerCred } | { kind: 'child'; pid: number } | { kind: 'none'; reason: string };

/** The proof a new connection carries: read at accept, the kernel's record of who connect()ed. */
export function peerProofOf(socket: Duplex, childPid: number | null): PeerProof {
  if (childPid !== null) return { kind: 'child', pid: childPid };
  const cred = peerCred(socket);
  return typeof cred === 'string' ? { kind: 'none', reason: cred } : { kind: 'cred', cred };
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

/** What a Hello's token is compared with: null when no token is needed. */
export function tokenDigest(token: string): Buffer | null {
  return token === '' ? null : digest(token);
}

/**
 * Checks a Hello's version and token, and the peer's user and pid. Throws
 * {@link RemoteBusError} (ERR_PROTOCOL_VERSION, ERR_UNAUTHORIZED,
 * ERR_PEER_UID, ERR_PID_UNVERIFIED) to refuse the client. Returns whether
 * the announced pid is proven; `unverified` hears why when it cannot be
 * checked here.
 */
export function checkHello(h: Hello, want: Buffer | null, proof: PeerProof, unverified: (reason: string) => void): boolean {
  if (h.protocolVersion !== kProtocolVersion) {
    throw new RemoteBusError(RemoteErrorCode.PROTOCOL_VERSION, `protocol version ${h.protocolVersion} is not supported; this hub speaks ${kProtocolVersion}`);
  }
  if (want !== null && !timingSafeEqual(want, digest(h.token ?? ''))) {
    throw new RemoteBusError(RemoteErrorCode.UNAUTHORIZED, 'wrong or missing token');
  }
  return verifyPid(h.pid ?? 0, proof, unverified);
}

// True when `pid` is proven; throws (refusing the client) when it is
// disproven; false with a reported reason when it cannot be checked here.
function verifyPid(pid: number, proof: PeerProof, unverified: (reason: string) => void): boolean {
  if (proof.kind === 'cred' && proof.cred.uid !== process.getuid?.()) {
    throw new RemoteBusError(RemoteErrorCode.PEER_UID, `the client runs as uid ${proof.cred.uid}, the hub as uid ${String(process.getuid?.())}; only the hub's own user may connect`);
  }
  if (pid === 0) return false;
  switch (proof.kind) {
    case 'cred':
      if (proof.cred.pid !== pid) {
        throw new RemoteBusError(RemoteErrorCode.PID_UNVERIFIED, `Hello says pid ${pid}, but the kernel says pid ${proof.cred.pid} made this connection; a client may only announce its own pid (or 0)`);
      }
      return true;
    case 'child':
      if (proof.pid !== pid) {
        throw new RemoteBusError(RemoteErrorCode.PID_UNVERIFIED, `Hello says pid ${pid}, but this IPC channel belongs to the hub's child ${proof.pid}`);
      }
      return true;
    case 'none':
      unverified(proof.reason);
      return false;
    default: {
      const never: never = proof;
      throw new Error(`unknown peer proof ${String(never)}`);
    }
  }
}
