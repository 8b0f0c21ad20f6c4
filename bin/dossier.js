#!/usr/bin/env node
// Runs the CLI compiled into one bundle (bin/compile.js: made on the first run, and again when a source
// changes), or, if it cannot be made or DOSSIER_FROM_SOURCES is set, its TypeScript through tsx.
import { pathToFileURL } from 'node:url';
import { compiled } from './compile.js';

// Eleventy 3 on Node 20 registers loader hooks on another thread (src/Util/EsmResolverPortAdapter.js) so that its
// watch mode can import a changed JavaScript file again; every later import then waits on that thread (an edit's
// build: ~0.05 s). Dossier never has Eleventy watch: `dossier serve` runs a new build, which reads the templates and
// JSON data afresh, and its configuration is this process's code. Eleventy's switch for it (its issue 3371):
process.env['ELEVENTY_SKIP_ESM_RESOLVER'] ??= '1';

const bundle = process.env['DOSSIER_FROM_SOURCES']
  ? null
  : await compiled().catch((e) => {
      // Slower to start, and the sources will say what is wrong with them, if anything.
      process.stderr.write(`dossier: running from the TypeScript sources (the bundle could not be made: ${String(e?.message ?? e).split('\n')[0]})\n`);
      return null;
    });
if (bundle) {
  await import(pathToFileURL(`${bundle}/cli.js`).href);
} else {
  // The heaviest npm dependencies load first, with Node's own loader: through tsx's loader hooks, which
  // every later import goes through, they load a third slower. Only a speed-up: a dependency left out of
  // the list still loads, later.
  await Promise.all(
    ['@11ty/eleventy', '@11ty/eleventy-plugin-rss', 'chrono-node/en', 'remark-parse', 'remark-html', 'unified', 'gray-matter', '@sindresorhus/slugify', 'pagefind', 'd3-force', 'csv-stringify/sync'].map((m) => import(m)),
  );
  // Node 20 cannot strip types itself.
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
