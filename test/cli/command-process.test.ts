import { describe, expect, it } from 'vitest';
import { commandUsageUnavailable, startCommand } from '../../src/cli/command-process.js';
import { quietOrphansLine } from '../../src/cli/run-report.js';
import { formatSummary, withRunEnd } from '../../src/cli/summary.js';
import type { RunSummary } from '../../src/cli/summary.js';

const env = { PATH: process.env.PATH };

describe('startCommand', () => {
  it('with the addon: exit code, signal and the kernel rusage of the command', async () => {
    expect(commandUsageUnavailable()).toBe('');
    const ok = startCommand('/bin/sh', ['sh', '-c', 'exit 3'], { env, cwd: '/' });
    expect(ok.pid).toBeGreaterThan(0);
    expect(ok.exactUsage).toBe(true);
    const end = await ok.ended;
    expect(end.code).toBe(3);
    expect(end.signal).toBeNull();
    // A small shell: its maxrss is its own, not runbus's (the test runner's) memory.
    expect(end.usage!.maxRssBytes).toBeGreaterThan(0);
    expect(end.usage!.maxRssBytes).toBeLessThan(process.memoryUsage().rss);

    const long = startCommand('/bin/sleep', ['sleep', '30'], { env, cwd: '/' });
    long.kill('SIGTERM');
    const killed = await long.ended;
    expect(killed).toMatchObject({ code: null, signal: 'SIGTERM' });
    expect(killed.usage).toBeDefined();

    const missing = await startCommand('/nonexistent/cmd', ['cmd'], { env, cwd: '/' }).ended;
    expect(missing.error?.code).toBe('ENOENT');
  });

  it('without the addon (nativeWait: false): the same end, no rusage', async () => {
    const p = startCommand('/bin/sh', ['sh', '-c', 'exit 4'], { env, cwd: '/', nativeWait: false });
    expect(p.exactUsage).toBe(false);
    const end = await p.ended;
    expect(end.code).toBe(4);
    expect(end.usage).toBeUndefined();
  });
});

const base = {
  run_id: 'r', command: 'x', host: null, started_at_ms: 0, ended_at_ms: 1000, duration_ms: 1000, exit_code: 0, signal: null,
  samples: 3, ticks: 3, processes: 1, cpu_user_ms: 100, cpu_system_ms: 10, cpu_avg_percent: 50, cpu_peak_percent: 60,
  peak_rss_bytes: 1e6, peak_process_rss_bytes: 1e6, host_cpu_peak_percent: null, host_mem_peak_percent: null,
  source: 'sampled', recorded: false, wall_ms: null, exit_status: null, max_rss_bytes: 1e6, minor_faults: null, major_faults: null,
  ctx_switches_voluntary: 5, ctx_switches_involuntary: 1, block_inputs: null, block_outputs: null,
  alerts_fired: 0, alerts: [], dropped: 0, components: [], process_list: [],
} satisfies RunSummary;

describe('the summary says which figures are estimated', () => {

  it('without rusage: estimated, with the reason; the VmHWM read raises the max rss', () => {
    const s = withRunEnd(base, { wallMs: 900, exitStatus: 0, usage: undefined, kernelPeakRssBytes: 3e6 });
    expect(s.source).toBe('sampled');
    expect(s.max_rss_bytes).toBe(3e6);
    const text = formatSummary(s, { orphans: [], estimatedBecause: 'the native addon is not built' }).join('\n');
    expect(text).toContain('(estimated: sampled from /proc');
    expect(text).toContain('estimated  cpu time, max rss and context switches: the native addon is not built');
    expect(text).not.toContain('faults');
  });

  it('with rusage: the kernel figures replace the sampled ones', () => {
    const usage = {
      userMs: 300, systemMs: 20, maxRssBytes: 200e6, minorFaults: 50_000, majorFaults: 2,
      voluntaryCtxSwitches: 7, involuntaryCtxSwitches: 9, blockInputs: 0, blockOutputs: 8,
    };
    const s = withRunEnd(base, { wallMs: 900, exitStatus: 0, usage, kernelPeakRssBytes: 3e6 });
    expect(s).toMatchObject({ source: 'rusage', cpu_user_ms: 300, max_rss_bytes: 200e6, minor_faults: 50_000, ctx_switches_involuntary: 9, wall_ms: 900 });
    const text = formatSummary(s).join('\n');
    expect(text).toContain('2 major, 50000 minor');
    expect(text).not.toContain('estimated');
  });
});

describe('orphans in the summary and the quiet report', () => {
  const orphans = Array.from({ length: 25 }, (_, i) => ({ pid: 1000 + i, comm: 'sleep', fate: 'left running' }));

  it('the text summary lists 20 by name, then a count of the rest', () => {
    const lines = formatSummary(base, { orphans });
    expect(lines).toContain('  orphans    25 processes outlived the command:');
    expect(lines.filter((l) => /^ +\d+ {2}sleep {2}left running$/.test(l))).toHaveLength(20);
    expect(lines).toContain('       1019  sleep  left running');
    expect(lines.join('\n')).not.toContain('1020');
    expect(lines).toContain('    … and 5 more (every one in --summary-json and --log-json)');
  });

  it('the quiet line does the same; 20 or fewer are all listed', () => {
    const line = quietOrphansLine(orphans);
    expect(line).toMatch(/^runbus run: 25 orphan process\(es\) still running: 1000 \(sleep\), /);
    expect(line).toContain('1019 (sleep), … and 5 more (every one in --log-json)');
    expect(line).not.toContain('1020');
    expect(quietOrphansLine(orphans.slice(0, 20))).toBe(`runbus run: 20 orphan process(es) still running: ${orphans.slice(0, 20).map((o) => `${o.pid} (sleep)`).join(', ')}`);
  });
});
