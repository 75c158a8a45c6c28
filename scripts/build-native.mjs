// Builds the peer-credentials addon (native/peer-cred.c) at install time.
// Optional by design: without a compiler or Node headers the install goes
// on, and the hub logs at start-up that it cannot verify client pids (those
// pids are then not sampled).
import { spawnSync } from 'node:child_process';

if (process.platform !== 'linux') {
  console.warn('runbus: peer-credential addon skipped (Linux only); client pids will not be sampled');
  process.exit(0);
}
// npm puts its own node-gyp on PATH for install scripts.
const r = spawnSync('node-gyp', ['rebuild'], { stdio: 'inherit', shell: false });
if (r.status !== 0) {
  console.warn(`runbus: could not build the peer-credential addon (${r.error?.message ?? `node-gyp exited ${r.status}`}); client pids will not be sampled`);
}
