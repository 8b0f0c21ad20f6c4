import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Eleventy from '@11ty/eleventy';
import { register } from 'tsx/esm/api';
import type { Archive } from '../model.ts';
import { archiveJson } from './export.ts';
import { writeDownloads } from './downloads.ts';
import { indexSite } from './search.ts';
import { globalFingerprint, planPages, selectPages, type PageFingerprints } from './pages.ts';

/** The folder that holds `.eleventy.ts` and `templates/`. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface WriteOptions {
  /** What the previous build into `outDir` remembered of its pages (`src/site/pages.ts`), if `outDir` is still as it left it. */
  readonly previous?: PageFingerprints | null;
  /** A fingerprint of the code and templates that render: pages are reused only from a build by the same. */
  readonly renderer?: string;
}

export interface WriteResult {
  /** Files written, rendered or reused. */
  readonly pages: number;
  /** Of which rendered by this build. */
  readonly rendered: number;
  /** What to remember for the next build. */
  readonly fingerprints: PageFingerprints;
}

/**
 * Render the archive into `outDir`, atomically: everything is written to a sibling temporary
 * folder, which replaces `outDir` only when the whole build succeeded.
 *
 * With `previous`, the pages of articles and entities whose fingerprints did not change are
 * copied from `outDir` (hard links) instead of rendered again.
 */
export async function writeSite(archive: Archive, outDir: string, options: Readonly<WriteOptions> = {}): Promise<WriteResult> {
  const out = path.resolve(outDir);
  const tmp = `${out}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  const plans = planPages(archive);
  const global = globalFingerprint(archive, options.renderer ?? '');
  const { render, reuse } = selectPages(archive, plans, global, options.previous ?? null, (file) => existsSync(path.join(out, file)));
  const fingerprints: PageFingerprints = { global, pages: Object.fromEntries(plans.map((p) => [p.key, p.fingerprint])) };
  const cwd = process.cwd();
  // Eleventy resolves its folders against the working directory: the package's.
  process.chdir(PACKAGE_ROOT);
  // Eleventy imports `.eleventy.ts` with Node's own loader: make sure TypeScript loads, whoever calls us.
  const unregister = register();
  try {
    const eleventy = new Eleventy('templates', tmp, {
      configPath: '.eleventy.ts',
      quietMode: true,
      config: (config) => {
        config.addGlobalData('archive', archive);
        // The articles and entities whose pages the templates paginate over.
        config.addGlobalData('render', render);
      },
    });
    const written = (await eleventy.write()) as unknown;
    await reuseFiles(out, tmp, reuse);
    await mkdir(path.join(tmp, 'data'), { recursive: true });
    await writeFile(path.join(tmp, 'data', 'archive.json'), `${JSON.stringify(archiveJson(archive), null, 2)}\n`);
    await writeDownloads(archive, tmp);
    await indexSite(tmp);
    const old = `${out}.old-${process.pid}`;
    await rm(old, { recursive: true, force: true });
    const hadOld = await rename(out, old).then(() => true, () => false);
    try {
      await rename(tmp, out);
    } catch (e) {
      // A failed swap must leave the previous site where it was.
      if (hadOld) await rename(old, out).catch(() => undefined);
      throw e;
    }
    await rm(old, { recursive: true, force: true });
    const rendered = countPages(written);
    return { pages: rendered + reuse.length, rendered, fingerprints };
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  } finally {
    await unregister();
    process.chdir(cwd);
  }
}

function countPages(written: unknown): number {
  if (Array.isArray(written)) return written.flat(2).filter((x) => x && typeof x === 'object' && 'outputPath' in x).length;
  return 0;
}

/** Hard-link (or copy, across file systems) each of `files` from the previous site into the new one, a few at a time. */
async function reuseFiles(from: string, to: string, files: readonly string[]): Promise<void> {
  const dirs = [...new Set(files.map((f) => path.dirname(path.join(to, f))))];
  await inBatches(dirs, (dir) => mkdir(dir, { recursive: true }));
  await inBatches(files, (file) => link(path.join(from, file), path.join(to, file)).catch(() => copyFile(path.join(from, file), path.join(to, file))));
}

/** Run `task` over `items`, 64 at a time: thousands of small file operations, without thousands of open handles. */
async function inBatches<T>(items: readonly T[], task: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += 64) await Promise.all(items.slice(i, i + 64).map(task));
}
