/**
 * Lookups over the archive's lists, each through an index built once per list.
 *
 * Keyed by the lists themselves: under pagination Eleventy hands each page the archive in a new
 * Proxy, but the arrays inside are the archive's own, so one index serves every page of a build.
 */
import type { Archive, Entity, EntityKind } from '../model.ts';

const indexes = new WeakMap<readonly unknown[], Map<unknown, unknown>>();

/** The item of `list` whose `id` is `id`. */
export function byId<T extends { id: unknown }>(list: readonly T[], id: unknown): T | undefined {
  let index = indexes.get(list);
  if (!index) indexes.set(list, (index = new Map(list.map((x) => [x.id, x]))));
  return index.get(id) as T | undefined;
}

/** The person, organization or place (as `kind` says) whose `id` is `id`. */
export function entityOf(archive: Archive, kind: EntityKind, id: unknown): Entity | undefined {
  return kind === 'person' ? byId(archive.people, id) : kind === 'organization' ? byId(archive.organizations, id) : byId(archive.places, id);
}

const counts = new WeakMap<readonly { article: string }[], Map<string, number>>();

/** How many of `mentions` are in `article`. */
export function mentionsIn(mentions: readonly { article: string }[], article: string): number {
  let index = counts.get(mentions);
  if (!index) {
    index = new Map();
    for (const m of mentions) index.set(m.article, (index.get(m.article) ?? 0) + 1);
    counts.set(mentions, index);
  }
  return index.get(article) ?? 0;
}
