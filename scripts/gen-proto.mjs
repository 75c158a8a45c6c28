// Regenerates the committed static protobuf code from the proto files:
//   proto/telemetry.proto → src/wire/gen/telemetry.{js,d.ts}      (the wire contract)
//   proto/remote.proto    → src/remote-write/gen/remote.{js,d.ts} (Prometheus remote write)
//   node scripts/gen-proto.mjs          write them
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
/** [proto file, output directory, generated base name]. */
const kTargets = [
  [join(root, 'proto', 'telemetry.proto'), join(root, 'src', 'wire', 'gen'), 'telemetry'],
  [join(root, 'proto', 'remote.proto'), join(root, 'src', 'remote-write', 'gen'), 'remote'],
];
const check = process.argv.includes('--check');

const stale = [];
for (const [proto, outDir, base] of kTargets) {
const tmp = mkdtempSync(join(tmpdir(), 'runbus-gen-'));
try {
  const js = join(tmp, `${base}.js`);
  const dts = join(tmp, `${base}.d.ts`);
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
  const files = [`${base}.js`, `${base}.d.ts`];
  if (check) {
    const read = (f) => { try { return readFileSync(f, 'utf8'); } catch { return undefined; } };
    stale.push(...files.filter((f) => readFileSync(join(tmp, f), 'utf8') !== read(join(outDir, f))));
  } else {
    for (const f of files) writeFileSync(join(outDir, f), readFileSync(join(tmp, f), 'utf8'));
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
}
if (stale.length > 0) {
  console.error(`stale generated code: ${stale.join(', ')}; run npm run gen:proto`);
  process.exit(1);
}
