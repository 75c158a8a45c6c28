// Regenerates the committed static protobuf code from proto/telemetry.proto.
//   node scripts/gen-proto.mjs          write src/wire/gen/telemetry.{js,d.ts}
//   node scripts/gen-proto.mjs --check  exit 1 if the committed files are stale
// The generated files are committed (see docs/wire.md): building and
// installing runbus then needs neither protobufjs-cli nor protoc.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const proto = join(root, 'proto', 'telemetry.proto');
const outDir = join(root, 'src', 'wire', 'gen');
const check = process.argv.includes('--check');

const tmp = mkdtempSync(join(tmpdir(), 'runbus-gen-'));
try {
  const js = join(tmp, 'telemetry.js');
  const dts = join(tmp, 'telemetry.d.ts');
  // --force-number: 64-bit fields are plain numbers (byte counts and
  // millisecond timestamps stay far below 2^53), never Long objects.
  const pbjs = (out, ...extra) => {
    execFileSync(bin('pbjs'), [
      '-t', 'static-module', '-w', 'es6', '--force-number', '--no-beautify', ...extra,
      '-o', out, proto,
    ], { stdio: 'inherit' });
    // protobufjs/minimal has no ESM entry point of its own; name the file.
    // Defaults of 64-bit fields would be Long zeros whenever the `long`
    // package is installed; with --force-number they are plain 0.
    writeFileSync(out, readFileSync(out, 'utf8')
      .replace('"protobufjs/minimal"', '"protobufjs/minimal.js"')
      .replace(/\$util\.Long \? \$util\.Long\.fromBits\(0,0,(?:true|false)\) : 0/g, '0'));
  };
  // pbts reads the JSDoc of a commented build; the shipped JS has none.
  const documented = join(tmp, 'documented.js');
  pbjs(documented);
  execFileSync(bin('pbts'), ['-o', dts, documented], { stdio: 'inherit' });
  pbjs(js, '--no-comments');
  const files = ['telemetry.js', 'telemetry.d.ts'];
  if (check) {
    const stale = files.filter((f) => readFileSync(join(tmp, f), 'utf8') !== readFileSync(join(outDir, f), 'utf8'));
    if (stale.length > 0) {
      console.error(`stale generated code: ${stale.join(', ')}; run npm run gen:proto`);
      process.exit(1);
    }
  } else {
    for (const f of files) writeFileSync(join(outDir, f), readFileSync(join(tmp, f), 'utf8'));
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
