// tsc does not copy the generated protobuf module; put it beside the
// compiled code so dist/wire/*.js can import ./gen/telemetry.js (and
// dist/remote-write/*.js ./gen/remote.js).
import { chmodSync, cpSync } from 'node:fs';
for (const f of ['wire/gen/telemetry.js', 'wire/gen/telemetry.d.ts', 'remote-write/gen/remote.js', 'remote-write/gen/remote.d.ts']) {
  cpSync(new URL(`../src/${f}`, import.meta.url), new URL(`../dist/${f}`, import.meta.url));
}
// The `runbus` bin: tsc writes it 0644.
chmodSync(new URL('../dist/cli/main.js', import.meta.url), 0o755);
