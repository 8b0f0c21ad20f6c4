import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import Eleventy from '@11ty/eleventy';
import type { Archive, Article, Organization, Person } from '../model.ts';
import { archiveJson } from './export.ts';
import { writeDownloads } from './downloads.ts';
import { indexShards, searchBundles, searchShards, SEARCH_FOLDER } from './search.ts';
import { entityFeeds, type FeedSite } from './feeds.ts';
import { mark } from '../timing.ts';
import { inBatches, makeFolders } from './files.ts';
import { siteWideTemplates } from './templates.ts';
import { keepCompiledTemplates } from './nunjucks.ts';
import { COMPILED, compiledEntry, PACKAGE_ROOT, TEMPLATES } from '../root.ts';
import { globalFingerprint, pageFiles, planPages, selectPages, type PageFingerprints, type RenderLists } from './pages.ts';

export interface WriteOptions {
  /**
   * What the previous build into `outDir` remembered of its pages (`src/site/pages.ts`), if `outDir`
   * is still as it left it. With it, the build updates `outDir` in place: only what changed is written.
   */
  readonly previous?: PageFingerprints | null;
  /** A fingerprint of the code and templates that render: pages are reused only from a build by the same. */
  readonly renderer?: string;
  /** Article id → a hash of its record (`BuildResult.recordHashes`): page fingerprints are cheaper with it. */
  readonly recordHashes?: ReadonlyMap<string, string>;
  /** Articles per search shard (`src/site/search.ts`). @default SHARD_SIZE */
  readonly shardSize?: number;
  /** A folder where compiled templates are kept for the next build by the same `renderer` (`keepCompiledTemplates`). */
  readonly templateCache?: string;
}

export interface WriteResult {
  /** Files of the site, rendered or unchanged (search index not counted). */
  readonly pages: number;
  /** Of which rendered by this build. */
  readonly rendered: number;
  /** What to remember for the next build. */
  readonly fingerprints: PageFingerprints;
}

/**
 * Render the archive into `outDir`. Everything is first written to a sibling temporary folder; only
 * when the whole build succeeded does it reach `outDir`:
 * - from scratch (no `previous`): the temporary folder replaces `outDir` whole;
 * - with `previous`: the pages of articles and entities whose fingerprints did not change are left
 *   where they are, and the rest is moved into `outDir` file by file, the files of pages that no
 *   longer exist removed, and each search shard that changed replaced. Only that move, a few
 *   renames, happens in `outDir` itself; the caller forgets its stamp first, so that a build cut
 *   short there is followed by one from scratch.
 */
export async function writeSite(archive: Archive, outDir: string, options: Readonly<WriteOptions> = {}): Promise<WriteResult> {
  const out = path.resolve(outDir);
  const tmp = `${out}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  const global = globalFingerprint(archive, options.renderer ?? '');
  const previous = options.previous ?? null;
  // Fingerprints by other code or of another archive size are not worth reading (`selectPages` renders everything).
  const { pages: plans, siteWide, reads, events } = planPages(archive, options.recordHashes, previous?.global === global ? previous : null);
  const { render, reuse } = selectPages(archive, plans, global, previous, (file) => existsSync(path.join(out, file)));
  const byKey = new Map(plans.map((p) => [p.key, p.fingerprint]));
  const shards = searchShards(archive, (a) => byKey.get(`article:${a.id}`)!, global, options.shardSize);
  const inPlace = previous !== null && reuse.length > 0;
  // Site-wide pages whose fingerprint did not change are left in place too (`SITE_WIDE` in pages.ts).
  const keptSiteWide = inPlace ? siteWide.filter((p) => previous.siteWide?.[p.template] === p.fingerprint && existsSync(path.join(out, p.file))) : [];
  const reindex = shards.filter((s) => !inPlace || previous.shards?.[s.key] !== s.fingerprint || !existsSync(path.join(out, SEARCH_FOLDER, s.key, 'pagefind-entry.json')));
  const fingerprints: PageFingerprints = {
    global,
    pages: Object.fromEntries(plans.map((p) => [p.key, p.fingerprint])),
    shards: Object.fromEntries(shards.map((s) => [s.key, s.fingerprint])),
    siteWide: Object.fromEntries(siteWide.map((p) => [p.template, p.fingerprint])),
    reads,
    events,
  };
  mark('plan pages');
  const cwd = process.cwd();
  // Eleventy resolves its folders against the working directory: the package's.
  process.chdir(PACKAGE_ROOT);
  // Eleventy imports its configuration with Node's own loader. Compiled (`bin/compile.js`), it is the bundle's
  // `eleventy.js`, which shares this code's modules; from the sources, `.eleventy.ts`, through tsx, whoever calls us.
  const configPath = COMPILED ? path.relative(PACKAGE_ROOT, compiledEntry('eleventy.js')) : '.eleventy.ts';
  const unregister = COMPILED ? null : (await import('tsx/esm/api')).register();
  keepCompiledTemplates(options.templateCache ?? null, options.renderer);
  // In chunks: Eleventy keeps every page it renders until its build ends, so one run over tens of
  // thousands of pages holds them all in memory. The first run renders the site-wide pages too.
  const chunks = chunkLists(render, CHUNK);
  // Search indexing runs in Pagefind's own process, beside Eleventy: each shard gets its pages in its order,
  // the unchanged ones (an edit) from the site at once, a rendered one once the Eleventy run that renders it is over.
  // Read synchronously: Eleventy keeps this thread busy, and a page read by a promise would wait for it.
  const runs = chunks.map(() => {
    let resolve!: (written: boolean) => void;
    return { promise: new Promise<boolean>((r) => (resolve = r)), resolve };
  });
  const runOf = new Map(chunks.flatMap((c, i) => c.articles.map((a) => [a.id, i] as const)));
  const pageFile = (dir: string, a: Article): string => readFileSync(path.join(dir, a.url, 'index.html'), 'utf8');
  const page = (a: Article): string | Promise<string> => {
    const run = runOf.get(a.id);
    if (run === undefined) return pageFile(out, a);
    return runs[run]!.promise.then((written) => {
      if (!written) throw new Error('the build failed before its article pages were written');
      return pageFile(tmp, a);
    });
  };
  let indexing: Promise<void> | null = null;
  try {
    await mkdir(tmp, { recursive: true });
    indexing = indexShards(tmp, reindex, page, inPlace ? path.join(out, SEARCH_FOLDER) : undefined);
    // Handled here so that a failure waits for the `await` below instead of ending the process.
    indexing.catch(() => undefined);
    let rendered = 0;
    const siteWideFiles = await siteWideTemplates();
    const search = searchBundles(archive, options.shardSize);
    for (const [i, chunk] of chunks.entries()) {
      const eleventy = new Eleventy('templates', tmp, {
        configPath,
        quietMode: true,
        config: (config) => {
          config.addGlobalData('archive', archive);
          // The articles and entities whose pages the templates paginate over.
          config.addGlobalData('render', chunk);
          config.addGlobalData('search', search);
          // https://www.11ty.dev/docs/ignores/#configuration-api
          const ignores = (config as unknown as { ignores: Set<string> }).ignores;
          if (i > 0) for (const t of siteWideFiles) ignores.add(t);
          else for (const p of keptSiteWide) ignores.add(`templates/${p.template}`);
        },
      });
      rendered += countPages(await eleventy.write());
      mark(`eleventy run ${i + 1}`);
      // What the run rendered is garbage now; V8 would let it pile up over the next runs before a full
      // collection (4,000 articles: 1.5 GB at the peak instead of 0.9).
      if (chunks.length > 1) collectGarbage();
      runs[i]!.resolve(true);
    }
    await writeEntityFeeds(archive, [...render.people, ...render.organizations], tmp);
    await mkdir(path.join(tmp, 'data'), { recursive: true });
    await writeFile(path.join(tmp, 'data', 'archive.json'), `${JSON.stringify(archiveJson(archive), null, 2)}\n`);
    await writeDownloads(archive, tmp);
    mark('feeds and downloads');
    await indexing;
    mark('search index (waited)');
    if (inPlace) {
      // What the previous build had and this one has not: the pages of removed entities. (The site-wide
      // files and the search shards are the same in every build by the same code of as many articles:
      // the global fingerprint holds the article count.)
      const keys = new Set(plans.map((p) => p.key));
      const stale = Object.keys(previous.pages).filter((k) => !keys.has(k)).flatMap(pageFiles);
      await moveInto(tmp, out, stale);
    }
    else await swap(tmp, out);
    mark('put in place');
    return { pages: rendered + reuse.length + keptSiteWide.length, rendered, fingerprints };
  } catch (e) {
    // Pagefind may still be writing into the folder; and it must not wait for pages that will never be written.
    for (const run of runs) run.resolve(false);
    await (indexing as Promise<void> | null)?.catch(() => undefined);
    await rm(tmp, { recursive: true, force: true });
    throw e;
  } finally {
    await unregister?.();
    process.chdir(cwd);
  }
}

/** Put the folder `tmp` in the place of `out`, whole. */
async function swap(tmp: string, out: string): Promise<void> {
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
}

/**
 * Move what the build wrote into `tmp` into the site `out`: every file of `tmp` replaces its namesake
 * (search shards, folders of their own, replaced whole); then the `stale` files go, and the folders
 * that leaves empty.
 */
async function moveInto(tmp: string, out: string, stale: readonly string[]): Promise<void> {
  const search = path.join(tmp, SEARCH_FOLDER);
  const written = (await readdir(tmp, { recursive: true, withFileTypes: true }))
    .filter((d) => d.isFile())
    .map((d) => path.relative(tmp, path.join(d.parentPath, d.name)))
    .filter((f) => !f.startsWith(`${SEARCH_FOLDER}${path.sep}`));
  await makeFolders(out, written);
  await inBatches(written, (f) => rename(path.join(tmp, f), path.join(out, f)));
  // Each new shard replaces the old one: renames, then the old one is removed.
  const trash = `${out}.old-${process.pid}`;
  await mkdir(trash, { recursive: true });
  for (const key of existsSync(search) ? await readdir(search) : []) {
    const at = path.join(out, SEARCH_FOLDER, key);
    await mkdir(path.dirname(at), { recursive: true });
    await rename(at, path.join(trash, key)).catch(() => undefined);
    await rename(path.join(search, key), at);
  }
  await inBatches(stale, (f) => rm(path.join(out, f), { recursive: true, force: true }));
  // Folders emptied by that (an entity's folder), deepest first; a folder still in use refuses.
  const dirs = [...new Set(stale.map((f) => path.dirname(f)))].filter((d) => d !== '.').sort((a, b) => b.length - a.length);
  for (const d of dirs) await rmdir(path.join(out, d)).catch(() => undefined);
  await rm(trash, { recursive: true, force: true });
  await rm(tmp, { recursive: true, force: true });
}

function countPages(written: unknown): number {
  if (Array.isArray(written)) return written.flat(2).filter((x) => x && typeof x === 'object' && 'outputPath' in x).length;
  return 0;
}

/** The feeds of each of `entities` (src/site/feeds.ts), beside its page in the site folder `dir`. */
export async function writeEntityFeeds(archive: Archive, entities: readonly (Person | Organization)[], dir: string): Promise<void> {
  const site = JSON.parse(await readFile(path.join(TEMPLATES, '_data', 'site.json'), 'utf8')) as FeedSite;
  await inBatches(entities, async (e) => {
    const { atom, json } = entityFeeds(archive, e, site);
    await mkdir(path.join(dir, e.url), { recursive: true });
    await Promise.all([writeFile(path.join(dir, e.url, 'feed.xml'), atom), writeFile(path.join(dir, e.url, 'feed.json'), json)]);
  });
}

/**
 * A full garbage collection. Node offers `gc()` only under `--expose-gc`; setting the flag at run
 * time and taking the function from a new context is the documented way to reach it from code.
 * https://nodejs.org/api/v8.html#v8setflagsfromstringflags
 */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Articles and entities rendered by one Eleventy run at most: about 2 files each, a few hundred MB of pages held at once. */
const CHUNK = 2500;

/** `lists` cut into consecutive pieces of at most `size` items in all (at least one piece, maybe empty). */
export function chunkLists(lists: RenderLists, size: number): RenderLists[] {
  const all = [
    ...lists.articles.map((x) => ['articles', x] as const),
    ...lists.people.map((x) => ['people', x] as const),
    ...lists.organizations.map((x) => ['organizations', x] as const),
    ...lists.places.map((x) => ['places', x] as const),
  ];
  const chunks: RenderLists[] = [];
  for (let i = 0; i === 0 || i < all.length; i += size) {
    const piece = all.slice(i, i + size);
    const of = <K extends keyof RenderLists>(key: K): RenderLists[K] => piece.filter(([k]) => k === key).map(([, x]) => x) as unknown as RenderLists[K];
    chunks.push({ articles: of('articles'), people: of('people'), organizations: of('organizations'), places: of('places') });
  }
  return chunks;
}
