#!/usr/bin/env node
// The `runbus` executable (package.json "bin"). All logic is in cli.ts.
import { main } from './cli.js';

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
