/**
 * The small pure functions behind structured data, feeds and CSV downloads, table-driven.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { jsonLd, publicUrl, wikidataUrl } from '../../src/site/jsonld.ts';
import { XMLValidator } from 'fast-xml-parser';
import { entityFeeds, feedDate, feedId, feedUpdated } from '../../src/site/feeds.ts';
import { toCsv } from '../../src/site/csv.ts';
import { pageHref } from '../../src/site/filters.ts';
import type { Archive, Article, PartialDate, Person } from '../../src/model.ts';

describe('jsonLd', () => {
  it.each([
    ['a string that would close the element', { x: '</script><script>alert(1)</script>' }],
    ['a string that would open a comment', { x: '<!-- hidden' }],
    ['ampersands and line separators', { x: 'a & b\u2028c\u2029' }],
  ])('should write %s so that no `<` or `>` reaches the HTML, as the same JSON value', (_, value) => {
    const out = jsonLd(value);
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(out)).toEqual(value);
  });
});

describe('publicUrl', () => {
  it.each([
    ['people/jane/', 'articles/a/', '', '../../articles/a/index.html'],
    ['/people/jane/', 'people/jane/', '', '../../people/jane/index.html'],
    ['', '', '', 'index.html'],
    ['', 'feed.xml', '', 'feed.xml'],
    ['people/jane/', 'articles/a/', 'https://example.org/archive/', 'https://example.org/archive/articles/a/'],
    ['people/jane/', 'feed.xml', 'https://example.org/archive', 'https://example.org/archive/feed.xml'],
    ['', '', 'https://example.org/', 'https://example.org/'],
  ])('from %j to %j with site url %j should be %j', (from, target, siteUrl, expected) => {
    expect(publicUrl(from, target, siteUrl)).toBe(expected);
  });
});

describe('wikidataUrl', () => {
  it.each([
    ['Q205150', 'https://www.wikidata.org/wiki/Q205150'],
    ['q205150', undefined],
    ['Q0', undefined],
    ['https://evil.example/', undefined],
    [null, undefined],
  ])('%j should give %j', (id, expected) => {
    expect(wikidataUrl(id)).toBe(expected);
  });
});

describe('feeds', () => {
  const date = (iso: string): PartialDate => ({ iso, precision: iso.length === 4 ? 'year' : iso.length === 7 ? 'month' : 'day', approximate: false });

  it.each([
    ['2021', '2021-01-01T00:00:00.000Z'],
    ['2021-05', '2021-05-01T00:00:00.000Z'],
    ['2021-05-19', '2021-05-19T00:00:00.000Z'],
  ])('should date %s to the first instant it covers', (iso, expected) => {
    expect(feedDate(date(iso))?.toISOString()).toBe(expected);
  });

  it('should date a feed by its newest article, not by the build', () => {
    expect(feedUpdated([{ date: date('2021-05') }, { date: null }, { date: date('2022-01-03') }]).toISOString()).toBe('2022-01-03T00:00:00.000Z');
    expect(feedUpdated([{ date: null }]).toISOString()).toBe('1970-01-01T00:00:00.000Z');
  });

  it.each([
    ['articles/a/', '', 'Dossier', 'urn:dossier:dossier:articles/a'],
    ['feed.xml', '', 'My Archive', 'urn:dossier:my-archive:feed.xml'],
    ['articles/a/', 'https://example.org/x/', 'Dossier', 'https://example.org/x/articles/a/'],
  ])('should name %j (site url %j, site %j) %j', (target, siteUrl, name, expected) => {
    expect(feedId(target, siteUrl, name)).toBe(expected);
  });
});

describe('pageHref (the href filter)', () => {
  it('should link relatively from a page, whatever site.url says, unless the page asks for absolute links', () => {
    expect(pageHref({ page: { url: '/people/jane-roe/' }, ctx: { site: { url: 'https://news.example/archive' } } }, 'articles/')).toBe('../../articles/index.html');
    expect(pageHref({ page: { url: '/' } }, 'assets/style.css')).toBe('assets/style.css');
  });

  it('should give the 404 page absolute links when site.url is set, and relative ones when it is not', () => {
    const missing = { page: { url: '/404.html' } };
    expect(pageHref({ ...missing, ctx: { absoluteLinks: true, site: { url: 'https://news.example/archive' } } }, 'assets/style.css')).toBe('https://news.example/archive/assets/style.css');
    expect(pageHref({ ...missing, ctx: { absoluteLinks: true, site: { url: 'https://news.example/archive/' } } }, '')).toBe('https://news.example/archive/');
    expect(pageHref({ ...missing, ctx: { absoluteLinks: true, site: { url: '' } } }, 'search/')).toBe('search/index.html');
  });
});

describe('toCsv', () => {
  it('should quote what needs quoting and read back the same cells', () => {
    const rows = [['a, b', 'say "hi"', 'two\nlines', null, true, 3]];
    const csv = toCsv({ columns: ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'], rows });
    expect(csv).toBe('c1,c2,c3,c4,c5,c6\r\n"a, b","say ""hi""","two\nlines",,true,3\r\n');
    expect(parseCsv(csv)).toEqual([['c1', 'c2', 'c3', 'c4', 'c5', 'c6'], ['a, b', 'say "hi"', 'two\nlines', '', 'true', '3']]);
  });

  it('should start with a quote mark a text cell a spreadsheet would read as a formula, and leave the others and numbers alone', () => {
    const cells = ['=HYPERLINK("https://evil.example","x")', '+1+1', '-1', '@SUM(A1)', '\tx', '\rx', 'a = b', 'C++', 'e-mail', "'quoted"];
    const csv = toCsv({ columns: cells.map((_, i) => `c${i}`), rows: [cells, [-1, 0, 1, 2, 3, 4, 5, 6, 7, 8]] });
    const [, text, numbers] = parseCsv(csv, { relax_quotes: true }) as string[][];
    expect(text).toEqual(["'=HYPERLINK(\"https://evil.example\",\"x\")", "'+1+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx", 'a = b', 'C++', 'e-mail', "'quoted"]);
    expect(numbers).toEqual(['-1', '0', '1', '2', '3', '4', '5', '6', '7', '8']);
  });
});

describe('entityFeeds (a person’s or organization’s Atom and JSON feeds)', () => {
  const article = (id: string, date: string | null, summary: string): Article => ({ id, url: `articles/${id}/`, headline: `Headline <${id}> & "co"`, date: date ? { iso: date, precision: 'day' } : null, summary, language: 'en' }) as unknown as Article;
  const archive = { articles: [article('b', '2022-03-04', 'Second.'), article('a', null, '')] } as unknown as Archive;
  const person = { kind: 'person', id: 'jane-roe', url: 'people/jane-roe/', name: 'Jane Roe', articles: ['b', 'a'] } as unknown as Person;

  it('should write a well-formed Atom feed with escaped text and links relative to the feed', () => {
    const { atom } = entityFeeds(archive, person, { name: 'My Archive', about: 'About & more' });
    expect(XMLValidator.validate(atom)).toBe(true);
    expect(atom).toContain('<title>Jane Roe · My Archive</title>');
    expect(atom).toContain('<title>Headline &lt;b&gt; &amp; &quot;co&quot;</title>');
    expect(atom).toContain('href="../../articles/b/index.html"');
    expect(atom).toContain('<id>urn:dossier:my-archive:people/jane-roe/feed.xml</id>');
    expect(atom).toContain('<updated>2022-03-04T00:00:00Z</updated>');
    expect(atom.match(/<entry>/g)).toHaveLength(2);
  });

  it('should write a JSON Feed 1.1 with absolute URLs when the site has one, and text content for an empty summary', () => {
    const feed = JSON.parse(entityFeeds(archive, person, { name: 'My Archive', url: 'https://example.org/archive' }).json) as { version: string; feed_url: string; items: { url: string; content_text: string; date_published?: string }[] };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.feed_url).toBe('https://example.org/archive/people/jane-roe/feed.json');
    expect(feed.items.map((i) => i.url)).toEqual(['https://example.org/archive/articles/b/', 'https://example.org/archive/articles/a/']);
    expect(feed.items[1]!.content_text).toBe('Headline <a> & "co"');
    expect(feed.items[1]!.date_published).toBeUndefined();
  });
});
