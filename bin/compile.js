// Dossier's TypeScript compiled into one bundle, so that `dossier` starts without tsx: through tsx's
// loader hooks, each of its sixty-odd modules is compiled and loaded on another thread, and start-up
// takes about 0.13 s longer. The bundle is made from the sources the first time they are run, with
// esbuild (what tsx itself compiles with), into `dist/<hash of the sources>/`, and reused while the
// sources stay the same; a changed source makes a new one. Its npm dependencies stay outside it.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's folder (this file is in `bin/`). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The bundle's entry points: the CLI, the Eleventy configuration it passes to Eleventy, the extraction worker. */
export const ENTRIES = { cli: 'src/cli.ts', eleventy: '.eleventy.ts', worker: 'src/extract/worker.ts' };

/** Bundles kept in `dist/`: the newest few, so that a build still running from an older one finds it. */
const KEEP = 3;

/** What the bundle is made of: every code or JSON file under `src/`, `.eleventy.ts`, the `tsconfig.json` esbuild reads, this file and esbuild's version. */
export function sourceHash(root = ROOT) {
  const hash = createHash('sha256');
  const files = readdirSync(path.join(root, 'src'), { recursive: true })
    .map((n) => path.join('src', String(n)))
    .filter((f) => /\.(?:[cm]?ts|[cm]?js|json)$/u.test(f))
    .sort();
  for (const f of [...files, '.eleventy.ts', 'tsconfig.json', 'bin/compile.js']) hash.update(f).update('\0').update(readFileSync(path.join(root, f))).update('\0');
  // Wherever npm put it (beside, or hoisted above this package).
  hash.update(readFileSync(createRequire(import.meta.url).resolve('esbuild/package.json')));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The bundle of the current sources: its folder, made now if there is none. Throws if it cannot be
 * made (a syntax error, a read-only package): the caller then runs the sources through tsx.
 */
export async function compiled(root = ROOT) {
  const dir = path.join(root, 'dist', sourceHash(root));
  if (existsSync(path.join(dir, 'cli.js'))) return dir;
  const { build } = await import('esbuild');
  // Made beside, then renamed: a bundle folder is complete or absent, even with several builds starting at once.
  const tmp = `${dir}.tmp-${process.pid}`;
  try {
    await build({
      absWorkingDir: root,
      entryPoints: ENTRIES,
      outdir: tmp,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      logLevel: 'silent',
    });
    try {
      renameSync(tmp, dir);
    } catch (e) {
      // Another process made it first.
      if (!existsSync(path.join(dir, 'cli.js'))) throw e;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  prune(path.dirname(dir));
  return dir;
}

/** Remove all but the `KEEP` newest bundles. */
function prune(dist) {
  const bundles = readdirSync(dist)
    .filter((n) => /^[0-9a-f]{16}$/u.test(n))
    .map((n) => ({ n, t: statSync(path.join(dist, n)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { n } of bundles.slice(KEEP)) rmSync(path.join(dist, n), { recursive: true, force: true });
}
