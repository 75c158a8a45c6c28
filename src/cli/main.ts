#!/usr/bin/env node
// The `runbus` executable (package.json "bin"). All logic is in cli.ts.
import { setFlagsFromString } from 'node:v8';

// A long-running `runbus run` or `runbus hub` runs most of its code once per
// tick: at V8's default interrupt budget such a function reaches optimised
// code only after minutes of ticks, and until then runs as baseline code
// through inline-cache stubs. A budget 16 times smaller optimises it within
// tens of ticks. Around 20 processes, 4 to 7 minutes after start, this
// cost 0.75-0.89 times the command line's CPU without it, window by window,
// main thread, sampler worker and store writer alike (bench/threads.ts, 6
// windows side by side; docs/PERFORMANCE.md); the first minute costs about
// 0.2 s of CPU more, paid back by 5 minutes. Set before the rest of the command line is
// loaded, so that every function's budget is the new one; V8 flags are per
// process, so the worker threads have it too. Only the executable sets it:
// a library must not change its host's V8.
setFlagsFromString('--interrupt-budget=4096');

const { main } = await import('./cli.js');
const status = await main(process.argv.slice(2));
// Exit explicitly: a sampler thread or a socket left by a failure must not
// keep the process (and the caller waiting on it) alive. stdout/stderr to
// pipes are flushed first.
function flush(s: NodeJS.WriteStream): Promise<void> {
  return new Promise((r) => {
    if (s.writableLength === 0) r();
    else s.write('', () => { r(); });
  });
}
await Promise.all([flush(process.stdout), flush(process.stderr)]);
process.exit(status);
