/**
 * Test helpers for the built site: build the real archive once into a temp folder, and serve a
 * folder over HTTP on 127.0.0.1 (at `/` or under a prefix such as `/archive/`).
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { buildArchive } from '../../src/build.ts';
import { writeSite, type WriteOptions } from '../../src/site/write.ts';
import type { Archive } from '../../src/model.ts';

// The static server of `dossier serve`: the tests serve built sites with it too.
export { serveStatic, type StaticServer } from '../../src/site/static.ts';

/** The repository root (the folder that holds `content/`). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface BuiltSite {
  /** Absolute path of the folder the site was written to. */
  readonly dir: string;
  /** The archive the site was rendered from (with the articles' body blocks). */
  readonly archive: Archive;
  /** Remove the temp folder. */
  cleanup(): Promise<void>;
}

/**
 * Build the repository's real `content/` with `buildArchive` + `writeSite` into a fresh folder
 * under the OS temp dir. Call it once per test file (in `beforeAll`), and `cleanup()` in `afterAll`.
 * Throws if the content has errors: a site built from broken content is not worth testing.
 */
export async function buildRealSite(contentDir = path.join(REPO_ROOT, 'content'), options: Readonly<WriteOptions> = {}): Promise<BuiltSite> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'dossier-site-'));
  const dir = path.join(root, 'site');
  let archive: Archive;
  try {
    const result = await buildArchive(contentDir);
    archive = result.archive;
    const { problems } = result;
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length) {
      throw new Error(`content has errors:\n${errors.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('\n')}`);
    }
    // writeSite has Eleventy import `.eleventy.ts` with Node's own loader, outside vitest's
    // transform: register tsx's loader for that, as bin/dossier.js does.
    const unregister = register();
    try {
      await writeSite(archive, dir, options);
    } finally {
      await unregister();
    }
  } catch (e) {
    await rm(root, { recursive: true, force: true });
    throw e;
  }
  return { dir, archive, cleanup: () => rm(root, { recursive: true, force: true }) };
}

export interface ArchiveJson {
  readonly articles: readonly {
    readonly id: string;
    readonly url: string;
    readonly headline: string;
    readonly date: string | null;
    readonly people: readonly string[];
    readonly organizations: readonly string[];
    readonly places: readonly string[];
    readonly demands: readonly { readonly text: string; readonly by: readonly string[] }[];
  }[];
  readonly people: readonly {
    readonly id: string;
    readonly url: string;
    readonly name: string;
    readonly aliases: readonly string[];
    readonly roles: readonly { readonly title: string; readonly organization: string | null }[];
    readonly articles: readonly string[];
  }[];
  readonly organizations: readonly {
    readonly id: string;
    readonly url: string;
    readonly name: string;
    readonly aliases: readonly string[];
    readonly description?: string | null;
    readonly articles: readonly string[];
  }[];
  readonly places: readonly { readonly id: string; readonly url: string; readonly name: string; readonly articles: readonly string[] }[];
}

/** Read `data/archive.json` of a built site. */
export async function readArchiveJson(siteDir: string): Promise<ArchiveJson> {
  return JSON.parse(await readFile(path.join(siteDir, 'data', 'archive.json'), 'utf8')) as ArchiveJson;
}

/** Every file under `dir` whose name ends in `ext`, as paths relative to `dir` with `/` separators, sorted. */
export async function listFiles(dir: string, ext: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}
