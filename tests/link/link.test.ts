import { describe, expect, it } from 'vitest';
import { linkArchive } from '../../src/link/index.ts';
import { renderBlockHtml } from '../../src/link/html.ts';
import { body, extractText } from '../helpers/extract.ts';

const none = { entities: [], ignore: [] };
const withDate = (id: string, date: string, text: string): string => `---\nid: ${id}\ndate: ${date}\n---\n${body(text)}`;

describe('linkArchive', () => {
  it('should link a person named in two articles', () => {
    const a = extractText(withDate('a', '2020-01-02', 'Jane Roe spoke in Lyon.'), { PER: ['Jane Roe'], LOC: ['Lyon'] });
    const b = extractText(withDate('b', '2021-03-04', 'Later, Jane Roe resigned.'), { PER: ['Jane Roe'] });
    const archive = linkArchive([a, b], none);
    const jane = archive.people.find((p) => p.name === 'Jane Roe');
    expect(jane?.articles).toEqual(['b', 'a']);
    expect(archive.articles.map((x) => x.id)).toEqual(['b', 'a']);
  });

  // Each article once in an entity's list: when two of its names are one entity, and when two files share an id (an error).
  it('should list an article once for an entity, whatever names or files it comes from', () => {
    const a = extractText(withDate('a', '2020-01-02', 'Jane Roe and Paul Martin met.'), { PER: ['Jane Roe'] });
    const b = extractText(withDate('b', '2021-01-01', 'Jane Roe spoke.'), { PER: ['Jane Roe'] });
    const a2 = { ...extractText(withDate('a', '2022-01-01', 'Jane Roe left.'), { PER: ['Jane Roe'] }), file: 'articles/a-again.txt' };
    const archive = linkArchive([a, b, a2], none);
    expect(archive.people.find((p) => p.name === 'Jane Roe')?.articles).toEqual(['a', 'b']);
    expect(archive.problems.some((p) => p.severity === 'error' && p.message.includes('already has'))).toBe(true);
    // Another article says the two names of `c` are one person.
    const c = extractText(withDate('c', '2020-01-02', 'Jane Roe spoke. J. Roe left.'), { PER: ['Jane Roe', 'J. Roe'] });
    const d = extractText(withDate('d', '2020-01-03', 'Jane Roe spoke.'), { PER: ['Jane Roe'] });
    const both = { ...d, entities: d.entities.map((e) => ({ ...e, aliases: ['J. Roe'] })) };
    expect(c.entities).toHaveLength(2);
    expect(linkArchive([c, both], none).people.map((p) => p.articles)).toEqual([['d', 'c']]);
  });

  it('should not join two people through the surname they share', () => {
    const a = extractText(withDate('a', '2020-01-02', 'Mike Williams spoke. Williams left.'), { PER: ['Mike Williams', 'Williams'] });
    const b = extractText(withDate('b', '2020-01-03', 'Neil Williams ran. Williams won.'), { PER: ['Neil Williams', 'Williams'] });
    expect(linkArchive([a, b], none).people.map((p) => p.name).sort()).toEqual(['Mike Williams', 'Neil Williams']);
  });

  it('should join a person named by surname alone to the one person with that surname', () => {
    const a = extractText(withDate('a', '2020-01-02', 'Mike Williams spoke.'), { PER: ['Mike Williams'] });
    const b = extractText(withDate('b', '2020-01-03', 'Williams won again.'), { PER: ['Williams'] });
    expect(linkArchive([a, b], none).people.map((p) => [p.name, p.articles])).toEqual([['Mike Williams', ['b', 'a']]]);
    const c = extractText(withDate('c', '2020-01-04', 'Neil Williams ran.'), { PER: ['Neil Williams'] });
    expect(linkArchive([a, b, c], none).people.map((p) => p.name).sort()).toEqual(['Mike Williams', 'Neil Williams', 'Williams']);
  });

  it('should not join two organizations through a short form of one word they share', () => {
    const a = extractText(withDate('a', '2020-01-02', 'The European Commission met. The Commission will act.'), { ORG: ['European Commission', 'Commission'] });
    const b = extractText(withDate('b', '2020-01-03', 'The National Election Commission met. The Commission counted votes.'), { ORG: ['National Election Commission', 'Commission'] });
    // An acronym stays a key: `FF` in another article is the Farmers Federation.
    const c = extractText(withDate('c', '2020-01-04', 'The Farmers Federation (FF) met.'), { ORG: ['Farmers Federation', 'FF'] });
    const d = extractText(withDate('d', '2020-01-05', 'The FF marched.'), { ORG: ['FF'] });
    const names = linkArchive([a, b, c, d], none).organizations.map((o) => [o.name, o.articles]);
    expect(names).toContainEqual(['European Commission', ['a']]);
    expect(names).toContainEqual(['National Election Commission', ['b']]);
    expect(names).toContainEqual(['Farmers Federation', ['d', 'c']]);
  });

  it('should join names that differ only in accents and case', () => {
    const a = extractText(withDate('a', '2020-01-02', 'Gérald Martin spoke.'), { PER: ['Gérald Martin'] });
    const b = extractText(withDate('b', '2020-01-03', 'GERALD MARTIN spoke.'), { PER: ['GERALD MARTIN'] });
    expect(linkArchive([a, b], none).people).toHaveLength(1);
  });

  it('should count co-mentions as related entities', () => {
    const a = extractText(withDate('a', '2020-01-02', 'Jane Roe and Paul Martin met.'), { PER: ['Jane Roe', 'Paul Martin'] });
    const archive = linkArchive([a], none);
    expect(archive.people.find((p) => p.name === 'Jane Roe')?.related).toEqual([{ id: 'paul-martin', kind: 'person', articles: 1 }]);
  });

  // Regression: a demand "made" by a name that is a place across the archive broke the article
  // template (`who.url` of undefined): the tagger called Marseille an organization once.
  it('should leave places out of who made a demand', () => {
    const a = extractText(withDate('a', '2020-01-02', 'Marseille demands a new stadium for the city.'), { ORG: ['Marseille'] });
    const b = extractText(withDate('b', '2020-01-03', 'Dockers marched in Marseille and in Marseille again.'), { LOC: ['Marseille'] });
    expect(a.demands[0]?.by).toEqual(['Marseille']);
    const archive = linkArchive([a, b], none);
    expect(archive.places.map((p) => p.name)).toEqual(['Marseille']);
    expect(archive.demands[0]?.by).toEqual([]);
  });

  it('should give each block its HTML with mentions linked relative to the article page', () => {
    const a = extractText(withDate('a', '2020-01-02', 'Jane Roe <b>spoke</b>.'), { PER: ['Jane Roe'] });
    const html = renderBlockHtml(linkArchive([a], none).articles[0]!.blocks[0]!);
    expect(html).toBe('<a href="../../people/jane-roe/index.html" title="Jane Roe">Jane Roe</a> &#x3C;b>spoke&#x3C;/b>.');
  });
});
