import slugifyLib from '@sindresorhus/slugify';
import type { Slug } from '../model.ts';

/** A readable URL segment: `Jean-Marie Lefèvre` → `jean-marie-lefevre`, `L’Équipe` → `l-equipe`. */
export function slugify(text: string): string {
  const s = slugifyLib(text.replace(/['’]/g, ' '), { decamelize: false });
  return s || 'untitled';
}

/** True when `value` is a slug we would write: lower-case words joined by hyphens, nothing that walks a path. */
export function isSlug(value: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);
}

/**
 * Give each item a slug unique within its kind, stable across builds: names that slugify
 * alike get `-2`, `-3` in the order of their sorted keys.
 */
export function uniqueSlugs<T extends string>(names: readonly { key: string; name: string }[]): Map<string, Slug<T>> {
  const taken = new Set<string>();
  const out = new Map<string, Slug<T>>();
  for (const { key, name } of [...names].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    const base = slugify(name);
    let slug = base;
    for (let i = 2; taken.has(slug); i++) slug = `${base}-${i}`;
    taken.add(slug);
    out.set(key, slug as Slug<T>);
  }
  return out;
}
