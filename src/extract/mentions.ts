import type { EntityKind, FoundEntity } from '../model.ts';

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
