import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Eleventy from '@11ty/eleventy';
import { register } from 'tsx/esm/api';
import type { Archive } from '../model.ts';
import { archiveJson } from './export.ts';
import { writeDownloads } from './downloads.ts';
import { indexSite } from './search.ts';

/** The folder that holds `.eleventy.ts` and `templates/`. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Render the archive into `outDir`, atomically: everything is written to a sibling temporary
 * folder, which replaces `outDir` only when the whole build succeeded.
 */
export async function writeSite(archive: Archive, outDir: string): Promise<{ pages: number }> {
  const out = path.resolve(outDir);
  const tmp = `${out}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  const cwd = process.cwd();
  // Eleventy resolves its folders against the working directory: the package's.
  process.chdir(PACKAGE_ROOT);
  // Eleventy imports `.eleventy.ts` with Node's own loader: make sure TypeScript loads, whoever calls us.
  const unregister = register();
  try {
    const eleventy = new Eleventy('templates', tmp, {
      configPath: '.eleventy.ts',
      quietMode: true,
      config: (config) => config.addGlobalData('archive', archive),
    });
    const written = (await eleventy.write()) as unknown;
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
    return { pages: countPages(written) };
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
