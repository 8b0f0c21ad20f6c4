/**
 * Page fingerprints (src/site/pages.ts): a page's fingerprint must change whenever what it shows
 * does. The whole-site check is tests/perf/incremental.test.ts; these are the cases it cannot reach.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Archive, Article, Person, Place } from '../../src/model.ts';
import { buildArchive } from '../../src/build.ts';
import { planPages, type PageFingerprints, type PageReads } from '../../src/site/pages.ts';
import { REPO_ROOT } from '../helpers/site.ts';

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

// After an edit, `planPages` takes the fingerprint of a page none of whose reads changed from the previous
// build instead of computing it. Each edit in turn (they build on each other) over the real content and two
// small articles: every fingerprint must be the one computed from nothing.
describe('planPages with the previous build', () => {
  let root: string;
  const file = (name: string): string => path.join(root, 'articles', name);
  const replaceIn = async (f: string, from: string, to: string): Promise<void> => {
    const text = await readFile(f, 'utf8');
    if (!text.includes(from)) throw new Error(`${f} has no ${from}`);
    await writeFile(f, text.replace(from, to));
  };
  let previous: PageFingerprints | null = null;
  let timelineBefore: string | undefined;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'dossier-plan-'));
    await cp(path.join(REPO_ROOT, 'content'), root, { recursive: true });
    await writeFile(file('zz-dockers.txt'), '---\nheadline: Dockers walk out in Marseille\ndate: 2022-03-04\n---\nDockers at the port of Marseille walked out, said Paul Ferrand, secretary of the Dockers Union of Marseille.\n\nThe Dockers Union of Marseille wants a pay rise.\n');
    await writeFile(file('zz-bakers.txt'), '---\ndate: 2022-04-05\n---\nBakers protest in Lyon\n\nBakers in Lyon protested on Monday, said Claire Vidal of the Lyon Bakers Federation.\n\nMarc Olivier, treasurer of the Lyon Bakers Federation, agreed.\n');
  }, 60_000);

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it.each([
    ['the first build', async () => {}],
    ['nothing changed', async () => {}],
    ['a sentence names someone new', () => appendFile(file('zz-dockers.txt'), '\nAnne Roux, spokeswoman of the Dockers Union of Marseille, agreed.\n')],
    ['a headline changes', () => replaceIn(file('zz-dockers.txt'), 'headline: Dockers walk out in Marseille', 'headline: Marseille dockers stop work')],
    ['a date changes', () => replaceIn(file('zz-bakers.txt'), 'date: 2022-04-05', 'date: 2018-01-02')],
    // The union's mentions grow in an article that does not name Paul Ferrand: his page draws the union in its graph with its count.
    ['an organization is named in a new article', () => writeFile(file('zz-port.txt'), '---\ndate: 2022-06-07\n---\nPort strike goes on\n\nThe Dockers Union of Marseille said the strike goes on.\n')],
    ['two people meet in a new article', () => writeFile(file('zz-meeting.txt'), '---\ndate: 2022-07-08\n---\nBakers and dockers meet\n\nClaire Vidal met Paul Ferrand in Lyon.\n')],
    ['a demand is added', () => appendFile(file('zz-dockers.txt'), '\nThe Dockers Union of Marseille demands more staff at the port.\n')],
    ['a dated event is added', () => appendFile(file('zz-dockers.txt'), '\nThe strike ended on Friday.\n')],
    ['a person is renamed in one article', () => replaceIn(file('zz-bakers.txt'), 'Marc Olivier', 'Marc Oliver')],
    ['the curation describes an organization', () => replaceIn(path.join(root, 'entities.yaml'), '\nentities:\n', '\nentities:\n  - name: Lyon Bakers Federation\n    kind: organization\n    description: The bakers of Lyon.\n\n')],
    ['the curation changes a description', () => replaceIn(path.join(root, 'entities.yaml'), 'description: Police union of the UNSA confederation.', 'description: The police union of the UNSA confederation.')],
    ['an article is removed', () => rm(file('zz-meeting.txt'))],
  ])('should give the fingerprints computed from nothing after %s', async (_, edit) => {
    await edit();
    const { archive: a, recordHashes, problems } = await buildArchive(root);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const fresh = planPages(a, recordHashes);
    const planned = planPages(a, recordHashes, previous);
    expect(Object.fromEntries(planned.pages.map((p) => [p.key, p.fingerprint]))).toEqual(Object.fromEntries(fresh.pages.map((p) => [p.key, p.fingerprint])));
    // What each page read, by name: the same whether computed or carried over.
    const named = (r: PageReads): Record<string, string[]> => Object.fromEntries(Object.entries(r.pages).map(([k, is]) => [k, is.map((i) => r.keys[i]!).sort()]));
    expect(named(planned.reads)).toEqual(named(fresh.reads));
    // The site-wide pages too; the timeline's reads each article's events by a digest the previous build may have made.
    const siteWide = (p: typeof fresh): Record<string, string> => Object.fromEntries(p.siteWide.map((x) => [x.template, x.fingerprint]));
    expect(siteWide(planned)).toEqual(siteWide(fresh));
    const timeline = siteWide(planned)['timeline/index.njk'];
    if (_ === 'a dated event is added') expect(timeline).not.toBe(timelineBefore);
    // A sentence without a date leaves the events, and so the timeline, as they were.
    if (_ === 'a sentence names someone new' || _ === 'nothing changed') expect(timeline).toBe(timelineBefore);
    timelineBefore = timeline;
    // Computed again: every page the first time, none when nothing changed, not all after an edit (a union
    // named in every article, whose description changes, is on most pages).
    if (previous === null) expect(planned.computed).toBe(fresh.pages.length);
    else if (_ === 'nothing changed') expect(planned.computed).toBe(0);
    else expect(planned.computed).toBeLessThan(fresh.pages.length);
    previous = { global: 'same code', pages: Object.fromEntries(planned.pages.map((p) => [p.key, p.fingerprint])), reads: planned.reads, events: planned.events };
  }, 60_000);
});
