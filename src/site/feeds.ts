import type { LinkedBlock, PartialDate } from '../model.ts';
import { slugify } from '../text/slug.ts';
import { groupBlocks } from './filters.ts';

/**
 * The first instant of a partial date, in UTC: `2021-05` → 2021-05-01T00:00:00Z.
 *
 * Feeds want full timestamps; an article known only to the month is dated to its first day.
 */
export function feedDate(date: PartialDate | null | undefined): Date | undefined {
  if (!date) return undefined;
  const [y, m = '01', d = '01'] = date.iso.split('-');
  return new Date(`${y}-${m}-${d}T00:00:00Z`);
}

/**
 * When a feed last changed: the date of its newest dated article.
 *
 * Not the build time, so that building the same archive twice writes the same feed.
 * A feed with no dated article at all says 1970-01-01.
 */
export function feedUpdated(articles: readonly { date: PartialDate | null }[]): Date {
  const times = articles.map((a) => feedDate(a.date)?.getTime()).filter((t) => t !== undefined);
  return new Date(times.length ? Math.max(...times) : 0);
}

/**
 * A stable id for a feed or an entry: its absolute URL when the site has one, otherwise a URN
 * named after the site and the page path (`urn:dossier:dossier:articles/some-id`), since Atom ids
 * must be absolute and a relative link is not.
 */
export function feedId(target: string, siteUrl: string | null | undefined, siteName: string): string {
  const pathPart = target.replace(/^\/+/, '').replace(/\/$/, '');
  if (siteUrl) return new URL(target.replace(/^\/+/, ''), siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
  return `urn:dossier:${slugify(siteName)}:${pathPart || 'site'}`;
}

/** An article's body as one HTML fragment (paragraphs, subheadings, lists), for a feed entry's content. */
export function bodyHtml(blocks: readonly LinkedBlock[]): string {
  return groupBlocks(blocks)
    .map((g) => (g.kind === 'list' ? `<ul>${g.items.map((b) => `<li>${b.html}</li>`).join('')}</ul>` : g.block.kind === 'heading' ? `<h2>${g.block.html}</h2>` : `<p>${g.block.html}</p>`))
    .join('\n');
}
