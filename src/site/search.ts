import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { Archive, Article } from '../model.ts';
import { inBatches, makeFolders } from './files.ts';

/** The folder, inside the site, that holds the search index and Pagefind's UI. */
export const SEARCH_FOLDER = 'pagefind';

/**
 * Articles per search shard, about. Pagefind cannot update an index: every change re-indexes all
 * it holds. So the articles are dealt into shards, each a Pagefind index of its own in
 * `pagefind/<n>/`, which the search page merges (https://pagefind.app/docs/multisite/); an edit
 * re-indexes one shard, not the archive. 4,000 articles: one shard of 500 takes 0.6 s, the whole
 * archive in one index 3–5 s, and eight shards at once 3.5 s (Pagefind indexes them in parallel).
 * With shards of 250 instead of 500, an edit waits 0.03–0.05 s for its shard after the feeds
 * instead of 0.2–0.27 s (the whole edit: 2.25 → 1.97 s); in Chromium a search of the 16 shards
 * takes as long as one of 8 (0.82 s from typing to results, the UI's debounce included), and the
 * search page makes 89 requests where it made 49. Shards of 125 gained another 0.07 s, for 32.
 */
export const SHARD_SIZE = 250;

/** One search index: the articles it holds and a fingerprint of their pages. */
export interface SearchShard {
  /** Its folder in `pagefind/`: `0`, `1`, … */
  readonly key: string;
  /** Its articles, in archive order. */
  readonly articles: readonly Article[];
  /** Changes when a page it indexes changes, or its articles do. */
  readonly fingerprint: string;
}

/** The number of shards for `articles` articles. */
export const shardCount = (articles: number, size = SHARD_SIZE): number => Math.max(1, Math.ceil(articles / size));

/**
 * Deal the articles of `archive` into shards: by a hash of each id, so that an article stays in its
 * shard while the archive grows (until the number of shards changes). `pageFingerprint` gives the
 * fingerprint of an article's page (`src/site/pages.ts`); `global`, of what every page depends on.
 */
export function searchShards(archive: Archive, pageFingerprint: (a: Article) => string, global: string, size = SHARD_SIZE): SearchShard[] {
  const count = shardCount(archive.articles.length, size);
  const members: Article[][] = Array.from({ length: count }, () => []);
  for (const a of archive.articles) members[shardOf(a.id, count)]!.push(a);
  return members.map((articles, i) => ({
    key: shardKey(i),
    articles,
    fingerprint: createHash('sha1').update(JSON.stringify([global, count, articles.map((a) => [a.id, pageFingerprint(a)])])).digest('base64url'),
  }));
}

/** The key (and folder name in `pagefind/`) of the `i`-th shard; the search page loads the first and merges the others. */
const shardKey = (i: number): string => String(i);

function shardOf(id: string, count: number): number {
  return count === 1 ? 0 : createHash('sha1').update(id).digest().readUInt32BE(0) % count;
}

/** The bundles the search page loads, as paths in the site: the first one, then those it merges. */
export function searchBundles(archive: Archive, size = SHARD_SIZE): { primary: string; merge: string[] } {
  const keys = Array.from({ length: shardCount(archive.articles.length, size) }, (_, i) => `${SEARCH_FOLDER}/${shardKey(i)}/`);
  return { primary: keys[0]!, merge: keys.slice(1) };
}

/**
 * Index each of `shards` into `siteDir/pagefind/<key>/`, from the article pages that `page` gives: the
 * HTML, or a promise of it for a page not yet written.
 *
 * Only the article pages are indexed (`data-pagefind-body` is on them alone); their filters (person,
 * organization, year) and sort key (date) come from `<meta>` tags the head include writes. Each page
 * goes to Pagefind's process as soon as `page` gives it, in the shard's order: Pagefind numbers pages
 * in the order it gets them, so the same order makes the same index, byte for byte, whichever pages
 * came early (an edit: the unchanged ones, while Eleventy renders the others). Throws when Pagefind
 * reports an error, so that a site without a working search is never put in place. `previousDir` is the
 * `pagefind/` folder of the site being updated, if any: a shard's files that did not change are linked from there.
 */
export async function indexShards(siteDir: string, shards: readonly SearchShard[], page: (a: Article) => string | Promise<string>, previousDir?: string): Promise<void> {
  if (shards.length === 0) return;
  const sent = new InFlight();
  try {
    await Promise.all(shards.map((s) => indexShard(siteDir, s, page, sent, previousDir && path.join(previousDir, s.key))));
  } finally {
    // The Pagefind binary runs as a child process; close it so that a build does not keep Node alive.
    await pagefind.close();
  }
}

async function indexShard(siteDir: string, shard: SearchShard, page: (a: Article) => string | Promise<string>, sent: InFlight, previous: string | undefined): Promise<void> {
  const { index, errors } = await pagefind.createIndex({
    // Result links end in index.html like every other link, so that they work from any folder.
    keepIndexUrl: true,
    // Paragraph numbers are anchors, not words of the article.
    excludeSelectors: ['.pn'],
  });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  // Sent one after the other without waiting for Pagefind, which takes them in the order sent.
  const added: Promise<{ errors: string[] }>[] = [];
  for (const a of shard.articles) {
    const got = page(a);
    const html = typeof got === 'string' ? got : await got;
    await sent.room();
    added.push(sent.add(index.addHTMLFile({ sourcePath: `${a.url}index.html`, content: html }), html.length));
  }
  const problems = [...errors, ...(await Promise.all(added)).flatMap((r) => r.errors)];
  const outputPath = path.resolve(siteDir, SEARCH_FOLDER, shard.key);
  const got = await index.getFiles();
  problems.push(...got.errors);
  if (problems.length) throw new Error(`pagefind: ${problems.join('; ')}`);
  // The search page loads Pagefind's UI from the first shard; the others are merged into it and need only their index.
  const files = shard.key === PRIMARY_KEY ? got.files : got.files.filter((f) => !UI_FILES.has(f.path));
  // A shard the site already has (an edit) differs from the new one in a few files: the new shard keeps the
  // others by hard links, and only those few are written.
  await writeShard(files, outputPath, previous && existsSync(previous) ? previous : undefined);
}

/** The shard whose bundle the search page loads first (`searchBundles`). */
const PRIMARY_KEY = shardKey(0);

/**
 * Files of a Pagefind bundle that only its UI uses: the search page takes them from the first shard's
 * bundle, and a merged index never loads them (it loads `pagefind.js`, its worker, WebAssembly, entry,
 * metadata and chunks). 430 KB a shard.
 */
const UI_FILES = new Set([
  'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css',
  'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js',
]);

/**
 * The pages sent to Pagefind and not yet indexed. Pagefind takes one message at a time, and what waits
 * is held by this process: a build from scratch would hold every article page at once (4,000: 40 MB of
 * HTML, twice that as messages). Up to `MAX_IN_FLIGHT` characters, a page is sent at once.
 */
class InFlight {
  private chars = 0;
  private readonly pending = new Set<Promise<void>>();

  /** Settles when a page can be sent. */
  async room(): Promise<void> {
    while (this.chars > MAX_IN_FLIGHT && this.pending.size > 0) await Promise.race(this.pending);
  }

  /** Count `chars` characters in flight until `sending` settles. */
  add<T>(sending: Promise<T>, chars: number): Promise<T> {
    this.chars += chars;
    // Settles, never rejects: the caller meets a failure through `sending`.
    const done: Promise<void> = sending.then(
      () => undefined,
      () => undefined,
    ).then(() => {
      this.chars -= chars;
      this.pending.delete(done);
    });
    this.pending.add(done);
    return sending;
  }
}

/** Characters of HTML sent to Pagefind and not yet indexed, at most (about one shard's pages). */
const MAX_IN_FLIGHT = 2_000_000;

/**
 * Write the index `files` into `outputPath`. With a `previous` shard, a file whose bytes the same file of
 * the previous shard has is a hard link to it, and only the others are written.
 */
async function writeShard(files: readonly { path: string; content: Uint8Array }[], outputPath: string, previous: string | undefined): Promise<void> {
  await makeFolders(outputPath, files.map((f) => f.path));
  await inBatches(files, async (f) => {
    const target = path.join(outputPath, f.path);
    if (previous !== undefined) {
      const old = path.join(previous, f.path);
      const same = await readFile(old).then((b) => Buffer.compare(b, f.content) === 0, () => false);
      // Across file systems a link fails: write the file then.
      if (same && (await link(old, target).then(() => true, () => false))) return;
    }
    await writeFile(target, f.content);
  });
}
