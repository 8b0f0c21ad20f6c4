/**
 * The search index dealt into shards (src/site/search.ts): which article goes where, when a shard must be
 * indexed again, and that an index depends on the order of its pages, not on when each was ready.
 */
import { describe, expect, it } from 'vitest';
import type { Archive, Article } from '../../src/model.ts';
import { indexShards, searchBundles, searchShards, shardCount, type SearchShard } from '../../src/site/search.ts';
import { fingerprint, removeDir, tempDir } from '../robust/helpers.ts';

const article = (id: string): Article => ({ id, url: `articles/${id}/` }) as unknown as Article;
const archiveOf = (n: number): Archive => ({ articles: Array.from({ length: n }, (_, i) => article(`a${i}`)) }) as unknown as Archive;
const fp = (a: Article): string => `page of ${a.id}`;
const where = (archive: Archive, size: number): Map<string, string> =>
  new Map(searchShards(archive, fp, 'g', size).flatMap((s) => s.articles.map((a) => [a.id, s.key] as const)));

describe('search shards', () => {
  it('should make one shard per so many articles, and at least one', () => {
    expect(shardCount(0, 500)).toBe(1);
    expect(shardCount(500, 500)).toBe(1);
    expect(shardCount(501, 500)).toBe(2);
    expect(shardCount(4000, 500)).toBe(8);
  });

  it('should put every article in exactly one shard, the shards about even', () => {
    const shards = searchShards(archiveOf(4000), fp, 'g', 500);
    expect(shards.map((s) => s.key)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);
    expect(shards.reduce((n, s) => n + s.articles.length, 0)).toBe(4000);
    expect(new Set(shards.flatMap((s) => s.articles.map((a) => a.id))).size).toBe(4000);
    for (const s of shards) expect(s.articles.length).toBeGreaterThan(400);
    for (const s of shards) expect(s.articles.length).toBeLessThan(600);
  });

  it('should keep an article in its shard when others are added, while the number of shards stays', () => {
    const before = where(archiveOf(3100), 500);
    const after = where(archiveOf(3500), 500);
    for (const [id, key] of before) expect(after.get(id)).toBe(key);
  });

  it('should change the fingerprint of the one shard whose page changed', () => {
    const archive = archiveOf(2000);
    const before = searchShards(archive, fp, 'g', 500);
    const edited = archive.articles[123]!;
    const after = searchShards(archive, (a) => (a === edited ? 'edited' : fp(a)), 'g', 500);
    const changed = after.filter((s, i) => s.fingerprint !== before[i]!.fingerprint).map((s) => s.key);
    expect(changed).toEqual([where(archive, 500).get(edited.id)]);
    // What every page depends on changes every shard.
    const global = searchShards(archive, fp, 'other', 500);
    expect(global.every((s, i) => s.fingerprint !== before[i]!.fingerprint)).toBe(true);
  });

  it('should have the search page load the first shard and merge the others', () => {
    expect(searchBundles(archiveOf(3), 500)).toEqual({ primary: 'pagefind/0/', merge: [] });
    expect(searchBundles(archiveOf(1200), 500)).toEqual({ primary: 'pagefind/0/', merge: ['pagefind/1/', 'pagefind/2/'] });
  });
});

describe('indexing a shard', () => {
  const articles = ['ant', 'bee', 'cat', 'dog', 'eel', 'fox'].map(article);
  const html = (a: Article): string =>
    `<!doctype html><html lang="en"><head><title>${a.id}</title></head><body><main data-pagefind-body><h1>The ${a.id}</h1><p>A page about the ${a.id} and its ${a.id.split('').reverse().join('')}.</p></main></body></html>`;
  /** The files of the shard made from `shard`'s pages, as `page` gives them. */
  async function indexed(shard: SearchShard, page: (a: Article) => string | Promise<string>): Promise<Map<string, string>> {
    const dir = await tempDir('shard');
    try {
      await indexShards(dir, [shard], page);
      return await fingerprint(dir);
    } finally {
      await removeDir(dir);
    }
  }
  const shard = (list: Article[]): SearchShard => ({ key: '0', articles: list, fingerprint: 'f' });

  it('should make the same index whether a page was ready at once or came later, given the same order', async () => {
    const atOnce = await indexed(shard(articles), html);
    // Two pages come only once the others were sent, as the pages Eleventy renders after an edit do.
    let release!: () => void;
    const later = new Promise<void>((resolve) => (release = resolve));
    const waited: string[] = [];
    const mixed = indexed(shard(articles), (a) => {
      if (a.id !== 'bee' && a.id !== 'eel') return html(a);
      waited.push(a.id);
      release();
      return later.then(() => html(a));
    });
    expect((await mixed).size).toBeGreaterThan(3);
    expect(waited).toEqual(['bee', 'eel']);
    expect(await mixed).toEqual(atOnce);
    // The order of the pages does make another index: the test would see a page out of its place.
    expect(await indexed(shard([...articles].reverse()), html)).not.toEqual(atOnce);
  }, 30_000);

  it("should give Pagefind's UI to the first shard only, and every shard the index a merged one loads", async () => {
    const dir = await tempDir('shards');
    try {
      await indexShards(dir, [{ key: '0', articles: articles.slice(0, 3), fingerprint: 'f' }, { key: '1', articles: articles.slice(3), fingerprint: 'f' }], html);
      const files = [...(await fingerprint(dir)).keys()];
      const top = (key: string): string[] => files.filter((f) => f.startsWith(`pagefind/${key}/`) && !f.slice(11).includes('/')).map((f) => f.slice(11)).sort();
      expect(top('0')).toEqual(expect.arrayContaining(['pagefind-ui.js', 'pagefind-ui.css', 'pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json']));
      expect(top('1').filter((f) => !/^(?:pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|pagefind\.\w+\.pf_meta|wasm\.\w+\.pagefind)$/.test(f))).toEqual([]);
      expect(top('1')).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json']));
      expect(files.some((f) => f.startsWith('pagefind/1/fragment/'))).toBe(true);
    } finally {
      await removeDir(dir);
    }
  }, 30_000);
});
