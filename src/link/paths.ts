import type { EntityKind } from '../model.ts';

/** The folder of each kind of page. */
export const SECTION: Record<EntityKind | 'article', string> = {
  article: 'articles',
  person: 'people',
  organization: 'organizations',
  place: 'places',
};

/** A page's path relative to the site root: `people/jane-roe/`. */
export function pageUrl(kind: EntityKind | 'article', id: string): string {
  return `${SECTION[kind]}/${id}/`;
}

/**
 * A link from one page to another, relative, ending in `index.html` so that the site works
 * from any folder, under any subpath, and straight from disk.
 *
 * Both arguments are paths relative to the site root (`''` is the home page).
 */
export function relativeHref(from: string, to: string): string {
  const hashAt = to.indexOf('#');
  const hash = hashAt >= 0 ? to.slice(hashAt) : '';
  const target = hashAt >= 0 ? to.slice(0, hashAt) : to;
  let path = upFrom(from) + target.replace(/^\/+/, '');
  if (path === '' || path.endsWith('/')) path += 'index.html';
  return path + hash;
}

const ups = new Map<string, string>();
/** The `../` that lead from the folder of the page at `from` to the site root; a page links dozens of times, so once per page. */
function upFrom(from: string): string {
  let up = ups.get(from);
  if (up === undefined) {
    const depth = from.replace(/^\/+/, '').replace(/[^/]*$/, '').split('/').filter(Boolean).length;
    if (ups.size > 10_000) ups.clear();
    ups.set(from, (up = '../'.repeat(depth)));
  }
  return up;
}
