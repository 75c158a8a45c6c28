// `runbus run`, step 3 of 3: report. Records the end (one last sampler
// look, then the hub closes: drained, flushed, exported), reads the run back
// from the database and writes the summary and the JSON log's last lines.
// Steps 1 and 2: run-preflight.ts, run-supervise.ts.
import type { Hub } from '../hub/index.js';
import { openReader, saveRunSummary } from '../store/index.js';
import { commandUsageUnavailable } from './command-process.js';
import { inert, inertJson } from './format.js';
import { toJsonObject } from './log-json.js';
import type { JsonLog } from './log-json.js';
import type { RunCommandOptions } from './run-preflight.js';
import type { Supervised } from './run-supervise.js';
import { formatSummary, orphanEntries, summarizeRun, summaryRow, withRunEnd } from './summary.js';
import type { RunSummary } from './summary.js';

/** Records and reports a run whose command has ended; returns the exit status. */
export async function report(hub: Hub, o: RunCommandOptions, s: Supervised, log: JsonLog | undefined, warn: (m: string) => void): Promise<number> {
  const cfg = o.config;
  const stderr = process.stderr;
  const runId = hub.runId;
  const { end, exitStatus, wallMs, usage, orphans, fates, hwm, view, writeInitial } = s;
  // One last look, so the processes that ended since the last tick (the
  // command, its children, killed orphans) get PROCESS_EXITED, and with it
  // processes.exited_at_ms and the command's exit code. The first call may
  // join a tick that started before they ended; the second is a fresh one.
  await hub.sampleNow();
  await hub.sampleNow();
  try {
    await hub.close({ ...(end.code === null ? {} : { exitCode: end.code }), ...(end.signal === null ? {} : { signal: end.signal }) });
  } catch (err) {
    warn(`runbus run: closing the hub failed: ${(err as Error).message}`);
  }
  s.releaseSignals();

  let summary: RunSummary | undefined;
  try {
    const reader = openReader(cfg.db);
    try {
      const run = reader.run(runId);
      if (run !== undefined) summary = withRunEnd(summarizeRun(reader, run), { wallMs, exitStatus, usage, kernelPeakRssBytes: hwm.maxBytes });
    } finally {
      reader.close();
    }
  } catch (err) {
    warn(`runbus run: the summary cannot be read back from ${JSON.stringify(cfg.db)}: ${(err as Error).message}`);
  }
  if (summary !== undefined) {
    try {
      // Kept with the run, so reports after retention show the same headline.
      saveRunSummary(cfg.db, summaryRow(summary, Date.now()));
    } catch (err) {
      warn(`runbus run: the summary cannot be recorded in ${JSON.stringify(cfg.db)}: ${(err as Error).message}`);
    }
  }
  const estimatedBecause = usage === undefined ? commandUsageUnavailable() || 'the command was started without the native addon' : undefined;
  writeInitial(true);
  if (log !== undefined && summary !== undefined) {
    for (const p of summary.process_list) log.write('process_resources', { ...p });
    log.write('resources_final', {
      ...summary,
      process_list: undefined,
      alerts: summary.alerts.length,
      wall_ms: wallMs,
      kernel_peak_rss_bytes: hwm.maxBytes ?? null,
      host: toJsonObject(view.host),
      orphans: orphans.map((p) => ({ pid: p.pid, comm: p.comm, fate: fates.get(p.pid) ?? 'left running' })),
    });
  }
  const orphanList = orphans.map((p) => ({ pid: p.pid, comm: p.comm, fate: fates.get(p.pid) ?? 'left running' }));
  if (!cfg.quiet && summary !== undefined) {
    if (o.summaryJson) {
      stderr.write(`${inertJson({ ...summary, kernel_peak_rss_bytes: hwm.maxBytes ?? null, orphans: orphanList })}\n`);
    } else {
      stderr.write(`${formatSummary(summary, { orphans: orphanList, ...(estimatedBecause === undefined ? {} : { estimatedBecause }) }).join('\n')}\n`);
    }
  } else if (orphans.length > 0 && !cfg.killOrphans) {
    // Even quiet, say that something is left behind.
    stderr.write(`${inert(quietOrphansLine(orphanList))}\n`);
  }
  return exitStatus;
}

/** The one line `runbus run --quiet` writes about orphans it leaves running. */
export function quietOrphansLine(orphans: readonly { pid: number; comm: string }[]): string {
  const names = orphanEntries(orphans, (p) => `${p.pid} (${p.comm})`, '--log-json').join(', ');
  return `runbus run: ${orphans.length} orphan process(es) still running: ${names}`;
}
