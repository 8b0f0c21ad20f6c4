/**
 * Page fingerprints (src/site/pages.ts): a page's fingerprint must change whenever what it shows
 * does. The whole-site check is tests/perf/incremental.test.ts; these are the cases it cannot reach.
 */
import { describe, expect, it } from 'vitest';
import type { Archive, Article, Person, Place } from '../../src/model.ts';
import { planPages } from '../../src/site/pages.ts';

const common = { aliases: [], description: null, wikidata: null, articles: [], mentions: [], related: [] };
const person = (id: string, name: string, related: Person['related'] = []): Person =>
  ({ ...common, kind: 'person', id, url: `people/${id}/`, name, related, roles: [], quotes: [] }) as unknown as Person;
const place = (id: string, name: string): Place => ({ ...common, kind: 'place', id, url: `places/${id}/`, name }) as unknown as Place;
const archive = (people: Person[], places: Place[]): Archive =>
  ({ articles: [], people, organizations: [], places, demands: [], themes: [], events: [], problems: [] }) as unknown as Archive;
const fingerprint = (a: Archive, key: string): string | undefined => planPages(a).pages.find((p) => p.key === key)?.fingerprint;

describe('planPages', () => {
  // A person and a place can share a slug (`jordan`): the page that lists the place must follow the
  // place, not the person of the same id.
  it('should change the fingerprint of a page listing a place when the place is renamed, though a person has its id', () => {
    const ann = person('ann', 'Ann Lee', [{ kind: 'place', id: 'jordan', articles: 1 } as Person['related'][number]]);
    const before = archive([ann, person('jordan', 'Michael Jordan')], [place('jordan', 'Jordan')]);
    const after = archive([ann, person('jordan', 'Michael Jordan')], [place('jordan', 'Hashemite Kingdom of Jordan')]);
    expect(fingerprint(after, 'person:ann')).not.toBe(fingerprint(before, 'person:ann'));
    expect(fingerprint(after, 'person:jordan')).toBe(fingerprint(before, 'person:jordan'));
  });

  it('should change the fingerprint of a page listing a person when the person is renamed, though a place has its id', () => {
    const ann = person('ann', 'Ann Lee', [{ kind: 'person', id: 'jordan', articles: 1 } as Person['related'][number]]);
    const before = archive([ann, person('jordan', 'Michael Jordan')], [place('jordan', 'Jordan')]);
    const after = archive([ann, person('jordan', 'Michael B. Jordan')], [place('jordan', 'Jordan')]);
    expect(fingerprint(after, 'person:ann')).not.toBe(fingerprint(before, 'person:ann'));
  });

  it('should change the fingerprint of a page when the articles it has in common with a related entity change', () => {
    // A place: the neighbourhood graph, which draws people and organizations only, does not show the count too.
    const withCount = (n: number): Archive => archive([person('ann', 'Ann Lee', [{ kind: 'place', id: 'jordan', articles: n } as Person['related'][number]])], [place('jordan', 'Jordan')]);
    expect(fingerprint(withCount(2), 'person:ann')).not.toBe(fingerprint(withCount(1), 'person:ann'));
  });

  // With record hashes, an article's texts are fingerprinted by its record: what linking adds must still count.
  it("should change an article page's fingerprint when a link or a quote's speaker changes and its record does not", () => {
    const hashes = new Map([['a1', 'record-hash']]);
    const article = (href: string, speaker: string | null): Article =>
      ({
        id: 'a1', url: 'articles/a1/', headline: 'H', date: null, summary: '', language: 'en', people: [], organizations: [], places: [], demands: [], roles: [], events: [],
        blocks: [{ n: 1, kind: 'paragraph', text: 'Ann Lee spoke.', line: 1, links: [{ start: 0, end: 7, href, title: 'Ann Lee' }] }],
        quotes: [{ article: 'a1', text: 'We spoke.', speaker, evidence: { article: 'a1', block: 1, sentence: 'Ann Lee spoke.', start: 0, end: 7 } }],
      }) as unknown as Article;
    const of = (a: Article): string | undefined => planPages({ ...archive([], []), articles: [a] } as Archive, hashes).pages.find((p) => p.key === 'article:a1')?.fingerprint;
    const base = of(article('../../people/ann/index.html', 'ann'));
    expect(of(article('../../people/ann/index.html', 'ann'))).toBe(base);
    expect(of(article('../../people/ann-2/index.html', 'ann'))).not.toBe(base);
    expect(of(article('../../people/ann/index.html', null))).not.toBe(base);
  });

  // The home page and the A–Z indexes are left in place when what they show is unchanged (SITE_WIDE).
  it('should change the fingerprints of the home page, the index of people and the sitemap, not the index of places, when a person is added', () => {
    const siteWide = (a: Archive): Record<string, string> => Object.fromEntries(planPages(a).siteWide.map((p) => [p.template, p.fingerprint]));
    // Eight people before: the ninth is not among the most mentioned, only in the counts and the index.
    const eight = 'abcdefgh'.split('').map((c) => person(c, `${c.toUpperCase()} Lee`));
    const before = siteWide(archive(eight, [place('lyon', 'Lyon')]));
    const after = siteWide(archive([...eight, person('zed', 'Zed Roe')], [place('lyon', 'Lyon')]));
    expect(after['index.njk']).not.toBe(before['index.njk']);
    expect(after['people/index.njk']).not.toBe(before['people/index.njk']);
    expect(after['places/index.njk']).toBe(before['places/index.njk']);
    expect(after['sitemap.njk']).not.toBe(before['sitemap.njk']);
    const described = siteWide(archive(eight, [{ ...place('lyon', 'Lyon'), description: 'A city.' } as Place]));
    expect(described['places/index.njk']).not.toBe(before['places/index.njk']);
    expect(described['sitemap.njk']).toBe(before['sitemap.njk']);
  });
});
