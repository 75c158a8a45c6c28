import { parseArgs } from 'node:util';
import { checkFlagValue, ConfigError, describeSetting, kConfigKeys, kConfigSpec } from '../config/index.js';
import type { ConfigKey, RunbusConfig } from '../config/index.js';
import { suggest } from '../options.js';
// options.js, not the store's index: --help should not load SQLite.
import { kDefaults as kStoreDefaults } from '../store/options.js';
import { usageError } from './errors.js';

// The commands and their flags, in one table: parsing and --help are both
// generated from it, so the help lists every flag the parser accepts.

export interface FlagSpec {
  name: string;
  short?: string;
  type: 'string' | 'boolean';
  /** Placeholder shown in help, for string flags. */
  arg?: string;
  help: string;
  /** The config key this flag sets (flags > env > file > defaults). */
  config?: ConfigKey;
  /** Value a boolean flag gives its config key (for --no-gpu: false). */
  sets?: boolean;
  /** The default shown in help when the table's is not what this command does. */
  defaultText?: string;
  /** The flag may be repeated (its values form a list). */
  multiple?: boolean;
}

export interface CommandSpec {
  name: string;
  summary: string;
  usage: string;
  flags: FlagSpec[];
  /** Paragraphs after the flag list. */
  details: string;
}

// A flag that sets a config key shows "(range; env VAR; default D)" from the
// settings table (src/config), after its own words: see flagHelp().
const kDb: FlagSpec = { name: 'db', type: 'string', arg: 'FILE', help: 'SQLite database', config: 'db' };
const kConfig: FlagSpec = { name: 'config', type: 'string', arg: 'FILE', help: 'config file (env RUNBUS_CONFIG; default runbus.config.json or .yaml in the working directory)' };
const kHelp: FlagSpec = { name: 'help', short: 'h', type: 'boolean', help: 'show this help' };
const kInterval: FlagSpec = { name: 'interval', type: 'string', arg: 'MS', help: kConfigSpec.intervalMs.help, config: 'intervalMs' };
const kMetricsPort: FlagSpec = {
  name: 'metrics-port',
  type: 'string',
  arg: 'N',
  help: 'serve Prometheus metrics on http://127.0.0.1:N/metrics; 0 picks a free port',
  config: 'metricsPort',
  defaultText: 'off',
};
const kDashboard: FlagSpec = { name: 'dashboard', type: 'boolean', help: 'serve the live dashboard at http://127.0.0.1:N/ beside /metrics (on a free port unless --metrics-port is given)', config: 'dashboard' };
const kNoGpu: FlagSpec = { name: 'no-gpu', type: 'boolean', help: 'do not sample NVIDIA GPUs', config: 'gpu', sets: false };
const kExportDir: FlagSpec = {
  name: 'export-dir',
  type: 'string',
  arg: 'DIR',
  help: 'write metrics_final.json and prometheus_metrics_final.txt to DIR when it stops',
  config: 'exportDir',
};
// Remote write: URLs by flag; credentials only from files or the environment.
const kRemoteWrite: FlagSpec[] = [
  { name: 'remote-write', type: 'string', arg: 'URL', multiple: true, help: kConfigSpec.remoteWrite.help, config: 'remoteWrite', defaultText: 'none' },
  { name: 'remote-write-bearer-token-file', type: 'string', arg: 'FILE', help: `${kConfigSpec.remoteWriteBearerTokenFile.help} (or the token itself in RUNBUS_REMOTE_WRITE_BEARER_TOKEN)`, config: 'remoteWriteBearerTokenFile' },
  { name: 'remote-write-password-file', type: 'string', arg: 'FILE', help: `${kConfigSpec.remoteWritePasswordFile.help} (or RUNBUS_REMOTE_WRITE_USERNAME and _PASSWORD)`, config: 'remoteWritePasswordFile' },
];
const kContainers: FlagSpec = {
  name: 'containers',
  type: 'string',
  arg: 'FILTER',
  help: 'also watch Docker containers matching a Docker filter: label=app=sandbox, name=eval-, several joined by commas, or all; DOCKER_HOST names the engine',
  config: 'containers',
};
const kCleanContainers: FlagSpec = {
  name: 'clean-containers',
  type: 'boolean',
  help: 'stop and remove matching containers left by earlier runs at start, and the run\'s own leftovers at the end',
  config: 'cleanContainers',
};
const kJson: FlagSpec = { name: 'json', type: 'boolean', help: 'print JSON instead of a table' };

export const kCommands: readonly CommandSpec[] = [
  {
    name: 'run',
    summary: 'run a command and record its resource use',
    usage: 'runbus run [options] [--] <command> [args…]',
    flags: [
      kDb,
      kInterval,
      { name: 'socket', type: 'string', arg: 'PATH', help: 'also serve a Unix socket for remote buses; the command gets RUNBUS_SOCKET', config: 'socket', defaultText: 'none' },
      { name: 'component', type: 'string', arg: 'NAME', help: 'component name of the command and its descendants (default: basename of the command)' },
      { name: 'quiet', short: 'q', type: 'boolean', help: kConfigSpec.quiet.help, config: 'quiet' },
      { name: 'kill-orphans', type: 'boolean', help: `${kConfigSpec.killOrphans.help}: SIGTERM, then SIGKILL`, config: 'killOrphans' },
      { name: 'orphan-grace', type: 'string', arg: 'MS', help: kConfigSpec.orphanGraceMs.help, config: 'orphanGraceMs' },
      { name: 'log-json', type: 'string', arg: 'FILE', help: 'append JSON lines (resources_initial, alert, orphans, process_resources, resources_final) to FILE', config: 'logJson' },
      { name: 'summary-json', type: 'boolean', help: 'print the end-of-run summary as one JSON object on stderr instead of text' },
      kNoGpu,
      kMetricsPort,
      kExportDir,
      kDashboard,
      ...kRemoteWrite,
      kContainers,
      kCleanContainers,
      kConfig,
      kHelp,
    ],
    details: `The command runs without a shell, with runbus's stdin, stdout and stderr. It, its
descendants and the host are sampled every interval into the database. On a
terminal (stdout and stderr both TTYs) a status line on stderr shows cpu, rss,
process count and alerts; the command's stdout stays clean. At the end a
summary goes to stderr: wall time, cpu user/system, average and peak cpu %,
peak rss, one row per component, alerts, dropped samples, orphans.

Alerts: the built-in rules and the config file's "alerts" rules are checked
on every sample; firing alerts go to the database, the status line, the
summary and --log-json. --export-dir writes the final metrics when the
command has exited and the database is flushed.

Exit status: the command's own; 128+N when a signal N killed it; 127 when the
command does not exist; 126 when it cannot be executed; 2 for a usage error;
1 when runbus itself fails before the command starts (e.g. the database
cannot be opened). SIGINT, SIGTERM and SIGHUP are forwarded to the command
(SIGINT only from the second one when stdin is a terminal: the terminal has
already sent it to the command).`,
  },
  {
    name: 'hub',
    summary: 'run a standalone hub for remote buses',
    usage: 'runbus hub [options]',
    flags: [
      kDb,
      { name: 'socket', type: 'string', arg: 'PATH', help: 'Unix socket to listen on', config: 'socket', defaultText: '$XDG_RUNTIME_DIR/runbus/hub.sock or the tmp dir' },
      kInterval,
      kNoGpu,
      kMetricsPort,
      kExportDir,
      kDashboard,
      ...kRemoteWrite,
      kContainers,
      kCleanContainers,
      kConfig,
      kHelp,
    ],
    details: `Processes connect with connectBus({ socket, component }); the hub samples each of
them (by the pid in its Hello), the host and GPUs, and stores everything. It
prints where it listens. SIGINT or SIGTERM drains every queue, flushes the
database and exits 0. The socket secret comes from RUNBUS_TOKEN or the config
file's "token" (never a flag: flags are visible in ps). Alert rules come from
the config file's "alerts" (the built-in rules too, unless "defaults: false");
--export-dir writes the final metrics after the last flush.`,
  },
  {
    name: 'runs',
    summary: 'list the recorded runs',
    usage: 'runbus runs [options]',
    flags: [kDb, kJson, kConfig, kHelp],
    details: 'One row per run, oldest first: id, start, duration, exit status, command.',
  },
  {
    name: 'report',
    summary: "print a run's summary and per-minute rollups",
    usage: 'runbus report [--run ID | --last] [options]',
    flags: [
      kDb,
      { name: 'run', type: 'string', arg: 'ID', help: 'the run to report' },
      { name: 'last', type: 'boolean', help: 'the run that started last (the default)' },
      kJson,
      kConfig,
      kHelp,
    ],
    details: `The summary is computed from the raw rows the database still holds (raw-row
retention, RUNBUS_RETENTION_MS, is ${kStoreDefaults.retentionMs.default / 60_000} minutes by default); peaks also look at
the per-minute rollups, which are kept for 30 days. --json prints
{ summary, rollups, host_rollups } as one JSON object.`,
  },
  {
    name: 'export',
    summary: 'write a run (or every run) as JSON or CSV, or the alert rules for Prometheus',
    usage: 'runbus export --format json|csv|prom-rules [--out FILE] [--run ID] [options]',
    flags: [
      kDb,
      { name: 'format', type: 'string', arg: 'json|csv|prom-rules', help: 'output format (default json); prom-rules: the alert rules as a Prometheus rule file' },
      { name: 'out', short: 'o', type: 'string', arg: 'FILE', help: 'output file, written whole or not at all (default: stdout)' },
      { name: 'run', type: 'string', arg: 'ID', help: 'only this run (default: every run)' },
      { name: 'last', type: 'boolean', help: 'only the run that started last' },
      { name: 'table', type: 'string', arg: 'VIEW', help: 'one view: runs, snapshots, host_snapshots, gpu_snapshots, rollups_1m, host_rollups_1m, metric_rollups_1m, metrics, alerts, processes (CSV default: snapshots; JSON default: all)' },
      kConfig,
      kHelp,
    ],
    details: `JSON without --table is one object: { schema_version, run_id, <view>: [rows…] }.
CSV is one view with a header row.

--format prom-rules writes the alert rules of the config file ("alerts"),
with the built-in rules unless "defaults: false", as Prometheus alerting
rules over the exported metric names (check with: promtool check rules FILE).
It reads no database; --run, --last and --table do not apply.`,
  },
  {
    name: 'dashboard',
    summary: 'serve the browser dashboard over the stored runs (read-only, no hub)',
    usage: 'runbus dashboard [--db FILE] [--port N] [--host H] [options]',
    flags: [
      kDb,
      { name: 'port', type: 'string', arg: 'N', help: 'TCP port; 0 picks a free one (default 0)' },
      { name: 'host', type: 'string', arg: 'H', help: 'interface to listen on (default 127.0.0.1)' },
      kConfig,
      kHelp,
    ],
    details: `Serves the dashboard page of --dashboard over the runs stored in the database,
so a run from last week can be opened without a live hub: the picker lists
every stored run and the charts come from its raw rows or per-minute rollups.
The database is opened read-only and never written; it must exist. Nothing
is sampled and there is no live view (/events and /api/live answer 404). It
prints its URL; SIGINT or SIGTERM stops it with exit status 0. RUNBUS_TOKEN
(or the config file's "token"), when set, is required by its APIs as by the
live dashboard's: open the page as /#token=<token>.`,
  },
  {
    name: 'watch',
    summary: 'live terminal view of a running hub',
    usage: 'runbus watch [--socket PATH] [options]',
    flags: [
      { name: 'socket', type: 'string', arg: 'PATH', help: "the hub's socket", config: 'socket', defaultText: '$XDG_RUNTIME_DIR/runbus/hub.sock or the tmp dir' },
      { name: 'run', type: 'string', arg: 'ID', help: 'only this run' },
      { ...kDb, help: 'the database the hub writes, for the alerts that fired before watch attached' },
      { name: 'frames', type: 'string', arg: 'N', help: 'exit after N redraws (for scripts; default: until q or Ctrl-C)' },
      { name: 'refresh', type: 'string', arg: 'MS', help: 'redraw period in ms (default 1000)' },
      kConfig,
      kHelp,
    ],
    details: `A row per component with sparklines of cpu % and rss, the host line, recent
alerts and dropped counts. On a terminal it uses the alternate screen and
restores the terminal on q, Ctrl-C or SIGTERM; otherwise it prints one plain
frame per redraw.`,
  },
];

export function findCommand(name: string): CommandSpec | undefined {
  return kCommands.find((c) => c.name === name);
}

export function mainHelp(version: string): string {
  const w = Math.max(...kCommands.map((c) => c.name.length));
  return `runbus ${version} — resource telemetry for multi-process Node.js apps

Usage: runbus <command> [options]

Commands:
${kCommands.map((c) => `  ${c.name.padEnd(w)}  ${c.summary}`).join('\n')}

Options:
  -h, --help     show help (runbus <command> --help for a command's options)
  -v, --version  print the version

Settings come from flags, then RUNBUS_* environment variables, then
runbus.config.json / runbus.config.yaml (or --config FILE), then defaults.
${wrap(`Environment: ${[...kConfigKeys.flatMap((k) => kConfigSpec[k].env ?? []), 'RUNBUS_CONFIG'].join(', ')}.`, 80)}
Alert rules: the config file's "alerts" key (docs/alerts.md).

Examples:
  runbus run -- node train.js --epochs 3
  runbus run --kill-orphans --log-json run.jsonl -- npm test
  runbus report --last
  runbus dashboard --db runbus.db
  runbus export --format csv --out snapshots.csv --last
  runbus export --format prom-rules --out runbus-rules.yml
`;
}

/** A flag's help: its own words, then range, variable and default from the settings table. */
export function flagHelp(f: FlagSpec): string {
  if (f.config === undefined) return f.help;
  const note = describeSetting(f.config, {
    ...(f.defaultText === undefined ? {} : { defaultText: f.defaultText }),
    ...(f.sets === false ? { envValue: '=0' } : {}),
  });
  return note === '' ? f.help : `${f.help} (${note})`;
}

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  return [...lines, line].join('\n');
}

export function commandHelp(c: CommandSpec): string {
  const names = c.flags.map((f) => `${f.short === undefined ? '    ' : `-${f.short}, `}--${f.name}${f.arg === undefined ? '' : ` ${f.arg}`}`);
  const w = Math.max(...names.map((n) => n.length));
  return `runbus ${c.name} — ${c.summary}

Usage: ${c.usage}

Options:
${c.flags.map((f, i) => `  ${names[i]!.padEnd(w)}  ${flagHelp(f)}`).join('\n')}

${c.details}
`;
}

/** Parsed flags of a command: raw values by flag name, config settings from flags, positionals. */
export interface ParsedArgs {
  values: Record<string, string | string[] | boolean | undefined>;
  flags: Partial<RunbusConfig>;
  positionals: string[];
}

/**
 * Parses `argv` against the command's flags (strict: unknown flags and
 * missing values are usage errors that suggest the likely flag). Config
 * flags are validated here, naming the flag.
 */
export function parseCommandArgs(c: CommandSpec, argv: string[], allowPositionals: boolean): ParsedArgs {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const f of c.flags) {
    options[f.name] = { type: f.type, ...(f.short === undefined ? {} : { short: f.short }), ...(f.multiple === true ? { multiple: true } : {}) };
  }
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals });
  } catch (err) {
    throw usageError(c.name, explainParseError(err, c));
  }
  const values = parsed.values as Record<string, string | string[] | boolean | undefined>;
  const flags: Partial<Record<ConfigKey, unknown>> = {};
  for (const f of c.flags) {
    const v = values[f.name];
    if (v === undefined || f.config === undefined) continue;
    try {
      flags[f.config] = f.type === 'boolean' ? (f.sets ?? true) : checkFlagValue(f.config, v);
    } catch (err) {
      if (err instanceof ConfigError) throw usageError(c.name, err.message.replace(kConfigSpec[f.config].flag, `--${f.name}`));
      throw err;
    }
  }
  return { values, flags: flags as Partial<RunbusConfig>, positionals: parsed.positionals };
}

function explainParseError(err: unknown, c: CommandSpec): string {
  const msg = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown }).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const m = /Unknown option '(-{1,2}[^']*)'/.exec(msg);
    const flag = m?.[1] ?? '?';
    const s = suggest(flag.replace(/^-+/, ''), c.flags.map((f) => f.name));
    return `unknown option ${flag}${s === undefined ? '' : ` (did you mean --${s}?)`}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // "Option '--db <value>' argument missing" or "Option '--quiet' does not take an argument"
    return msg.replace(/^Option '([^']*)'/, 'option $1').replace(/\. To specify .*$/s, '');
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const m = /Unexpected argument '([^']*)'/.exec(msg);
    return `unexpected argument ${JSON.stringify(m?.[1] ?? msg)}`;
  }
  return msg;
}
