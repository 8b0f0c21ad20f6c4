/**
 * What the built site offers besides its pages, checked on the real archive built once into a temp
 * folder: the feeds, the sitemap, robots.txt and 404.html, JSON-LD on every page, and the downloads
 * (archive.json against its schema, the CSV files).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseHtml } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, buildRealSite, listFiles, type BuiltSite } from '../helpers/site.ts';
import type { Archive, Entity } from '../../src/model.ts';

let site: BuiltSite;
let archive: Archive;

beforeAll(async () => {
  site = await buildRealSite();
  archive = site.archive;
});
afterAll(async () => {
  await site?.cleanup();
});

const read = (file: string): Promise<string> => readFile(path.join(site.dir, file), 'utf8');

/** A link as written in `file`, resolved to a path relative to the site root (`articles/x/index.html`). */
function resolve(file: string, href: string): string {
  const url = new URL(href, new URL(file, 'http://site.invalid/'));
  return decodeURIComponent(url.pathname).slice(1);
}

/** The page file of an entity or article path (`people/x/` → `people/x/index.html`). */
const pageFile = (url: string): string => `${url}index.html`;

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'category', 'url'].includes(name) });

interface AtomEntry { readonly title: string; readonly id: string; readonly link: readonly { '@href': string }[] }
interface JsonFeed { readonly version: string; readonly title: string; readonly items: readonly { id: string; url: string; title: string; content_html?: string; content_text?: string }[] }

/** The article pages a feed's entries link to, relative to the site root. */
async function atomArticles(file: string): Promise<string[]> {
  const text = await read(file);
  expect(XMLValidator.validate(text)).toBe(true);
  const feed = xml.parse(text).feed as { entry?: AtomEntry[]; id: string };
  expect(feed.id).toMatch(/^(urn:|https?:)/);
  return (feed.entry ?? []).map((e) => resolve(file, e.link[0]!['@href']));
}

/** The site's feeds carry each article's body; a person's or organization's, its summary. */
async function jsonFeedArticles(file: string, content: 'content_html' | 'content_text' = 'content_html'): Promise<string[]> {
  const feed = JSON.parse(await read(file)) as JsonFeed;
  expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
  for (const item of feed.items) expect(item[content]?.length, `${file}: ${content}`).toBeGreaterThan(0);
  return feed.items.map((i) => resolve(file, i.url));
}

describe('feeds', () => {
  it('should list every article, newest first, in the site’s Atom and JSON feeds', async () => {
    const expected = archive.articles.map((a) => pageFile(a.url));
    expect(await atomArticles('feed.xml')).toEqual(expected);
    expect(await jsonFeedArticles('feed.json')).toEqual(expected);
  });

  it('should give every person and organization an Atom and a JSON feed of their articles', async () => {
    const entities: Entity[] = [...archive.people, ...archive.organizations];
    expect(entities.length).toBeGreaterThan(0);
    for (const entity of entities) {
      const expected = entity.articles.map((id) => pageFile(archive.articles.find((a) => a.id === id)!.url));
      expect(await atomArticles(`${entity.url}feed.xml`), entity.url).toEqual(expected);
      expect(await jsonFeedArticles(`${entity.url}feed.json`, 'content_text'), entity.url).toEqual(expected);
    }
  });

  it('should link each feed from the head of the pages it belongs to', async () => {
    const person = archive.people[0]!;
    const head = parseHtml(await read(pageFile(person.url))).querySelectorAll('link[rel=alternate]').map((l) => resolve(pageFile(person.url), l.getAttribute('href')!));
    expect(head).toEqual(expect.arrayContaining(['feed.xml', 'feed.json', `${person.url}feed.xml`, `${person.url}feed.json`]));
  });
});

describe('sitemap, robots.txt and 404.html', () => {
  it('should list every page in sitemap.xml, and nothing else', async () => {
    const text = await read('sitemap.xml');
    expect(XMLValidator.validate(text)).toBe(true);
    const urls = (xml.parse(text).urlset.url as { loc: string }[]).map((u) => resolve('sitemap.xml', u.loc));
    const pages = (await listFiles(site.dir, '.html')).filter((f) => f !== '404.html');
    expect([...urls].sort()).toEqual(pages);
  });

  it('should point robots.txt at the sitemap', async () => {
    const sitemap = /^Sitemap: (.+)$/m.exec(await read('robots.txt'))?.[1];
    expect(sitemap && resolve('robots.txt', sitemap)).toBe('sitemap.xml');
  });

  it('should have a 404 page that leads home and to search', async () => {
    const doc = parseHtml(await read('404.html'));
    expect(doc.querySelector('h1')?.text).toBe('Page not found');
    const links = doc.querySelectorAll('main a').map((a) => resolve('404.html', a.getAttribute('href')!));
    expect(links).toEqual(expect.arrayContaining(['index.html', 'search/index.html']));
  });
});

describe('structured data', () => {
  /** The JSON-LD of a page, parsed; fails unless there is exactly one block. */
  async function jsonLdOf(file: string): Promise<Record<string, unknown>> {
    const blocks = parseHtml(await read(file)).querySelectorAll('script[type="application/ld+json"]');
    expect(blocks, file).toHaveLength(1);
    return JSON.parse(blocks[0]!.textContent) as Record<string, unknown>;
  }
  type Ref = { '@type': string; '@id': string; name: string };

  it('should put one parsable JSON-LD block with a schema.org type on every page', async () => {
    for (const file of await listFiles(site.dir, '.html')) {
      const data = await jsonLdOf(file);
      expect(data['@context'], file).toBe('https://schema.org');
      expect(data['@type'], file).toEqual(expect.any(String));
    }
  });

  it('should describe an article as a NewsArticle that mentions its people and organizations by their page', async () => {
    for (const article of archive.articles) {
      const file = pageFile(article.url);
      const data = await jsonLdOf(file);
      expect(data).toMatchObject({ '@type': 'NewsArticle', headline: article.headline, datePublished: article.date?.iso });
      const mentioned = (data['mentions'] as Ref[]).map((m) => resolve(file, m['@id']));
      const expected = [...article.people.map((id) => `people/${id}/index.html`), ...article.organizations.map((id) => `organizations/${id}/index.html`)];
      expect(mentioned).toEqual(expect.arrayContaining(expected));
      for (const ref of (data['about'] as Ref[] | undefined) ?? []) expect(mentioned).toContain(resolve(file, ref['@id']));
      for (const m of mentioned) expect(existsSync(path.join(site.dir, m)), m).toBe(true);
    }
  });

  it('should give a person their roles as OrganizationRoles the organization’s page identifies', async () => {
    const person = archive.people.find((p) => p.roles.some((r) => r.organization));
    expect(person, 'a person with a role in an organization that has a page').toBeDefined();
    const file = pageFile(person!.url);
    const data = await jsonLdOf(file);
    expect(data).toMatchObject({ '@type': 'Person', name: person!.name });
    expect(resolve(file, data['@id'] as string)).toBe(file);
    const roles = data['memberOf'] as { '@type': string; roleName: string; memberOf: Ref }[];
    for (const role of person!.roles.filter((r) => r.organization)) {
      expect(roles.map((r) => [r['@type'], r.roleName, resolve(file, r.memberOf['@id'])])).toContainEqual(['OrganizationRole', role.title, `organizations/${role.organization}/index.html`]);
    }
  });

  it('should link an organization to Wikidata when the editor gave its id', async () => {
    const curated = archive.organizations.filter((o) => o.wikidata);
    expect(curated.length).toBeGreaterThan(0);
    for (const org of curated) {
      const data = await jsonLdOf(pageFile(org.url));
      expect(data).toMatchObject({ '@type': 'Organization', name: org.name, sameAs: `https://www.wikidata.org/wiki/${org.wikidata}` });
    }
    const uncurated = archive.organizations.find((o) => !o.wikidata);
    if (uncurated) expect(await jsonLdOf(pageFile(uncurated.url))).not.toHaveProperty('sameAs');
  });

  it('should write Open Graph tags, and a canonical link only when site.url is set', async () => {
    const site_ = JSON.parse(await readFile(path.join(REPO_ROOT, 'templates/_data/site.json'), 'utf8')) as { url?: string };
    const article = archive.articles[0]!;
    const doc = parseHtml(await read(pageFile(article.url)));
    const og = (p: string): string | undefined => doc.querySelector(`meta[property="${p}"]`)?.getAttribute('content');
    expect(og('og:title')).toBe(article.headline);
    expect(og('og:type')).toBe('article');
    expect(Boolean(doc.querySelector('link[rel=canonical]'))).toBe(Boolean(site_.url));
  });
});

describe('downloads', () => {
  it('should ship a JSON Schema that data/archive.json validates against', async () => {
    const schema = JSON.parse(await read('data/archive.schema.json')) as object;
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    const valid = validate(JSON.parse(await read('data/archive.json')));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('should ship one CSV row per article, person, organization, place, role and demand', async () => {
    const rows = async (name: string): Promise<Record<string, string>[]> => parseCsv(await read(`data/${name}.csv`), { columns: true, bom: true }) as Record<string, string>[];
    const ids = (list: readonly { id: string }[]): string[] => list.map((x) => x.id);
    expect((await rows('articles')).map((r) => r['id'])).toEqual(ids(archive.articles));
    expect((await rows('people')).map((r) => r['id'])).toEqual(ids(archive.people));
    expect((await rows('organizations')).map((r) => r['id'])).toEqual(ids(archive.organizations));
    expect((await rows('places')).map((r) => r['id'])).toEqual(ids(archive.places));
    expect((await rows('demands')).map((r) => r['id'])).toEqual(ids(archive.demands));
    const roles = archive.people.flatMap((p) => p.roles.map((r) => [r.person, r.title]));
    expect((await rows('roles')).map((r) => [r['person'], r['title']])).toEqual(roles);
  });

  it('should keep text with commas, quotes and line breaks whole in a CSV cell', async () => {
    const parsed = parseCsv(await read('data/articles.csv'), { columns: true }) as Record<string, string>[];
    expect(parsed.map((r) => r['headline'])).toEqual(archive.articles.map((a) => a.headline));
    expect(parsed.map((r) => r['summary'])).toEqual(archive.articles.map((a) => a.summary));
  });

  it('should link every download from the Data page', async () => {
    const links = parseHtml(await read('data/index.html')).querySelectorAll('main a').map((a) => resolve('data/index.html', a.getAttribute('href')!));
    for (const file of ['data/archive.json', 'data/archive.schema.json', ...['articles', 'people', 'organizations', 'places', 'roles', 'demands'].map((n) => `data/${n}.csv`), 'feed.xml', 'feed.json']) {
      expect(links).toContain(file);
      expect(existsSync(path.join(site.dir, file)), file).toBe(true);
    }
  });
});

describe('people and organizations alongside', () => {
  it('should list on each entity page the people and organizations it shares articles with, most shared first, each linked', async () => {
    let checked = 0;
    for (const e of [...archive.people, ...archive.organizations, ...archive.places]) {
      const file = pageFile(e.url);
      const doc = parseHtml(await read(file));
      const listed = (heading: string): string[] => doc.querySelector(`#${heading}`)?.parentNode?.querySelectorAll('ul.entities a').map((a) => resolve(file, a.getAttribute('href')!)) ?? [];
      const expected = (kind: 'person' | 'organization'): string[] =>
        e.related.filter((r) => r.kind === kind).map((r) => pageFile((kind === 'person' ? archive.people : archive.organizations).find((x) => x.id === r.id)!.url));
      expect(listed('rel-people-h'), file).toEqual(expected('person'));
      expect(listed('rel-orgs-h'), file).toEqual(expected('organization'));
      checked += expected('person').length + expected('organization').length;
    }
    expect(checked).toBeGreaterThan(0);
  });
});
