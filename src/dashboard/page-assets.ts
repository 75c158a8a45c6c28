// The files the page is made of: the markup and styles (page-html.ts), the
// page script and uPlot. The script is TypeScript in src/dashboard/browser/,
// compiled by `npm run build` (its own tsconfig, DOM types) to ES modules in
// dist/dashboard/page/; the page loads js/app.js, which imports the rest.
//
//   src/dashboard/browser/*.ts ──tsc -p src/dashboard/browser──▶ dist/dashboard/page/*.js ──▶ GET /js/<name>.js
//
// The folder is found from this module at ../../dist/dashboard/page/, which
// is the same place whether this runs compiled (dist/dashboard/) or from
// source (src/dashboard/, as the tests do): both sit two levels below the
// package root.

import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { DashboardError } from './errors.js';
import { kPageCss, kPageHtml } from './page-html.js';

/** Where `npm run build` writes the compiled page script. */
export const kPageDir = fileURLToPath(new URL('../../dist/dashboard/page/', import.meta.url));
/** The page script's entry module. */
export const kPageEntry = 'app.js';

export interface Asset {
  type: string;
  body: string | Buffer;
}

const kJs = 'text/javascript; charset=utf-8';
const kCss = 'text/css; charset=utf-8';
const kHtml = 'text/html; charset=utf-8';

let uplotAssets: { js: Asset; css: Asset } | undefined;

/** uPlot's browser build, read from the installed package (a runtime dependency). */
function uplot(): { js: Asset; css: Asset } {
  if (uplotAssets === undefined) {
    const require = createRequire(import.meta.url);
    uplotAssets = {
      js: { type: kJs, body: readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js')) },
      css: { type: kCss, body: readFileSync(require.resolve('uplot/dist/uPlot.min.css')) },
    };
  }
  return uplotAssets;
}

/** The modules the entry imports, directly or not (what the page loads), in import order. */
export function importedModules(mods: ReadonlyMap<string, Buffer>, entry = kPageEntry): string[] {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    const text = mods.get(name)?.toString('utf8') ?? '';
    // tsc writes one static import or re-export per line; type-only ones are gone.
    for (const m of text.matchAll(/^(?:import|export)\b[^;]*?'\.\/([a-z0-9-]+\.js)';$/gm)) {
      const dep = m[1]!;
      if (!seen.has(dep)) {
        seen.add(dep);
        queue.push(dep);
      }
    }
  }
  seen.delete(entry);
  return [...seen];
}

/**
 * The page's files from one folder of compiled modules, each read once (they
 * change only with a new build, which restarts the process).
 */
export class PageFiles {
  readonly dir: string;
  #modules: Map<string, Buffer> | undefined;
  #pages: { live: string; stored: string } | undefined;

  constructor(dir: string = kPageDir) {
    this.dir = dir.endsWith('/') ? dir : `${dir}/`;
  }

  #notBuilt(err: unknown): DashboardError {
    return new DashboardError('ERR_DASHBOARD_NOT_BUILT', `the dashboard's page script is not built (${this.dir}): run npm run build`, { cause: err });
  }

  /** The compiled modules by file name; throws ERR_DASHBOARD_NOT_BUILT without the entry. */
  modules(): Map<string, Buffer> {
    if (this.#modules === undefined) {
      let names: string[];
      try {
        names = readdirSync(this.dir).filter((n) => /^[a-z0-9-]+\.js$/.test(n)).sort();
      } catch (err) {
        throw this.#notBuilt(err);
      }
      if (!names.includes(kPageEntry)) throw this.#notBuilt(undefined);
      this.#modules = new Map(names.map((n) => [n, readFileSync(`${this.dir}${n}`)]));
    }
    return this.#modules;
  }

  /**
   * The page, with a modulepreload link for every module the entry imports
   * so the browser fetches them all at once instead of one import level at a
   * time. Before a build it still loads (its script then fails with the
   * not-built answer).
   */
  #page(storedOnly: boolean): string {
    if (this.#pages === undefined) {
      let names: string[] = [];
      try {
        names = importedModules(this.modules());
      } catch {
        // Not built: the page without preloads; js/app.js answers why.
      }
      const html = kPageHtml.replace('<!-- preload -->', names.map((n) => `<link rel="modulepreload" href="js/${n}">`).join('\n'));
      // The script reads the mark and shows stored runs only.
      this.#pages = { live: html, stored: html.replace('<body>', '<body data-stored-only>') };
    }
    return storedOnly ? this.#pages.stored : this.#pages.live;
  }

  /**
   * The asset at `path`, or undefined when the path is not one of the page's.
   * The asset's function throws {@link DashboardError}
   * `ERR_DASHBOARD_NOT_BUILT` for the entry when nothing was compiled.
   */
  asset(path: string, storedOnly: boolean): (() => Asset) | undefined {
    switch (path) {
      case '/':
      case '/index.html': return () => ({ type: kHtml, body: this.#page(storedOnly) });
      case '/app.css': return () => ({ type: kCss, body: kPageCss });
      case '/vendor/uplot.min.js': return () => uplot().js;
      case '/vendor/uplot.min.css': return () => uplot().css;
      default: break;
    }
    const m = /^\/js\/([a-z0-9-]+\.js)$/.exec(path);
    if (m === null) return undefined;
    const name = m[1]!;
    // The entry is always a page path (so a missing build says so); other names only when built.
    if (name !== kPageEntry) {
      let known: boolean;
      try {
        known = this.modules().has(name);
      } catch {
        known = false;
      }
      if (!known) return undefined;
    }
    return () => ({ type: kJs, body: this.modules().get(name)! });
  }
}

