import type { ArticleRecord, CuratedEntity, Curation, EntityKind } from '../model.ts';
import { nameKey } from '../text/normalize.ts';
import { PLACES } from '../ner/wordlists.ts';
import { fold } from '../ner/fold.ts';

/** One entity across the archive, before it gets its page: the names it goes by and where it was found. */
export interface MergedEntity {
  readonly key: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly curated: CuratedEntity | null;
}

/**
 * Join the entities of all articles into one list: two found entities are one when they
 * share a curated entry or any name (accent- and case-insensitively), except a short form of
 * one word that is no acronym: `Williams` in an article about Mike Williams and in one about
 * Neil Williams joins neither to the other, nor `Commission` the European Commission to a
 * national one. A person's name of one word joins the person of the archive whose
 * full name ends in it: the only one, or the one named in three times as many articles as the
 * others together (`Clinton`: Bill Clinton, not Hillary Clinton). So does a "place" of one word that
 * is no known place (`Ripken`, which the tagger took for one), counted as the person's mentions;
 * an organization of one word does not (`Blackburn`, `Williams`: a club, a racing team).
 *
 * Returns the merged entities and, per article, a map from the local name to the merged key.
 */
export function mergeEntities(records: readonly ArticleRecord[], curation: Curation): { entities: MergedEntity[]; localKey: Map<string, Map<string, string>> } {
  const curatedByKey = new Map<string, CuratedEntity>();
  for (const e of curation.entities) for (const n of [e.name, ...e.aliases]) curatedByKey.set(nameKey(n), e);
  // Union-find over name keys.
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r) ?? (parent.set(r, r), r);
    parent.set(k, r);
    return r;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  const keysOf = (names: readonly string[]): string[] => {
    const keys = names.map((n) => {
      const c = curatedByKey.get(nameKey(n));
      return c ? `@${nameKey(c.name)}` : nameKey(n);
    });
    return [...new Set(keys)];
  };
  const oneWord = (n: string): boolean => !/\s/u.test(n.trim());
  const joinedToPerson = new Set<string>();
  // Names organizations and places go by: a surname that is one (`Dundee` of `Dundee United`) joins no person.
  const otherKinds = new Set<string>();
  const surnameOnly: { key: string; surname: string }[] = [];
  for (const r of records) {
    for (const e of r.entities) {
      const names = [e.name, ...e.aliases];
      // One-word names are no key across articles when the article gives the full name (`Williams` of
      // Mike Williams, `Commission` of the National Election Commission), acronyms aside (`FNSEA`).
      const strong = !oneWord(e.name) ? names.filter((n) => !oneWord(n) || curatedByKey.has(nameKey(n)) || (e.kind !== 'person' && ACRONYM.test(n))) : names;
      const keys = keysOf(strong);
      for (const k of keys) find(k);
      for (const k of keys.slice(1)) union(keys[0]!, k);
      if (oneWord(e.name) && !curatedByKey.has(nameKey(e.name)) && (e.kind === 'person' || (e.kind === 'place' && !PLACES.has(fold(e.name).toLowerCase())))) {
        surnameOnly.push({ key: keys[0]!, surname: nameKey(e.name) });
      } else if (e.kind !== 'person') for (const k of keys) otherKinds.add(k);
    }
  }
  if (surnameOnly.length > 0) {
    // Per surname, the people with a full name ending in it, and in how many articles each is named.
    const fullBySurname = new Map<string, Map<string, number>>();
    for (const r of records) {
      for (const e of r.entities) {
        if (e.kind !== 'person' || oneWord(e.name)) continue;
        const surname = nameKey(e.name).split(' ').at(-1)!;
        const counts = fullBySurname.get(surname) ?? new Map<string, number>();
        const root = find(keysOf([e.name])[0]!);
        counts.set(root, (counts.get(root) ?? 0) + 1);
        fullBySurname.set(surname, counts);
      }
    }
    for (const { key, surname } of surnameOnly) {
      if (otherKinds.has(key)) continue;
      const ranked = [...(fullBySurname.get(surname) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1]);
      const [top, ...others] = ranked;
      if (top && top[1] >= 3 * others.reduce((n, [, c]) => n + c, 0)) {
        union(top[0], key);
        joinedToPerson.add(key);
      }
    }
  }
  interface Acc { kinds: Map<EntityKind, number>; names: Map<string, number>; curated: CuratedEntity | null }
  const acc = new Map<string, Acc>();
  const localKey = new Map<string, Map<string, string>>();
  for (const r of records) {
    const local = new Map<string, string>();
    localKey.set(r.id, local);
    for (const e of r.entities) {
      const own = keysOf([e.name])[0]!;
      const root = find(own);
      local.set(e.name, root);
      const a = acc.get(root) ?? { kinds: new Map(), names: new Map(), curated: null };
      acc.set(root, a);
      const kind = joinedToPerson.has(own) ? 'person' : e.kind;
      a.kinds.set(kind, (a.kinds.get(kind) ?? 0) + e.mentions.length);
      for (const n of [e.name, ...e.aliases]) {
        a.names.set(n, (a.names.get(n) ?? 0) + (n === e.name ? e.mentions.length + 1 : 1));
        a.curated ??= curatedByKey.get(nameKey(n)) ?? null;
      }
    }
  }
  const entities: MergedEntity[] = [];
  for (const [key, a] of acc) {
    // Most mentions wins; on a tie, organization last: taggers trained on news call cities and countries
    // organizations (sports teams) far more often than the other way round.
    const kind = a.curated?.kind ?? [...a.kinds.entries()].sort((x, y) => y[1] - x[1] || TIE_ORDER.indexOf(x[0]) - TIE_ORDER.indexOf(y[0]))[0]![0];
    // The fullest name written, preferring accented spellings and frequency on a tie.
    const written = [...a.names.entries()].sort((x, y) => wordCount(y[0]) - wordCount(x[0]) || y[1] - x[1] || accents(y[0]) - accents(x[0]) || (x[0] < y[0] ? -1 : 1));
    const name = a.curated?.name ?? written[0]![0];
    const seen = new Set([nameKey(name)]);
    const aliases: string[] = [];
    for (const n of [...(a.curated?.aliases ?? []), ...written.map(([n]) => n)]) {
      const k = nameKey(n);
      if (!seen.has(k)) { seen.add(k); aliases.push(n); }
    }
    entities.push({ key, kind, name, aliases, curated: a.curated });
  }
  return { entities, localKey };
}

const ACRONYM = /^\p{Lu}[\p{Lu}\p{N}&.-]+$/u;
const TIE_ORDER: readonly EntityKind[] = ['person', 'place', 'organization'];
const wordCount = (s: string): number => s.split(/\s+/u).length;
const accents = (s: string): number => (s.normalize('NFD').match(/\p{M}/gu) ?? []).length;
