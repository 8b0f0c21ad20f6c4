import type { ArticleRecord, CuratedEntity, Curation, EntityKind } from '../model.ts';
import { nameKey } from '../text/normalize.ts';

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
 * share a curated entry or any name (accent- and case-insensitively).
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
  for (const r of records) {
    for (const e of r.entities) {
      const keys = keysOf([e.name, ...e.aliases]);
      for (const k of keys) find(k);
      for (const k of keys.slice(1)) union(keys[0]!, k);
    }
  }
  interface Acc { kinds: Map<EntityKind, number>; names: Map<string, number>; curated: CuratedEntity | null }
  const acc = new Map<string, Acc>();
  const localKey = new Map<string, Map<string, string>>();
  for (const r of records) {
    const local = new Map<string, string>();
    localKey.set(r.id, local);
    for (const e of r.entities) {
      const root = find(keysOf([e.name])[0]!);
      local.set(e.name, root);
      const a = acc.get(root) ?? { kinds: new Map(), names: new Map(), curated: null };
      acc.set(root, a);
      a.kinds.set(e.kind, (a.kinds.get(e.kind) ?? 0) + e.mentions.length);
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

const TIE_ORDER: readonly EntityKind[] = ['person', 'place', 'organization'];
const wordCount = (s: string): number => s.split(/\s+/u).length;
const accents = (s: string): number => (s.normalize('NFD').match(/\p{M}/gu) ?? []).length;
