import type { CuratedEntity, Curation, EntityKind, FrontMatter } from '../model.ts';
import { nameKey } from '../text/normalize.ts';
import { namePattern } from '../text/find.ts';

/** Curated names ready for matching: built once per build, shared by every article. */
export interface Lexicon {
  /** Finds any curated name or alias in folded text. */
  readonly pattern: RegExp | null;
  /** Curated entry by the `nameKey` of each of its names. */
  readonly byKey: ReadonlyMap<string, CuratedEntity>;
  /** `nameKey`s never to treat as names. */
  readonly ignore: ReadonlySet<string>;
}

/** Index the editor's curation for matching. */
export function buildLexicon(curation: Curation): Lexicon {
  const byKey = new Map<string, CuratedEntity>();
  for (const e of curation.entities) for (const n of [e.name, ...e.aliases]) byKey.set(nameKey(n), e);
  return {
    pattern: namePattern(curation.entities.flatMap((e) => [e.name, ...e.aliases])),
    byKey,
    ignore: new Set(curation.ignore.map(nameKey)),
  };
}

/** Add the names an article's front matter asserts, as entries of this article's lexicon only. */
export function withFrontMatter(lexicon: Lexicon, fm: FrontMatter): Lexicon {
  const extra: CuratedEntity[] = [];
  const add = (names: readonly string[] | undefined, kind: EntityKind): void => {
    for (const name of names ?? []) if (!lexicon.byKey.has(nameKey(name))) extra.push({ name, kind, aliases: [], roles: [] });
  };
  add(fm.people, 'person');
  add(fm.organizations, 'organization');
  add(fm.places, 'place');
  if (extra.length === 0) return lexicon;
  const byKey = new Map(lexicon.byKey);
  for (const e of extra) byKey.set(nameKey(e.name), e);
  const all = [...new Set([...byKey.values()])];
  return { pattern: namePattern(all.flatMap((e) => [e.name, ...e.aliases])), byKey, ignore: lexicon.ignore };
}
