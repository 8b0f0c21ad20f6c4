/**
 * Page fingerprints (src/site/pages.ts): a page's fingerprint must change whenever what it shows
 * does. The whole-site check is tests/perf/incremental.test.ts; these are the cases it cannot reach.
 */
import { describe, expect, it } from 'vitest';
import type { Archive, Person, Place } from '../../src/model.ts';
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
});
