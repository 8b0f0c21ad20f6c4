import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from './model.ts';
import type { PageFingerprints } from './site/pages.ts';
import { extractorHash, readIfFile } from './cache.ts';
import { CURATION_FILE } from './read/curation.ts';
import { PACKAGE_ROOT as ROOT } from './root.ts';

const FORMAT = 'dossier-site-1';

/** What `dossier build` said about a build, to say again when the next one finds nothing changed. */
export interface BuildReport {
  /** The `file:line: dropped …` lines, as printed. */
  readonly dropped: string;
  readonly problems: readonly Problem[];
  /** `N articles, N people, …`. */
  readonly counts: string;
}

/** A note, kept beside the cache, of what a build wrote into an output folder. */
export interface SiteStamp {
  /** `inputsFingerprint` of the build. */
  readonly inputs: string;
  /** `siteFingerprint` of the archive it rendered. */
  readonly site: string;
  readonly report: BuildReport;
  /** The fingerprints of its pages (`src/site/pages.ts`), so that the next build renders only those that changed. */
  readonly pages?: PageFingerprints;
  /** The output folder as the build left it: the swap gives it a new inode, and adding or removing a file at its top changes its time. */
  readonly ino: number;
  readonly mtimeMs: number;
}

/**
 * A fingerprint of everything a build reads: the files under `articles/` and the curation file of
 * `contentDir`, the extractor's code and model, and the code and templates that render the site.
 * Also gives the bytes it read, by absolute path, for the build to read them no more
 * (`BuildOptions.read`).
 */
export async function inputsFingerprint(contentDir: string): Promise<{ fingerprint: string; read: Map<string, Buffer> }> {
  const hash = createHash('sha256').update(FORMAT).update(await extractorHash()).update(await rendererHash());
  const names = await readdir(path.join(contentDir, 'articles'), { recursive: true }).catch(() => []);
  const files = [CURATION_FILE, ...names.map((n) => path.join('articles', String(n)))].sort();
  const read = new Map<string, Buffer>();
  // Synchronously, like the reading of the articles (src/read/sources.ts): faster for thousands of small files.
  for (const f of files) {
    const at = path.join(contentDir, f);
    const bytes = readIfFile(at);
    // Folders cannot be read: their names are in the paths of the files inside.
    if (!bytes) continue;
    read.set(at, bytes);
    hash.update(f).update('\0').update(String(bytes.length)).update('\0').update(bytes);
  }
  return { fingerprint: hash.digest('hex'), read };
}

/**
 * A fingerprint of the site an archive renders to, from the fingerprint of what the archive is
 * linked from (`BuildResult.fingerprint`), and the code and templates that link and render it.
 */
export async function siteFingerprint(linkedFrom: string): Promise<string> {
  return createHash('sha256').update(FORMAT).update(await rendererHash()).update(linkedFrom).digest('hex');
}

/** Forget the stamp of `outDir`: the next build into it starts from scratch. */
export async function removeStamp(dir: string, outDir: string): Promise<void> {
  await rm(stampFile(dir, outDir), { force: true });
}

const stampFile = (dir: string, outDir: string): string => path.join(dir, `${createHash('sha256').update(path.resolve(outDir)).digest('hex').slice(0, 32)}.json`);

/** Whether a build into `outDir` left a stamp: whatever it says, the next build there is likely an update. */
export const hasStamp = (dir: string, outDir: string): boolean => existsSync(stampFile(dir, outDir));

/**
 * The stamp of the last build into `outDir`, if the folder is still as that build left it.
 *
 * Pages edited by hand inside the folder are not noticed: `dossier build --no-cache` writes everything.
 */
export async function readStamp(dir: string, outDir: string): Promise<SiteStamp | null> {
  const [text, folder, index] = await Promise.all([
    readFile(stampFile(dir, outDir), 'utf8').catch(() => null),
    stat(outDir).catch(() => null),
    stat(path.join(outDir, 'index.html')).catch(() => null),
  ]);
  if (text === null || !folder || !index) return null;
  try {
    const stamp = JSON.parse(text) as SiteStamp;
    return stamp.ino === folder.ino && stamp.mtimeMs === folder.mtimeMs ? stamp : null;
  } catch {
    return null;
  }
}

/** Note what the build just wrote into `outDir`. */
export async function writeStamp(dir: string, outDir: string, stamp: Omit<SiteStamp, 'ino' | 'mtimeMs'>): Promise<void> {
  const folder = await stat(outDir);
  await mkdir(dir, { recursive: true });
  const file = stampFile(dir, outDir);
  await writeFile(`${file}.${process.pid}.tmp`, JSON.stringify({ ...stamp, ino: folder.ino, mtimeMs: folder.mtimeMs } satisfies SiteStamp));
  await rename(`${file}.${process.pid}.tmp`, file);
}

let rendererHashOnce: Promise<string> | undefined;
/** A hash of the templates, `.eleventy.ts`, the code under `src/` and the dependencies, computed once per process. */
export function rendererHash(): Promise<string> {
  rendererHashOnce ??= (async () => {
    const hash = createHash('sha256');
    const files = ['templates', 'src']
      .flatMap((d) => readdirSync(path.join(ROOT, d), { recursive: true }).map((n) => path.join(d, String(n))))
      .concat(['.eleventy.ts', 'package-lock.json', 'package.json'])
      .sort();
    // Synchronously: a hundred-odd files, several times faster so than as promises, one after the other.
    for (const f of files) {
      const bytes = readIfFile(path.join(ROOT, f));
      if (bytes) hash.update(f).update('\0').update(bytes).update('\0');
    }
    return hash.digest('hex');
  })();
  return rendererHashOnce;
}
