import { RunbusError } from '../errors.js';

/** Codes of {@link ContainerError}. */
export type ContainerErrorCode =
  /** A `--containers` filter that is not `all` or `key=value[,key=value…]` with a known key. */
  | 'ERR_CONTAINERS_FILTER'
  /** The Docker socket is absent, refuses us, or is not a Docker Engine. */
  | 'ERR_CONTAINERS_UNREACHABLE'
  /** The Engine answered with an error status. */
  | 'ERR_CONTAINERS_API'
  /** The container named is gone (HTTP 404). */
  | 'ERR_CONTAINERS_NOT_FOUND'
  /** A call took longer than its timeout (the one-shot stats: 2 s). */
  | 'ERR_CONTAINERS_TIMEOUT';

/** A failure talking to the Docker Engine, or a bad container filter. */
export class ContainerError extends RunbusError {
  declare readonly code: ContainerErrorCode;
  /** HTTP status of an ERR_CONTAINERS_API / NOT_FOUND answer. */
  readonly status: number | undefined;

  constructor(code: ContainerErrorCode, message: string, options?: { cause?: unknown; status?: number }) {
    super(code, message, options);
    this.name = 'ContainerError';
    this.status = options?.status;
  }
}
