import { RunbusError } from '../../errors.js';

/**
 * Codes of {@link RemoteBusError}. Connection-level codes are also what a
 * hub sends in an `ErrorFrame` and counts in `stats().rejected`.
 */
export type RemoteErrorCode =
  // Socket file and directory (serveBus).
  | 'ERR_SOCKET_IN_USE'
  | 'ERR_SOCKET_DIR_INSECURE'
  | 'ERR_SOCKET_NOT_SOCKET'
  | 'ERR_SOCKET_PATH_TOO_LONG'
  | 'ERR_SOCKET_LISTEN'
  // Handshake.
  | 'ERR_HELLO_REQUIRED'
  | 'ERR_HELLO_TIMEOUT'
  | 'ERR_PROTOCOL_VERSION'
  | 'ERR_UNAUTHORIZED'
  // The peer's identity (kernel peer credentials or the fork() child).
  | 'ERR_PID_UNVERIFIED'
  | 'ERR_PEER_UID'
  // Connection limits and misbehaviour.
  | 'ERR_TOO_MANY_CONNECTIONS'
  | 'ERR_TOO_MANY_PENDING'
  | 'ERR_FRAME_TIMEOUT'
  | 'ERR_UNEXPECTED_FRAME'
  | 'ERR_HUB_CLOSING'
  | 'ERR_PEER_ERROR'
  | 'ERR_SOCKET'
  // Client side.
  | 'ERR_HUB_UNREACHABLE'
  | 'ERR_HANDSHAKE_TIMEOUT'
  | 'ERR_OVERSIZED_ENVELOPE';

/** A transport failure: the socket, the handshake, or a peer's bytes. */
export class RemoteBusError extends RunbusError {
  constructor(code: RemoteErrorCode | `ERR_${string}`, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'RemoteBusError';
  }
}
