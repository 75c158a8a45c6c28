import { RunbusError } from '../errors.js';

/** Codes of {@link CliError}; each maps to an exit status (see kExitStatus). */
export type CliErrorCode =
  /** Unknown flag, bad value, missing argument: exit 2. */
  | 'ERR_CLI_USAGE'
  /** The command to run does not exist (not on PATH, no such file): exit 127. */
  | 'ERR_CLI_COMMAND_NOT_FOUND'
  /** The command exists but cannot be executed (permissions, a directory): exit 126. */
  | 'ERR_CLI_COMMAND_NOT_EXECUTABLE'
  /** The database holds no such run (or no run at all): exit 1. */
  | 'ERR_CLI_NO_RUN'
  /** An output file (export, JSON log) cannot be written: exit 1. */
  | 'ERR_CLI_OUTPUT'
  /** The hub cannot be reached or refused the connection (watch): exit 1. */
  | 'ERR_CLI_HUB';

/** Exit status of each code. */
export const kExitStatus: Readonly<Record<CliErrorCode, number>> = {
  ERR_CLI_USAGE: 2,
  ERR_CLI_COMMAND_NOT_FOUND: 127,
  ERR_CLI_COMMAND_NOT_EXECUTABLE: 126,
  ERR_CLI_NO_RUN: 1,
  ERR_CLI_OUTPUT: 1,
  ERR_CLI_HUB: 1,
};

/** A failure of the `runbus` command; `exitStatus` is what the process exits with. */
export class CliError extends RunbusError {
  declare readonly code: CliErrorCode;
  /** For ERR_CLI_USAGE: the command whose usage to show (or '' for runbus itself). */
  readonly command: string | undefined;
  /** An extra line (a hint) printed after the message. */
  readonly hint: string | undefined;

  constructor(code: CliErrorCode, message: string, options?: { cause?: unknown; command?: string; hint?: string }) {
    super(code, message, options);
    this.name = 'CliError';
    this.command = options?.command;
    this.hint = options?.hint;
  }

  get exitStatus(): number {
    return kExitStatus[this.code];
  }
}

/** A usage error of `command` ('' for runbus itself). */
export function usageError(command: string, message: string, hint?: string): CliError {
  return new CliError('ERR_CLI_USAGE', message, hint === undefined ? { command } : { command, hint });
}
