// The page script is the TypeScript in src/dashboard/browser, compiled by
// `npm run build`: every module is built, what the dashboard serves as
// js/<name>.js is exactly what the current source compiles to (a stale build
// fails here), and the page loads the entry and preloads what it imports.

import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunBus } from '../../src/bus/index.js';
import { startDashboardServer } from '../../src/dashboard/index.js';
import type { DashboardServer } from '../../src/dashboard/index.js';
import { importedModules, kPageDir, PageFiles } from '../../src/dashboard/page-assets.js';
import { quietLogger } from '../support/bus.js';

const kBrowserDir = join(import.meta.dirname, '..', '..', 'src', 'dashboard', 'browser');
const sources = readdirSync(kBrowserDir).filter((n) => n.endsWith('.ts')).sort();

/** The browser tsconfig's compiler options, as tsc -p src/dashboard/browser reads them. */
function browserOptions(): ts.CompilerOptions {
  const file = join(kBrowserDir, 'tsconfig.json');
  const { config, error } = ts.readConfigFile(file, (p) => ts.sys.readFile(p));
  if (error !== undefined) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  return ts.parseJsonConfigFileContent(config, ts.sys, kBrowserDir).options;
}

describe('the page script is the compiled TypeScript', () => {
  let bus: RunBus;
  let server: DashboardServer;

  beforeAll(async () => {
    bus = new RunBus({ logger: quietLogger() });
    server = await startDashboardServer({ bus, port: 0 });
  });

  afterAll(async () => {
    await server.close();
    await bus.close();
  });

  it('every module of src/dashboard/browser is built into dist/dashboard/page (run npm run build if not)', () => {
    expect(sources).toContain('app.ts');
    const built = readdirSync(kPageDir).filter((n) => n.endsWith('.js')).sort();
    expect(built).toEqual(sources.map((n) => n.replace(/\.ts$/, '.js')));
  });

  it('serves each module as the current source compiles to it', async () => {
    const options = browserOptions();
    expect(options.lib).toContain('lib.dom.d.ts');
    for (const name of sources) {
      const js = name.replace(/\.ts$/, '.js');
      const want = ts.transpileModule(readFileSync(join(kBrowserDir, name), 'utf8'), { compilerOptions: options, fileName: name }).outputText;
      const r = await fetch(`${server.url}js/${js}`);
      expect(r.status, js).toBe(200);
      expect(r.headers.get('content-type'), js).toBe('text/javascript; charset=utf-8');
      expect(await r.text(), `${js} is stale: run npm run build`).toBe(want);
    }
  });

  it('the page loads js/app.js as a module and preloads every module it imports, no other', async () => {
    const html = await (await fetch(server.url)).text();
    expect(html).toContain('<script type="module" src="js/app.js"></script>');
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="js\/([a-z0-9-]+\.js)">/g)].map((m) => m[1]).sort();
    const mods = new Map(readdirSync(kPageDir).map((n) => [n, readFileSync(join(kPageDir, n))]));
    expect(preloaded).toEqual(importedModules(mods).sort());
    // Every module but the entry is preloaded (api.js too: it holds the series list beside the JSON shapes).
    expect(preloaded).toEqual(sources.map((n) => n.replace(/\.ts$/, '.js')).filter((n) => n !== 'app.js'));
    // Every module the page can ask for is there.
    for (const n of preloaded) expect((await fetch(`${server.url}js/${n!}`)).status, n).toBe(200);
  });

  it('answers 404 for a module that is not built and a path outside the folder', async () => {
    expect((await fetch(`${server.url}js/nope.js`)).status).toBe(404);
    expect((await fetch(`${server.url}js/..%2Fdashboard.js`)).status).toBe(404);
    expect((await fetch(`${server.url}js/${basename(kPageDir)}`)).status).toBe(404);
  });
});

describe('before a build', () => {
  it('the page still loads, without preloads; js/app.js says the script is not built and how to build it', () => {
    const files = new PageFiles(join(tmpdir(), 'runbus-no-such-page-dir'));
    const page = files.asset('/', false)!();
    expect(String(page.body)).toContain('<script type="module" src="js/app.js"></script>');
    expect(String(page.body)).not.toContain('modulepreload');
    const entry = files.asset('/js/app.js', false);
    expect(entry).toBeDefined();
    expect(() => entry!()).toThrow(expect.objectContaining({ name: 'DashboardError', code: 'ERR_DASHBOARD_NOT_BUILT', message: expect.stringMatching(/npm run build/) }));
    // Other module names are not page paths until built.
    expect(files.asset('/js/charts.js', false)).toBeUndefined();
  });
});
