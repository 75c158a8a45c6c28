// tsc does not copy the generated protobuf module; put it beside the
// compiled code so dist/wire/*.js can import ./gen/telemetry.js.
import { chmodSync, cpSync } from 'node:fs';
for (const f of ['telemetry.js', 'telemetry.d.ts']) {
  cpSync(new URL(`../src/wire/gen/${f}`, import.meta.url), new URL(`../dist/wire/gen/${f}`, import.meta.url));
}
// The `runbus` bin: tsc writes it 0644.
chmodSync(new URL('../dist/cli/main.js', import.meta.url), 0o755);
