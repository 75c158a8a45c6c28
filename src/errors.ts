/**
 * Runtime failures carry a stable `code`; callers branch on the code, never
 * on the message. Misuse of an API (a bad option, a wrong type) throws a
 * plain TypeError or RangeError instead.
 */
export class RunbusError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RunbusError';
    this.code = code;
  }
}

/** Codes of {@link WireError}. */
export type WireErrorCode =
  | 'ERR_WIRE_TRUNCATED'
  | 'ERR_WIRE_OVERSIZED'
  | 'ERR_WIRE_BAD_VARINT'
  | 'ERR_WIRE_UNDECODABLE'
  | 'ERR_WIRE_INVALID';

/** Bytes that are not a well-formed, meaningful runbus message. */
export class WireError extends RunbusError {
  declare readonly code: WireErrorCode;

  constructor(code: WireErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'WireError';
  }
}

/** Codes of {@link RemoteWriteError}. */
export type RemoteWriteErrorCode = 'ERR_REMOTE_WRITE_URL' | 'ERR_REMOTE_WRITE_WORKER' | 'ERR_REMOTE_WRITE_AUTH';

/** A remote-write setting that cannot work (a malformed URL, say), or its thread failing (src/remote-write). */
export class RemoteWriteError extends RunbusError {
  declare readonly code: RemoteWriteErrorCode;

  constructor(code: RemoteWriteErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'RemoteWriteError';
  }
}
