import { RunbusError } from '../../errors.js';
import type { WireErrorCode } from '../../errors.js';

/**
 * Codes of {@link RemoteBusError}. Connection-level codes are also what a
 * hub sends in an `ErrorFrame` and counts in `stats().rejected`. The values
 * are the strings on the wire and in logs; compare with these names.
 */
export const RemoteErrorCode = {
  // Socket file and directory (serveBus).
  SOCKET_IN_USE: 'ERR_SOCKET_IN_USE',
  SOCKET_DIR_INSECURE: 'ERR_SOCKET_DIR_INSECURE',
  SOCKET_NOT_SOCKET: 'ERR_SOCKET_NOT_SOCKET',
  SOCKET_PATH_TOO_LONG: 'ERR_SOCKET_PATH_TOO_LONG',
  SOCKET_LISTEN: 'ERR_SOCKET_LISTEN',
  // Handshake.
  HELLO_REQUIRED: 'ERR_HELLO_REQUIRED',
  HELLO_TIMEOUT: 'ERR_HELLO_TIMEOUT',
  PROTOCOL_VERSION: 'ERR_PROTOCOL_VERSION',
  UNAUTHORIZED: 'ERR_UNAUTHORIZED',
  // The peer's identity (kernel peer credentials or the fork() child).
  PID_UNVERIFIED: 'ERR_PID_UNVERIFIED',
  PEER_UID: 'ERR_PEER_UID',
  // Connection limits and misbehaviour.
  TOO_MANY_CONNECTIONS: 'ERR_TOO_MANY_CONNECTIONS',
  TOO_MANY_PENDING: 'ERR_TOO_MANY_PENDING',
  FRAME_TIMEOUT: 'ERR_FRAME_TIMEOUT',
  UNEXPECTED_FRAME: 'ERR_UNEXPECTED_FRAME',
  HUB_CLOSING: 'ERR_HUB_CLOSING',
  PEER_ERROR: 'ERR_PEER_ERROR',
  SOCKET: 'ERR_SOCKET',
  // Client side.
  HUB_UNREACHABLE: 'ERR_HUB_UNREACHABLE',
  HANDSHAKE_TIMEOUT: 'ERR_HANDSHAKE_TIMEOUT',
  OVERSIZED_ENVELOPE: 'ERR_OVERSIZED_ENVELOPE',
} as const;
export type RemoteErrorCode = (typeof RemoteErrorCode)[keyof typeof RemoteErrorCode];

/** What a hub closes a connection with: one of its own codes, or the wire's for bytes that do not decode. */
export type ConnectionErrorCode = RemoteErrorCode | WireErrorCode;

/** A clean end of a connection, by either side. */
export const CloseReason = {
  CLIENT_END: 'CLIENT_END',
  HUB_CLOSE: 'HUB_CLOSE',
} as const;
/** Why a connection ended: a clean end by either side, or the code it was closed with. */
export type CloseReason = (typeof CloseReason)[keyof typeof CloseReason] | ConnectionErrorCode;

/** A clean close by the client, and by the hub (the values of CloseReason). */
export const kReasonClientEnd = CloseReason.CLIENT_END;
export const kReasonHubClose = CloseReason.HUB_CLOSE;

/** Codes after which a client's retrying cannot help: it fails instead of reconnecting. */
export const kFatalCodes: ReadonlySet<string> = new Set<RemoteErrorCode>([
  RemoteErrorCode.UNAUTHORIZED,
  RemoteErrorCode.PROTOCOL_VERSION,
  RemoteErrorCode.PID_UNVERIFIED,
  RemoteErrorCode.PEER_UID,
]);

/** A transport failure: the socket, the handshake, or a peer's bytes. */
export class RemoteBusError extends RunbusError {
  // A code the hub sent in an ErrorFrame may be one this client does not know.
  constructor(code: RemoteErrorCode | `ERR_${string}`, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'RemoteBusError';
  }
}

/**
 * The code a hub closes a connection with after `err` stopped its reading:
 * the error's own (the hub's checks throw RemoteBusError with its codes, the
 * decoder WireError), else `fallback`.
 */
export function connectionCode(err: unknown, fallback: ConnectionErrorCode): ConnectionErrorCode {
  return err instanceof RunbusError ? (err.code as ConnectionErrorCode) : fallback;
}
