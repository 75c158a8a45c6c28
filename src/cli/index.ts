// The `runbus` command line as a module (the executable is main.ts).
export { main, version } from './cli.js';
export { kCommands, commandHelp, mainHelp } from './commands.js';
export type { CommandSpec, FlagSpec } from './commands.js';
export { CliError, kExitStatus } from './errors.js';
export type { CliErrorCode } from './errors.js';
export { summarizeRun, formatSummary } from './summary.js';
export type { RunSummary, ComponentSummary, ProcessSummary } from './summary.js';
export { sparkline, WatchModel } from './watch-view.js';
export { findOrphans, killOrphans, readProcStat, kMarkerEnv } from './orphans.js';
export type { ProcStat, OrphanFate } from './orphans.js';
export { kLogEvents } from './log-json.js';
export type { LogEvent } from './log-json.js';
