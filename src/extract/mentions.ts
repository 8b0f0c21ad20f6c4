import type { EntityKind, FoundEntity, FoundRole } from '../model.ts';

/** A mention with the entity it belongs to: what the relation extractors look at. */
export interface PlacedMention {
  readonly block: number;
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly kind: EntityKind;
}

/** Every mention of every entity, per block, in text order. */
export function mentionsByBlock(entities: readonly FoundEntity[]): Map<number, PlacedMention[]> {
  const map = new Map<number, PlacedMention[]>();
  for (const e of entities) {
    for (const m of e.mentions) {
      const list = map.get(m.block) ?? [];
      list.push({ block: m.block, start: m.start, end: m.end, name: e.name, kind: e.kind });
      map.set(m.block, list);
    }
  }
  for (const list of map.values()) list.sort((a, b) => a.start - b.start);
  return map;
}

/**
 * The organization an article is about: the one most mentioned, earliest on a tie.
 * `its` and unattributed demands fall back to it.
 */
export function mainOrganization(entities: readonly FoundEntity[]): string | null {
  const orgs = entities.filter((e) => e.kind === 'organization');
  orgs.sort((a, b) => b.mentions.length - a.mentions.length);
  return orgs[0]?.name ?? null;
}

/** Nouns that stand for an organization the article has named: `the union`, `president of the union`. */
export const ORG_NOUN = 'union|party|federation|confederation|association|organi[sz]ation|company|firm|airline|group';

/**
 * The organizations an article calls by a common noun (`the union`): those whose name has the
 * noun, those named next to it (`the FNV Havens union`, `the services union Verdi`), and those
 * whose people's titles were read from `of the union` or `the union's`. In order of mention.
 */
export function calledBy(noun: string, entities: readonly FoundEntity[], roles: readonly FoundRole[]): string[] {
  const word = new RegExp(`\\b${noun}\\b`, 'iu');
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  const viaRoles = new Set(roles.filter((r) => r.organization && new RegExp(`\\b(?:of the ${noun}\\b|the ${noun}['’]s\\b)`, 'iu').test(r.evidence.sentence)).map((r) => r.organization!));
  return entities
    .filter((e) => e.kind === 'organization')
    .filter((e) => word.test(e.name) || viaRoles.has(e.name) || e.mentions.some((m) => new RegExp(`\\b${noun}\\s+${escape(m.text)}\\b|\\b${escape(m.text)}\\s+${noun}\\b`, 'iu').test(m.sentence)))
    .map((e) => e.name);
}
