// Compiles examples/**/*.ts to dist-examples/ (types stripped with
// TypeScript's transpileModule; `npm run lint` type-checks them), with their
// imports of ../../src/… pointed at the built package in dist/. So
// `npm run demo` runs plain JavaScript: no tsx or esbuild process beside the
// demo's own (they would show up in every frame it samples).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'examples');
const out = join(root, 'dist-examples');
rmSync(out, { recursive: true, force: true });

function* tsFiles(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* tsFiles(p);
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) yield p;
  }
}

let n = 0;
for (const file of tsFiles(src)) {
  const rel = relative(src, file);
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    fileName: file,
  });
  // examples/a/b.ts imports ../../src/x.js; dist-examples/a/b.js imports ../../dist/x.js.
  const js = outputText.replace(/(from\s+['"])((?:\.\.\/)+)src\//g, '$1$2dist/');
  const target = join(out, rel.replace(/\.ts$/, '.js'));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, js);
  n++;
}
console.log(`examples: ${n} files compiled to ${relative(root, out)}/`);
