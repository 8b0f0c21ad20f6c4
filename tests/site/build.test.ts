/**
 * The built site as files: every page's links, anchors and reachability, checked without a browser
 * on the real archive (the repository's content/), built once into a temp folder.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRealSite, listFiles, readArchiveJson, serveStatic, type ArchiveJson, type BuiltSite } from '../helpers/site.ts';

/** One reference from a page: the attribute it came from and its value. */
interface Ref {
  readonly page: string;
  readonly tag: string;
  readonly attr: 'href' | 'src';
  readonly value: string;
  /** True for `<a href>`: a link a reader follows. */
  readonly navigational: boolean;
}

/** A reference inside the site, resolved against its page. */
interface Resolved {
  readonly ref: Ref;
  /** Target file relative to the site folder, `/`-separated. */
  readonly file: string;
  /** Decoded fragment without `#`, or null. */
  readonly fragment: string | null;
}

let site: BuiltSite;
let json: ArchiveJson;
/** Site-relative path of every page → its parsed document. */
const pages = new Map<string, HTMLElement>();
/** Site-relative path of every page → the ids in it (with repeats). */
const ids = new Map<string, string[]>();
const refs: Ref[] = [];

beforeAll(async () => {
  site = await buildRealSite();
  json = await readArchiveJson(site.dir);
  for (const file of await listFiles(site.dir, '.html')) {
    const doc = parse(await readFile(path.join(site.dir, file), 'utf8'));
    pages.set(file, doc);
    ids.set(file, doc.querySelectorAll('[id]').map((el) => el.getAttribute('id') ?? ''));
    for (const el of doc.querySelectorAll('[href], [src]')) {
      const tag = el.tagName.toLowerCase();
      for (const attr of ['href', 'src'] as const) {
        const value = el.getAttribute(attr);
        if (value !== undefined) refs.push({ page: file, tag, attr, value, navigational: tag === 'a' && attr === 'href' });
      }
    }
  }
});

afterAll(async () => {
  await site?.cleanup();
});

/** True for a reference that leaves the site: it has a scheme (`https:`, `mailto:`) or is protocol-relative. */
function isExternal(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//');
}

function internalRefs(): Ref[] {
  return refs.filter((r) => !isExternal(r.value));
}

/** Resolve an internal reference against the page it is on. */
function resolve(ref: Ref): Resolved {
  const hash = ref.value.indexOf('#');
  const fragment = hash === -1 ? null : decodeURIComponent(ref.value.slice(hash + 1));
  const target = (hash === -1 ? ref.value : ref.value.slice(0, hash)).replace(/\?.*$/, '');
  const decoded = decodeURIComponent(target);
  // A root-relative target is kept as it is (absolute), so that it never counts as a file of the site.
  const file = decoded === '' ? ref.page : decoded.startsWith('/') ? decoded : path.posix.normalize(path.posix.join(path.posix.dirname(ref.page), decoded));
  return { ref, file, fragment };
}

function describeRef(r: Ref): string {
  return `${r.page}: <${r.tag} ${r.attr}="${r.value}">`;
}

function isFile(siteRelative: string): boolean {
  if (siteRelative.startsWith('../') || path.posix.isAbsolute(siteRelative)) return false;
  const abs = path.join(site.dir, siteRelative);
  return existsSync(abs) && statSync(abs).isFile();
}

/** Whitespace collapsed and Unicode normalized, for comparing rendered text with source text. */
function norm(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

describe('the built site', () => {
  it('should write the home page, every index page, the stylesheet and data/archive.json', () => {
    for (const file of [
      'index.html',
      'articles/index.html',
      'people/index.html',
      'organizations/index.html',
      'places/index.html',
      'demands/index.html',
      'timeline/index.html',
      'assets/style.css',
      'data/archive.json',
    ]) {
      expect(isFile(file), `${file} is missing from the built site`).toBe(true);
    }
  });

  it('should find links to crawl on every page', () => {
    expect(pages.size).toBeGreaterThan(10);
    const pagesWithoutLinks = [...pages.keys()].filter((p) => !refs.some((r) => r.page === p && r.navigational));
    expect(pagesWithoutLinks).toEqual([]);
  });

  it('should use only relative internal links, never root-relative ones', () => {
    const rooted = internalRefs().filter((r) => r.value.startsWith('/'));
    expect(rooted.map(describeRef)).toEqual([]);
  });

  it('should resolve every internal link to an existing file relative to its page', () => {
    const broken = internalRefs()
      .map(resolve)
      .filter((r) => !isFile(r.file))
      .map((r) => `${describeRef(r.ref)} → ${r.file} does not exist`);
    expect(broken).toEqual([]);
  });

  it('should end every internal page link in index.html so that the site works from file://', () => {
    const bad = internalRefs()
      .filter((r) => r.navigational && !r.value.startsWith('#'))
      .filter((r) => {
        const target = r.value.replace(/[?#].*$/, '');
        return !target.endsWith('index.html') && !/\.[a-z0-9]+$/i.test(target);
      })
      .map(describeRef);
    expect(bad).toEqual([]);
  });

  it('should point every #anchor at an id that exists in the target page', () => {
    const missing = internalRefs()
      .map(resolve)
      .filter((r) => r.fragment !== null && r.fragment !== '' && isFile(r.file) && r.file.endsWith('.html'))
      .filter((r) => !(ids.get(r.file) ?? []).includes(r.fragment!))
      .map((r) => `${describeRef(r.ref)} → no id="${r.fragment}" in ${r.file}`);
    expect(missing).toEqual([]);
  });

  it('should give no two elements on a page the same id', () => {
    const dupes: string[] = [];
    for (const [page, list] of ids) {
      const seen = new Set<string>();
      for (const id of list) {
        if (seen.has(id)) dupes.push(`${page}: id="${id}"`);
        seen.add(id);
      }
    }
    expect([...new Set(dupes)]).toEqual([]);
  });

  it('should make every page reachable from index.html by following links', () => {
    const byPage = new Map<string, string[]>();
    for (const r of internalRefs().filter((x) => x.navigational).map(resolve)) {
      if (!r.file.endsWith('.html') || !isFile(r.file)) continue;
      const list = byPage.get(r.ref.page) ?? [];
      list.push(r.file);
      byPage.set(r.ref.page, list);
    }
    const seen = new Set(['index.html']);
    const queue = ['index.html'];
    for (let page = queue.shift(); page !== undefined; page = queue.shift()) {
      for (const next of byPage.get(page) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    // The 404 page is what a server shows for a missing path: nothing links to it.
    const unreachable = [...pages.keys()].filter((p) => !seen.has(p) && p !== '404.html');
    expect(unreachable).toEqual([]);
  });

  it('should put the navigation bar, linking home and to every index page, on every page', () => {
    const sections = ['articles', 'people', 'organizations', 'places', 'demands', 'timeline'];
    const problems: string[] = [];
    for (const [page, doc] of pages) {
      const nav = doc.querySelector('nav');
      if (!nav) {
        problems.push(`${page}: no <nav>`);
        continue;
      }
      const targets = new Set(
        doc
          .querySelectorAll('header a[href], nav a[href]')
          .map((a) => resolve({ page, tag: 'a', attr: 'href', value: a.getAttribute('href') ?? '', navigational: true }).file),
      );
      for (const want of ['index.html', ...sections.map((s) => `${s}/index.html`)]) {
        if (!targets.has(want)) problems.push(`${page}: the header has no link to ${want}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('data/archive.json', () => {
  it('should list articles, people, organizations and places', () => {
    expect(json.articles.length).toBeGreaterThan(0);
    expect(json.people.length).toBeGreaterThan(0);
    expect(json.organizations.length).toBeGreaterThan(0);
    expect(json.places.length).toBeGreaterThan(0);
  });

  it('should give every article and entity a page at its url + index.html', () => {
    const all = [...json.articles, ...json.people, ...json.organizations, ...json.places];
    const problems = all.flatMap((e) => {
      if (e.url.startsWith('/') || isExternal(e.url) || !e.url.endsWith('/')) return [`${e.id}: url "${e.url}" is not a relative folder path`];
      return isFile(`${e.url}index.html`) ? [] : [`${e.id}: ${e.url}index.html does not exist`];
    });
    expect(problems).toEqual([]);
  });

  it('should show each article’s headline and each entity’s name as the h1 of its page', () => {
    const all = [
      ...json.articles.map((a) => ({ url: a.url, title: a.headline })),
      ...[...json.people, ...json.organizations, ...json.places].map((e) => ({ url: e.url, title: e.name })),
    ];
    const problems = all.flatMap(({ url, title }) => {
      const h1 = pages.get(`${url}index.html`)?.querySelector('h1');
      return h1 && norm(h1.text) === norm(title) ? [] : [`${url}index.html: h1 is "${h1 ? norm(h1.text) : '(none)'}", want "${title}"`];
    });
    expect(problems).toEqual([]);
  });

  it('should only refer to entities and articles that are in it', () => {
    const known = new Set([...json.people, ...json.organizations, ...json.places].map((e) => e.id));
    const articles = new Set(json.articles.map((a) => a.id));
    const problems: string[] = [];
    for (const a of json.articles) {
      for (const id of [...a.people, ...a.organizations, ...a.places, ...a.demands.flatMap((d) => d.by)]) {
        if (!known.has(id)) problems.push(`article ${a.id} names unknown entity ${id}`);
      }
    }
    for (const e of [...json.people, ...json.organizations, ...json.places]) {
      for (const id of e.articles) if (!articles.has(id)) problems.push(`${e.id} lists unknown article ${id}`);
    }
    for (const p of json.people) {
      for (const r of p.roles) if (r.organization && !known.has(r.organization)) problems.push(`${p.id}: role "${r.title}" at unknown ${r.organization}`);
    }
    expect(problems).toEqual([]);
  });

  it('should link each entity page from the pages of the articles it lists', () => {
    const problems: string[] = [];
    for (const e of [...json.people, ...json.organizations, ...json.places]) {
      for (const id of e.articles) {
        const article = json.articles.find((a) => a.id === id);
        if (!article) continue;
        const page = `${article.url}index.html`;
        const links = internalRefs()
          .filter((r) => r.page === page && r.navigational)
          .map((r) => resolve(r).file);
        if (!links.includes(`${e.url}index.html`)) problems.push(`${page} does not link ${e.url}index.html`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('article pages', () => {
  it('should show every paragraph of every article under its #pN anchor', () => {
    const problems: string[] = [];
    expect(site.archive.articles.length).toBe(json.articles.length);
    for (const article of site.archive.articles) {
      const page = `${article.url}index.html`;
      const doc = pages.get(page);
      if (!doc) {
        problems.push(`${page} does not exist`);
        continue;
      }
      expect(article.blocks.length, `${article.id} has no body blocks`).toBeGreaterThan(0);
      for (const block of article.blocks) {
        const el = doc.getElementById(`p${block.n}`);
        if (!el) problems.push(`${page}: no element with id="p${block.n}" for "${block.text.slice(0, 60)}"`);
        else if (!norm(el.text).includes(norm(block.text))) problems.push(`${page}#p${block.n}: shows "${norm(el.text).slice(0, 80)}", want "${norm(block.text).slice(0, 80)}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('should show the paragraphs in their order in the source', () => {
    const problems: string[] = [];
    for (const article of site.archive.articles) {
      const page = `${article.url}index.html`;
      const order = (ids.get(page) ?? []).filter((id) => /^p\d+$/.test(id)).map((id) => Number(id.slice(1)));
      const want = article.blocks.map((b) => b.n);
      if (JSON.stringify(order) !== JSON.stringify(want)) problems.push(`${page}: paragraph anchors ${order.join(',')}, want ${want.join(',')}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('the static test server', () => {
  it('should serve the site under a prefix, index.html for folders and 404 for anything missing', async () => {
    const server = await serveStatic(site.dir, '/archive/');
    try {
      const get = async (p: string): Promise<[number, string]> => {
        const res = await fetch(new URL(p, server.url));
        return [res.status, await res.text()];
      };
      const home = await readFile(path.join(site.dir, 'index.html'), 'utf8');
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/archive\/$/);
      expect(await get('')).toEqual([200, home]);
      expect(await get('index.html')).toEqual([200, home]);
      expect((await get('people/'))[0]).toBe(200);
      expect((await get('assets/style.css'))[0]).toBe(200);
      expect((await get('no-such-page/index.html'))[0]).toBe(404);
      expect((await get('/index.html'))[0]).toBe(404);
      expect((await get('%2e%2e/%2e%2e/etc/passwd'))[0]).toBe(404);
    } finally {
      await server.close();
    }
  });
});
