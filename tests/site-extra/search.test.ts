/**
 * Search: the real archive is built and indexed by Pagefind, the site is served on 127.0.0.1, and
 * the index is queried from Node through the site's own `pagefind/0/pagefind.js` (the same module the
 * search page loads; without a Worker it searches on the main thread).
 */
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseHtml } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRealSite, serveStatic, type BuiltSite, type StaticServer } from '../helpers/site.ts';

/** The part of Pagefind's browser API these tests use. */
interface Pagefind {
  options(options: { basePath: string; baseUrl?: string }): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, string | string[]> }): Promise<{ results: { data(): Promise<{ url: string; meta: { title: string }; filters: Record<string, string[]> }> }[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

let site: BuiltSite;
let server: StaticServer;
let pagefind: Pagefind;

beforeAll(async () => {
  site = await buildRealSite();
  server = await serveStatic(site.dir, '/');
  // The built site has no package.json saying its .js files are modules: give Node a copy named .mjs.
  const module = path.join(path.dirname(site.dir), 'pagefind.mjs');
  await copyFile(path.join(site.dir, 'pagefind', '0', 'pagefind.js'), module);
  pagefind = (await import(/* @vite-ignore */ pathToFileURL(module).href)) as Pagefind;
  await pagefind.options({ basePath: `${server.url}pagefind/0/`, baseUrl: '/' });
});
afterAll(async () => {
  await server?.close();
  await site?.cleanup();
});

/** The site paths of the results of a search. */
async function search(term: string | null, filters?: Record<string, string>): Promise<string[]> {
  const { results } = await pagefind.search(term, filters ? { filters } : {});
  return (await Promise.all(results.map((r) => r.data()))).map((d) => d.url.replace(/^\//, '')).sort();
}

describe('search index', () => {
  it('should index the article pages and nothing else', async () => {
    const entry = JSON.parse(await readFile(path.join(site.dir, 'pagefind', '0', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const pages = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    expect(pages).toBe(site.archive.articles.length);
    expect(await search(null)).toEqual(site.archive.articles.map((a) => `${a.url}index.html`).sort());
  });

  it('should find the Alliance article when searching for "Vanhemelryck"', async () => {
    const alliance = site.archive.articles.find((a) => a.headline.includes('Alliance'))!;
    expect(await search('Vanhemelryck')).toEqual([`${alliance.url}index.html`]);
  });

  it('should filter by organization: "Unsa Police" finds every article that names it', async () => {
    const unsa = site.archive.organizations.find((o) => o.name === 'Unsa Police')!;
    const expected = site.archive.articles.filter((a) => a.organizations.includes(unsa.id)).map((a) => `${a.url}index.html`).sort();
    expect(expected.length).toBe(2);
    expect(await search(null, { organization: 'Unsa Police' })).toEqual(expected);
  });

  it('should offer person, organization and year filters built from the articles’ entities', async () => {
    const filters = await pagefind.filters();
    expect(Object.keys(filters).sort()).toEqual(['organization', 'person', 'year']);
    expect(Object.keys(filters['person']!).sort()).toEqual([...new Set(site.archive.articles.flatMap((a) => a.people))].map((id) => site.archive.people.find((p) => p.id === id)!.name).sort());
    const years = site.archive.articles.flatMap((a) => (a.date ? [a.date.iso.slice(0, 4)] : []));
    expect(Object.keys(filters['year']!).sort()).toEqual([...new Set(years)].sort());
  });
});

describe('search page', () => {
  it('should show the A–Z indexes until JavaScript starts the search', async () => {
    const doc = parseHtml(await readFile(path.join(site.dir, 'search', 'index.html'), 'utf8'));
    expect(doc.querySelector('#search')?.hasAttribute('hidden')).toBe(true);
    const fallback = doc.querySelectorAll('#search-fallback a').map((a) => a.getAttribute('href'));
    expect(fallback).toEqual(expect.arrayContaining(['../people/index.html', '../organizations/index.html', '../places/index.html', '../articles/index.html']));
    expect(doc.querySelector('[aria-live=polite]')).not.toBeNull();
    expect(doc.querySelectorAll('script:not([type="application/ld+json"])').every((s) => s.getAttribute('src') && s.textContent.trim() === '')).toBe(true);
  });

  it('should allow WebAssembly on the search page only', async () => {
    const csp = async (file: string): Promise<string> =>
      parseHtml(await readFile(path.join(site.dir, file), 'utf8')).querySelector('meta[http-equiv=Content-Security-Policy]')?.getAttribute('content') ?? '';
    expect(await csp('search/index.html')).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(await csp('index.html')).toContain("script-src 'self';");
  });
});
