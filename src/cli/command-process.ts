import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { constants as osConstants } from 'node:os';
import { fileURLToPath } from 'node:url';

/*
 * Starting `runbus run`'s command so that its end comes with the kernel's
 * resource usage of the command and the descendants it reaped — what
 * /usr/bin/time reports — from wait4() in a small parent process
 * (native/runbus-wait.c, started by native/spawn-wait.c). The small parent
 * matters: a process's maxrss includes the memory it had before exec(), and
 * a command forked straight from runbus's ~100 MiB would report that.
 *
 * Why not Node: process.resourceUsage() is RUSAGE_SELF only, and
 * child_process has no rusage (libuv reaps with waitpid()). A
 * getrusage(RUSAGE_CHILDREN) read around the command would also count
 * runbus's own reaped helpers (nvidia-smi, systeminformation's spawns) and,
 * for maxrss, could not be subtracted out at all. wait4() on the command's
 * pid is exact for that tree alone.
 *
 * Without the addon the command starts with child_process.spawn and the
 * summary's CPU time and peak rss are the sampled estimates.
 */

/** The kernel's rusage of the command and every descendant it waited for. */
export interface CommandUsage {
  readonly userMs: number;
  readonly systemMs: number;
  /** ru_maxrss: the largest peak rss of one process of the tree. */
  readonly maxRssBytes: number;
  readonly minorFaults: number;
  readonly majorFaults: number;
  readonly voluntaryCtxSwitches: number;
  readonly involuntaryCtxSwitches: number;
  readonly blockInputs: number;
  readonly blockOutputs: number;
}

/** How the command ended. */
export interface CommandEnd {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** It could not be started (`code` ENOENT, EACCES …). */
  readonly error?: NodeJS.ErrnoException;
  /** Absent when the addon is not built. */
  readonly usage?: CommandUsage;
}

/** A started command. */
export interface CommandProcess {
  /** Undefined when it could not be started. */
  readonly pid: number | undefined;
  /** Started under runbus-wait: its end will carry the kernel's rusage. */
  readonly exactUsage: boolean;
  readonly ended: Promise<CommandEnd>;
  kill(signal: NodeJS.Signals): void;
}

interface NativeRusage {
  userUs: number;
  systemUs: number;
  maxRssKiB: number;
  minorFaults: number;
  majorFaults: number;
  voluntaryCtxSwitches: number;
  involuntaryCtxSwitches: number;
  blockInputs: number;
  blockOutputs: number;
}
interface NativeExit {
  code?: number;
  signal?: number;
  rusage?: NativeRusage;
}
type SpawnWaitFn = (helper: string, file: string, argv: string[], envp: string[], cwd: string, onExit: (r: NativeExit) => void) => { pid: number; helperPid: number };

let loaded: { fn: SpawnWaitFn | null; helper: string; reason: string } | null = null;

function load(): { fn: SpawnWaitFn | null; helper: string; reason: string } {
  if (loaded !== null) return loaded;
  if (process.platform !== 'linux') {
    loaded = { fn: null, helper: '', reason: 'the kernel rusage of a command is read on Linux only' };
    return loaded;
  }
  try {
    // Same depth from src/cli and dist/cli to the package root.
    const mod = createRequire(import.meta.url)('../../build/Release/runbus_peercred.node') as { spawnWait?: unknown };
    if (typeof mod.spawnWait !== 'function') throw new Error('the addon has no spawnWait()');
    const helper = fileURLToPath(new URL('../../build/Release/runbus-wait', import.meta.url));
    accessSync(helper, constants.X_OK);
    loaded = { fn: mod.spawnWait as SpawnWaitFn, helper, reason: '' };
  } catch (err) {
    loaded = { fn: null, helper: '', reason: `the native addon is not built (npm run install): ${(err as Error).message.split('\n')[0] ?? ''}` };
  }
  return loaded;
}

/** Why the command's kernel rusage cannot be read here, or '' when it can. */
export function commandUsageUnavailable(): string {
  return load().reason;
}

const kSignalNames = new Map<number, NodeJS.Signals>(Object.entries(osConstants.signals).map(([name, n]) => [n, name as NodeJS.Signals]));

function usageOf(r: NativeRusage): CommandUsage {
  return {
    userMs: r.userUs / 1000,
    systemMs: r.systemUs / 1000,
    maxRssBytes: r.maxRssKiB * 1024,
    minorFaults: r.minorFaults,
    majorFaults: r.majorFaults,
    voluntaryCtxSwitches: r.voluntaryCtxSwitches,
    involuntaryCtxSwitches: r.involuntaryCtxSwitches,
    blockInputs: r.blockInputs,
    blockOutputs: r.blockOutputs,
  };
}

/**
 * Starts `file` (already resolved, as execvp would) with `argv` (argv[0]
 * included), stdio inherited. `nativeWait: false` forces child_process.
 */
export function startCommand(file: string, argv: readonly string[], o: { env: NodeJS.ProcessEnv; cwd: string; nativeWait?: boolean }): CommandProcess {
  const native = load();
  const fn = o.nativeWait === false ? null : native.fn;
  if (fn === null) return startWithNode(file, argv, o);
  const envp = Object.entries(o.env).flatMap(([k, v]) => (v === undefined ? [] : [`${k}=${v}`]));
  let resolveEnd: (e: CommandEnd) => void = () => undefined;
  const ended = new Promise<CommandEnd>((r) => {
    resolveEnd = r;
  });
  let pids: { pid: number; helperPid: number };
  try {
    pids = fn(native.helper, file, [...argv], envp, o.cwd, (r) => {
      // No rusage: the helper itself was killed (SIGKILL to runbus's group).
      resolveEnd({
        code: r.code ?? null,
        signal: r.signal === undefined ? null : (kSignalNames.get(r.signal) ?? null),
        ...(r.rusage === undefined ? {} : { usage: usageOf(r.rusage) }),
      });
    });
  } catch (err) {
    return { pid: undefined, exactUsage: false, ended: Promise.resolve({ code: null, signal: null, error: err as NodeJS.ErrnoException }), kill: () => undefined };
  }
  let done = false;
  void ended.then(() => {
    done = true;
  });
  return {
    pid: pids.pid,
    exactUsage: true,
    ended,
    kill(signal) {
      // Through the helper, which forwards it: the helper's pid is not
      // reused before the addon has reaped it, the command's might be.
      if (done) return;
      try {
        process.kill(pids.helperPid, signal);
      } catch {
        // Exited between the check and the kill (ESRCH): nothing to forward to.
      }
    },
  };
}

function startWithNode(file: string, argv: readonly string[], o: { env: NodeJS.ProcessEnv; cwd: string }): CommandProcess {
  const proc = spawn(file, argv.slice(1), { stdio: 'inherit', env: o.env, cwd: o.cwd, argv0: argv[0] ?? file });
  const ended = new Promise<CommandEnd>((resolveEnd) => {
    proc.once('error', (error: NodeJS.ErrnoException) => {
      resolveEnd({ code: null, signal: null, error });
    });
    proc.once('exit', (code, signal) => {
      resolveEnd({ code, signal });
    });
  });
  return {
    pid: proc.pid,
    exactUsage: false,
    ended,
    kill(signal) {
      proc.kill(signal);
    },
  };
}
